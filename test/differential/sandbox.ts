// Runs the RUN instructions of a Dockerfile the way `docker build` would, against stub programs, in a
// scratch root: every RUN in a fresh `/bin/sh -c` (or the stage's SHELL) from the WORKDIR, with the
// ENV so far, chrooted into a throw-away directory. What it returns (exit statuses, the stubs' trace,
// the files left behind) is what the differential test compares.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildModel, Source } from '@dockfix/core';
import { STUBS } from './stubs.js';

/** Real programs copied into the sandbox (with their shared libraries). */
const PROGRAMS = ['dash', 'bash', 'mkdir', 'rm', 'touch', 'cat', 'cp', 'mv', 'ls', 'ln', 'chmod', 'env', 'sort', 'find', 'tee', 'grep', 'sed', 'head', 'tr', 'wc', 'true', 'false', 'id', 'uname', 'basename', 'dirname', 'sleep', 'printf', 'test'];

/** Directories whose content is cache: a safe fix may change them, so the comparison leaves them out. */
export const CACHE_DIRS = ['/var/lib/apt/lists', '/var/cache', '/root/.cache', '/root/.npm', '/usr/local/share/.cache', '/root/.local/share/pnpm/store'];

/** Files of the build context that COPY can take. */
export const CONTEXT: Readonly<Record<string, string>> = {
  'package.json': '{"name":"app","dependencies":{"dep":"1"},"devDependencies":{"devdep":"1"}}\n',
  'package-lock.json': '{"lockfileVersion":3}\n',
  'yarn.lock': '# yarn lockfile v1\n',
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  'requirements.txt': 'flask==3.0.3\nrequests\n',
  'go.mod': 'module example.com/app\n',
  'go.sum': '',
  'src/app.js': 'console.log("hi")\n',
  'src/server.py': 'print("hi")\n',
  'README.md': '# app\n',
};

/** What one build did. */
export interface BuildResult {
  /** Exit status of each RUN that ran, in order; the build stops at the first non-zero one. */
  readonly exits: readonly number[];
  readonly ok: boolean;
  /** The stubs' trace lines (effects that must not change). */
  readonly trace: readonly string[];
  /** Every path left in the root outside the sandbox's own files and the cache directories, with file contents. */
  readonly files: readonly string[];
  /** Set when the Dockerfile uses something the sandbox cannot run (a second stage, COPY --from, …). */
  readonly unsupported: string | null;
  /** stderr of the RUN that failed, for messages. */
  readonly error: string;
}

