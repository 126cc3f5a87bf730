import type { Colors } from '../colors.js';
import type { FileReport } from './types.js';

/** What every reporter gets besides the files. */
export interface ReportContext {
  readonly colors: Colors;
  /** The command that produced the report: `lint` ends with counts, `fix` with `summary`. */
  readonly command: 'lint' | 'fix';
  readonly summary?: string;
}

/** Renders a whole report as text. */
export type Reporter = (files: readonly FileReport[], context: ReportContext) => string;

/**
 * The reporters by `--format` name, each loaded only when a run asks for it.
 *
 * THE PATTERN (follow it for every reporter, command or other module a run may not need): a
 * registry of `() => import('./module.js')` thunks, never a static import. One-file `dockfix lint`
 * start-up is the product's first impression (pre-commit starts the CLI for every commit), and
 * every module imported up front is read, compiled and evaluated on every run. In the bundle
 * (scripts/bundle-cli.mjs) esbuild keeps each `import()` lazy: the module's code is in the one file
 * but is only evaluated when the thunk runs. A static import from a module on the start-up path
 * (main.ts, commands/common.ts) undoes that; `npm run bench` (bench/startup.mjs) shows the cost.
 */
export const REPORTERS = {
  stylish: async (): Promise<Reporter> => {
    const { formatStylish } = await import('./stylish.js');
    return (files, context) => formatStylish(files, { colors: context.colors, command: context.command, ...(context.summary ? { summary: context.summary } : {}) });
  },
  json: async (): Promise<Reporter> => {
    const { formatJson } = await import('./json.js');
    return (files) => formatJson(files);
  },
} satisfies Record<string, () => Promise<Reporter>>;

/** A `--format` name. */
export type ReporterName = keyof typeof REPORTERS;

/** Loads the reporter for a `--format` name. */
export function loadReporter(name: ReporterName): Promise<Reporter> {
  return REPORTERS[name]();
}
