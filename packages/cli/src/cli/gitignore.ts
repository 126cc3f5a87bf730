// fs.promises, read where it is used: importing node:fs/promises would load it (~1 ms, with
// Node's readline and fs watchers) in every CLI run, and a one-file lint uses none of it.
import { existsSync, promises as fsPromises } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';

/** One `.gitignore` (or `.git/info/exclude`) and the directory its patterns are relative to. */
interface IgnoreFile {
  readonly base: string;
  readonly matcher: Ignore;
}

/**
 * Decides which found files `.gitignore` files exclude, as git would for untracked files: the
 * `.gitignore` files from the repository root (the nearest directory with `.git`; without one, the
 * working directory) down to each file, plus `.git/info/exclude`, deeper files overriding shallower
 * ones (a `!pattern` re-includes). Used for directory and glob searches only: a file named on the
 * command line is linted whatever its ignore status, as in Ruff.
 */
export class GitignoreFilter {
  private readonly cache = new Map<string, Promise<IgnoreFile | null>>();

  private constructor(
    private readonly root: string,
    private readonly createMatcher: () => Ignore,
  ) {}

  /** A filter for a search below `searchRoot` (absolute). */
  static async create(searchRoot: string, cwd: string): Promise<GitignoreFilter> {
    const { default: ignore } = await import('ignore');
    return new GitignoreFilter(findRoot(searchRoot, cwd), () => ignore());
  }

  /** True when git would ignore the file at this absolute path. */
  async ignores(absolutePath: string): Promise<boolean> {
    if (!isInside(this.root, absolutePath)) return false;
    const directories: string[] = [];
    for (let dir = dirname(absolutePath); ; dir = dirname(dir)) {
      directories.unshift(dir);
      if (dir === this.root || dir === dirname(dir)) break;
    }
    const files = await Promise.all([this.load(join(this.root, '.git', 'info', 'exclude'), this.root), ...directories.map((dir) => this.load(join(dir, '.gitignore'), dir))]);
    let ignored = false;
    for (const file of files) {
      if (!file) continue;
      const result = file.matcher.test(relative(file.base, absolutePath).split(sep).join('/'));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private load(path: string, base: string): Promise<IgnoreFile | null> {
    let entry = this.cache.get(path);
    if (!entry) {
      entry = fsPromises.readFile(path, 'utf8').then(
        (text) => ({ base, matcher: this.createMatcher().add(text) }),
        () => null, // no such file (the usual case) or unreadable: nothing to ignore
      );
      this.cache.set(path, entry);
    }
    return entry;
  }
}

function findRoot(searchRoot: string, cwd: string): string {
  for (let dir = searchRoot; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dir === dirname(dir)) break;
  }
  return isInside(cwd, searchRoot) ? cwd : searchRoot;
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