/** True when this machine can run the sandbox: Linux, root (or user namespaces), chroot, dash. */
export function sandboxAvailable(): { ok: boolean; why: string } {
  if (process.platform !== 'linux') return { ok: false, why: 'the differential test needs Linux (chroot)' };
  for (const program of ['chroot', 'dash', 'bash']) {
    if (spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0) return { ok: false, why: `\`${program}\` is not installed` };
  }
  const probe = mkdtempSync(path.join(tmpdir(), 'dockfix-probe-'));
  try {
    const base = prepareBase(probe);
    const result = spawnSync(...chrootCommand(base, ['/bin/sh', '-c', 'true']));
    return result.status === 0 ? { ok: true, why: '' } : { ok: false, why: `chroot does not work here (${String(result.stderr).trim() || result.error?.message})` };
  } catch (error) {
    return { ok: false, why: (error as Error).message };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** The absolute path of a host program (the sandbox's PATH does not have it). */
const hostPrograms = new Map<string, string>();
function hostProgram(name: string): string {
  const known = hostPrograms.get(name);
  if (known) return known;
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || name;
  hostPrograms.set(name, found);
  return found;
}

/** `chroot` directly as root; through an unprivileged user namespace otherwise. */
function chrootCommand(root: string, argv: readonly string[]): [string, string[]] {
  if (process.getuid?.() === 0) return [hostProgram('chroot'), [root, ...argv]];
  return [hostProgram('unshare'), ['--user', '--map-root-user', hostProgram('chroot'), root, ...argv]];
}

function librariesOf(binary: string): string[] {
  const out = execFileSync('ldd', [binary], { encoding: 'utf8' });
  return [...out.matchAll(/(\/\S+)/g)].map((match) => match[1] as string).filter((lib) => existsSync(lib));
}

/** Builds the read-only base of every sandbox root under `dir`: shells, coreutils, their libraries, the stubs. */
export function prepareBase(dir: string): string {
  const base = path.join(dir, 'base');
  mkdirSync(path.join(base, 'bin'), { recursive: true });
  const libraries = new Set<string>();
  for (const program of PROGRAMS) {
    const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
    if (!found.startsWith('/')) continue; // a shell builtin only (printf, test): dash has it
    copyFileSync(found, path.join(base, 'bin', program));
    chmodSync(path.join(base, 'bin', program), 0o755);
    for (const lib of librariesOf(found)) libraries.add(lib);
  }
  for (const lib of libraries) {
    mkdirSync(path.join(base, path.dirname(lib)), { recursive: true });
    copyFileSync(lib, path.join(base, lib));
  }
  symlinkSync('dash', path.join(base, 'bin', 'sh'));
  symlinkSync('bash', path.join(base, 'bin', 'ash')); // Alpine's ash, approximated by bash (both know pipefail)
  mkdirSync(path.join(base, 'usr'), { recursive: true });
  symlinkSync('../bin', path.join(base, 'usr', 'bin'));
  mkdirSync(path.join(base, 'stubs'));
  for (const [name, text] of Object.entries(STUBS)) {
    writeFileSync(path.join(base, 'stubs', name), text);
    chmodSync(path.join(base, 'stubs', name), 0o755);
  }
  return base;
}

/** Paths under the root that belong to the sandbox, not to the build. */
const SANDBOX_PATHS = new Set(['/bin', '/usr/bin', '/lib', '/lib64', '/usr/lib', '/stubs', '/trace', '/argv.log', '/dev', '/proc', '/context', '/driver.sh', '/exits', '/stderr']);

function isSandboxPath(p: string): boolean {
  for (const prefix of SANDBOX_PATHS) if (p === prefix || p.startsWith(`${prefix}/`)) return true;
  return false;
}

function isCache(p: string): boolean {
  return CACHE_DIRS.some((dir) => p === dir || p.startsWith(`${dir}/`));
}

/** Every path of the build under `root` (dirs end with `/`, files carry their content). */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (isSandboxPath(child) || isCache(child)) continue;
      const full = path.join(root, child);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out.push(`${child} -> ${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        out.push(`${child}/`);
        walk(child);
      } else out.push(`${child} = ${JSON.stringify(readFileSync(full, 'utf8'))}`);
    }
  };
  walk('');
  return out;
}

/**
 * The command text Docker hands to the shell for a shell-form RUN: CRs dropped, the escape character
 * before a line break removed together with the break, and comment or empty lines inside a
 * continuation dropped (BuildKit's parser does all three).
 */
export function shellText(body: string, escapeChar: string): string {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  let out = '';
  let continuing = false;
  for (const line of lines) {
    if (continuing && /^\s*(#.*)?$/.test(line)) continue;
    const trimmed = line.replace(/[ \t]+$/, '');
    if (trimmed.endsWith(escapeChar)) {
      out += trimmed.slice(0, -1);
      continuing = true;
    } else {
      out += line;
      continuing = false;
      out += '\n';
    }
  }
  return out.replace(/\n$/, '');
}

/** One step of a build: a RUN to execute, or a change of directory or environment. */
type Step =
  | { kind: 'run'; argv: string[] }
  | { kind: 'workdir'; dir: string }
  | { kind: 'env'; name: string; value: string }
  | { kind: 'copy'; sources: string[]; dest: string };

/** Turns a Dockerfile into build steps; a string says what the sandbox cannot run. */
export function plan(text: string): Step[] | string {
  const source = new Source(text);
  const model = buildModel(source);
  if (model.syntaxProblems.length > 0) return `does not parse: ${model.syntaxProblems[0]?.message}`;
  if (model.stages.length !== 1) return 'more than one stage';
  const steps: Step[] = [];
  let shell = ['/bin/sh', '-c'];
  for (const instruction of model.instructions) {
    switch (instruction.keyword) {
      case 'FROM':
      case 'ARG':
      case 'LABEL':
      case 'EXPOSE':
      case 'CMD':
      case 'ENTRYPOINT':
      case 'HEALTHCHECK':
      case 'STOPSIGNAL':
      case 'USER':
      case 'VOLUME':
      case 'MAINTAINER':
        break; // nothing a RUN can observe in this sandbox (USER: every RUN runs as root here)
      case 'SHELL':
        if (!instruction.json) return 'SHELL not in JSON form';
        shell = [...instruction.json];
        break;
      case 'WORKDIR':
        steps.push({ kind: 'workdir', dir: instruction.args[0]?.value ?? '/' });
        break;
      case 'ENV': {
        for (const arg of instruction.args) {
          const eq = arg.value.indexOf('=');
          if (eq === -1) return 'ENV in the legacy `ENV key value` form';
          steps.push({ kind: 'env', name: arg.value.slice(0, eq), value: arg.value.slice(eq + 1).replace(/^"(.*)"$/, '$1') });
        }
        break;
      }
      case 'COPY':
      case 'ADD': {
        if (instruction.flags.some((flag) => flag.name === 'from')) return 'COPY --from';
        const words = instruction.json ?? instruction.args.map((arg) => arg.value);
        steps.push({ kind: 'copy', sources: words.slice(0, -1), dest: words.at(-1) ?? '.' });
        break;
      }
      case 'RUN': {
        const run = instruction.run;
        if (!run?.body) return 'RUN without a body';
        if (run.form === 'exec') steps.push({ kind: 'run', argv: [...(instruction.json ?? [])] });
        else {
          if (instruction.flags.length > 0) return 'RUN with flags';
          const body = source.slice(run.body);
          const command = run.form === 'heredoc' ? body.replace(/\r\n/g, '\n') : shellText(body, source.escapeChar);
          steps.push({ kind: 'run', argv: [...shell, command] });
        }
        break;
      }
      default:
        return `instruction ${instruction.keyword}`;
    }
  }
  return steps;
}

/** `*` and `?` globs of a COPY source against the context's file names. */
function matchContext(pattern: string): string[] {
  const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '');
  if (clean === '.' || clean === '') return Object.keys(CONTEXT);
  const regex = new RegExp(`^${clean.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}(/.*)?$`);
  return Object.keys(CONTEXT).filter((file) => regex.test(file));
}

let counter = 0;

/** A shell word that stands for `value` exactly. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Hard-links every file of `from` into `to` (directories and symlinks are recreated): no process to spawn. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target);
    else linkSync(source, target);
  }
}

/**
 * Runs a Dockerfile in a fresh root made from `base`; `scratch` is a directory for the roots.
 *
 * The steps become one driver script that runs inside the chroot: `mkdir -p` + `cd` for WORKDIR,
 * `export` for ENV, `cp` from /context for COPY, and for each RUN a subshell that execs a fresh
 * `/bin/sh -c <body>` (or the SHELL) in the current directory, with only the exported ENV. One chroot
 * per build instead of one per RUN keeps the test fast.
 */
export async function build(text: string, base: string, scratch: string): Promise<BuildResult> {
  const steps = plan(text);
  if (typeof steps === 'string') return { exits: [], ok: false, trace: [], files: [], unsupported: steps, error: '' };
  const root = path.join(scratch, `root-${process.pid}-${counter++}`);
  linkTree(base, root);
  for (const dir of ['/tmp', '/root', '/var/lib/apt/lists/partial', '/var/cache/apt/archives', '/var/cache/apk', '/etc/apt/apt.conf.d', '/opt']) {
    mkdirSync(path.join(root, dir), { recursive: true });
  }
  for (const [file, content] of Object.entries(CONTEXT)) {
    mkdirSync(path.join(root, 'context', path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, 'context', file), content);
  }
  writeFileSync(path.join(root, 'trace'), '');
  const driver: string[] = ['export PATH=/stubs:/usr/local/bin:/usr/bin:/bin HOME=/root', 'cd /', ': > /exits'];
  let workdir = '/';
  for (const step of steps) {
    if (step.kind === 'workdir') {
      workdir = path.posix.resolve(workdir, step.dir);
      driver.push(`mkdir -p ${quote(workdir)} && cd ${quote(workdir)}`);
    } else if (step.kind === 'env') {
      // ENV values expand earlier ENV variables (not shell syntax in general; the generator keeps them simple).
      driver.push(`export ${step.name}=${quote(step.value).replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, "'\"$${$1}\"'")}`);
    } else if (step.kind === 'copy') {
      const destDir = path.posix.resolve(workdir, step.dest);
      const toDir = step.dest.endsWith('/') || step.dest === '.' || step.sources.length > 1;
      for (const sourcePattern of step.sources) {
        const clean = sourcePattern.replace(/^\.\//, '').replace(/\/$/, '');
        const whole = clean === '.' || clean === '';
        for (const file of matchContext(sourcePattern)) {
          // `COPY . dest` keeps the tree; a named file or a glob lands in dest by its base name.
          const target = whole ? path.posix.join(destDir, file) : toDir || /[*?]/.test(clean) ? path.posix.join(destDir, path.posix.basename(file)) : destDir;
          driver.push(`mkdir -p ${quote(path.posix.dirname(target))} && cp ${quote(`/context/${file}`)} ${quote(target)}`);
        }
      }
    } else {
      driver.push(`( exec ${step.argv.map(quote).join(' ')} ) 2>> /stderr; s=$?; echo $s >> /exits; [ $s = 0 ] || exit 0`);
    }
  }
  writeFileSync(path.join(root, 'driver.sh'), `${driver.join('\n')}\n`);
  try {
    const [program, args] = chrootCommand(root, ['/bin/dash', '/driver.sh']);
    const result = await run(program, args, { PATH: '/usr/bin:/bin' });
    const exits = readFileSync(path.join(root, 'exits'), 'utf8').split('\n').filter(Boolean).map(Number);
    const stderr = existsSync(path.join(root, 'stderr')) ? readFileSync(path.join(root, 'stderr'), 'utf8') : '';
    if (result.status !== 0) return { exits, ok: false, trace: [], files: [], unsupported: `the driver failed: ${result.stderr.trim()}`, error: '' };
    const trace = readFileSync(path.join(root, 'trace'), 'utf8').split('\n').filter(Boolean);
    const ok = exits.every((status) => status === 0);
    return { exits, ok, trace, files: snapshot(root), unsupported: null, error: ok ? '' : stderr.trim().split('\n').slice(-3).join(' | ') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function run(program: string, args: string[], env: Record<string, string>): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 127, stderr: `cannot start ${program}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? (signal ? 128 : 1), stderr });
    });
  });
}
