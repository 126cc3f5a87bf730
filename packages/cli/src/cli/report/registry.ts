import type { Reporter } from './types.js';

/** Every `--format` name. `gnu` is the same line format as `compact` (GCC's `file:line:col: severity: message`). */
export const REPORTER_NAMES = ['stylish', 'compact', 'gnu', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit', 'rdjson'] as const;

/** A `--format` name. */
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** hadolint's names for the same formats, accepted so `-f tty` and `-f gitlab_codeclimate` keep working. */
export const REPORTER_ALIASES: Readonly<Record<string, ReporterName>> = { tty: 'stylish', gitlab_codeclimate: 'gitlab' };

/** True for a known `--format` name. */
export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}

/**
 * Loads one reporter: each lives in its own module, imported only when a run asks for it.
 *
 * THE PATTERN (follow it for every reporter, command or other module a run may not need): an
 * `await import('./module.js')` where it is needed, never a static import. One-file `dockfix lint`
 * start-up is the product's first impression (pre-commit starts the CLI for every commit), and every
 * module imported up front is read, compiled and evaluated on every run. In the bundle
 * (scripts/bundle-cli.mjs) esbuild keeps each `import()` lazy: the module's code is in the one file
 * but is only evaluated when it runs. A static import from a module on the start-up path (main.ts,
 * commands/common.ts) undoes that; `npm run bench` (bench/startup.mjs) shows the cost.
 */
export async function loadReporter(name: ReporterName): Promise<Reporter> {
  switch (name) {
    case 'stylish': {
      const { formatStylish } = await import('./stylish.js');
      return (files, context) => formatStylish(files, { colors: context.colors, command: context.command, verbose: context.verbose === true, ...(context.summary ? { summary: context.summary } : {}) });
    }
    case 'compact':
    case 'gnu':
      return (await import('./compact.js')).formatCompact;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'gitlab':
      return (await import('./gitlab.js')).formatGitlab;
    case 'checkstyle':
      return (await import('./checkstyle.js')).formatCheckstyle;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
    case 'rdjson':
      return (await import('./rdjson.js')).formatRdjson;
  }
}
