import { createRequire } from 'node:module';
import { basename, posix } from 'node:path';
import { defineRule, type ContextFiles, type Instruction } from '@dockfix/core';
import { TRAILING_SLASHES } from '../lib/text.js';

type DockerignoreFactory = typeof import('@balena/dockerignore').default;
let dockerignore: DockerignoreFactory | undefined;

/**
 * A new matcher from @balena/dockerignore, loaded on the first file with an ignore file rather than
 * with the rules. The package is CommonJS (`module.exports = factory`) while its types declare a
 * default export, which Node's ESM loader does not give: load it with require. In a bundle
 * `require` is defined and esbuild bundles the literal `require(...)`, so the CLI no longer resolves
 * and compiles the package from node_modules at start-up (~1 ms); in dist/ createRequire finds it.
 */
function newMatcher(): ReturnType<DockerignoreFactory> {
  dockerignore ??= (typeof require === 'function' ? require('@balena/dockerignore') : createRequire(import.meta.url)('@balena/dockerignore')) as DockerignoreFactory;
  return dockerignore();
}

/** The ignore file BuildKit would use for a build whose context is the Dockerfile's directory, if there is one. */
function ignoreFileBeside(files: ContextFiles, filePath: string): string | null {
  for (const candidate of [`${basename(filePath)}.dockerignore`, '.dockerignore']) {
    if (files.stat(candidate)) return candidate;
  }
  return null;
}

/** The patterns of an ignore file: one a line, `#` comments and blank lines dropped, as BuildKit reads them. */
function readPatterns(files: ContextFiles, path: string): string[] | null {
  const text = files.readText(path);
  if (text === null) return null;
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The local sources of a COPY or ADD from the build context, as written (no heredocs, URLs or variables). */
function contextSources(instruction: Instruction): { value: string; range: Instruction['args'][number]['range'] }[] {
  if (instruction.flags.some((flag) => flag.name === 'from')) return [];
  const args = instruction.json ? [] : instruction.args.slice(0, -1);
  return args.filter((arg) => !arg.value.startsWith('<<') && !arg.value.includes('$') && !/^(?:https?|git):\/\/|^git@/.test(arg.value));
}

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    category: 'context',
    severity: 'warning',
    description: 'Do not `COPY` or `ADD` a path that `.dockerignore` leaves out of the build context',
    fix: 'none',
    sources: [{ tool: 'buildkit', rule: 'CopyIgnoredFile', kind: 'same' }],
    docs: {
      rationale: [
        'Paths that match `.dockerignore` are not sent to the builder, so copying one fails with "not found", or,',
        'through a wildcard or a directory, silently copies less than intended. The rule reads the',
        '`<Dockerfile name>.dockerignore` beside the linted file, or else the `.dockerignore` beside it (the build',
        'context is taken to be the Dockerfile\'s directory), and checks each literal source of `COPY` and `ADD`',
        'that comes from the context. Like BuildKit, it checks a path and its parent directories, says nothing',
        'when the ignore file has `!` exceptions (whether a path is re-included then depends on the files on',
        'disk), and reports `COPY . .` only when the ignore file excludes everything (`*`, `**`, `**/*`).',
        '',
        "Patterns are matched with `@balena/dockerignore`, which follows Docker's rules: paths are relative to",
        'the context root, `**` spans directories, and a pattern also excludes what is inside a matched directory.',
        'Sources with variables are skipped (their value is only known at build time); so is linting from stdin.',
      ].join('\n'),
      exampleFiles: { '.dockerignore': '.git\nnode_modules\n*.md\n' },
      invalid: ['FROM node:24-slim\nCOPY package.json README.md /srv/app/\n', 'FROM node:24-slim\nCOPY node_modules/ /srv/app/node_modules/\n'],
      valid: ['FROM node:24-slim\nCOPY package.json src/ /srv/app/\n', 'FROM node:24-slim\nCOPY --from=deps /app/node_modules /srv/app/node_modules\n'],
      fixNotes: 'No automatic fix: either the ignore file or the COPY is wrong, and only the author knows which.',
    },
  },
  create(ctx) {
    const ignoreFile = ctx.filePath ? ignoreFileBeside(ctx.files, ctx.filePath) : null;
    const patterns = ignoreFile ? readPatterns(ctx.files, ignoreFile) : null;
    if (!ignoreFile || !patterns || patterns.length === 0 || patterns.some((pattern) => pattern.startsWith('!'))) return {};
    const matcher = newMatcher().add(patterns);
    const rootIgnored = patterns.some((pattern) => ['*', '**', '**/*'].includes(pattern));
    const check = (instruction: Instruction) => {
      for (const source of contextSources(instruction)) {
        const clean = posix.normalize(source.value.replace(/\\/g, '/')).replace(/^\/+/, '').replace(TRAILING_SLASHES, '');
        const root = clean === '' || clean === '.';
        if (root ? !rootIgnored : clean.startsWith('..') || !matcher.ignores(clean)) continue;
        ctx.report({
          node: source.range,
          message: `\`${instruction.keyword} ${source.value}\`: the path is excluded by ${basename(ignoreFile)}`,
        });
      }
    };
    return { COPY: check, ADD: check };
  },
});
