import { isReporterName, REPORTER_ALIASES, REPORTER_NAMES, type ReporterName } from './registry.js';

/** One report a run writes: a format, to a file or (without a path) to the report stream. */
export interface OutputSpec {
  readonly format: ReporterName;
  readonly path?: string | undefined;
}

/**
 * Reads `--format name` / `--format name:path` (repeatable) and `-o path` into the reports to write.
 * `-o` names the file of the one format given without a path. At most one report goes to the
 * console. Throws an Error with a usage message otherwise.
 */
export function parseOutputs(formats: readonly string[], outputFile: string | undefined): OutputSpec[] {
  const specs: OutputSpec[] = (formats.length > 0 ? formats : ['stylish']).map((text) => {
    const colon = text.indexOf(':');
    const given = colon === -1 ? text : text.slice(0, colon);
    const name = REPORTER_ALIASES[given] ?? given;
    const path = colon === -1 ? undefined : text.slice(colon + 1);
    if (!isReporterName(name)) throw new Error(`--format: unknown format "${name}"; use one of ${REPORTER_NAMES.join(', ')}, optionally as name:path`);
    if (path === '') throw new Error(`--format ${name}: the path after ":" is empty; use --format ${name}:report-file`);
    return { format: name, path };
  });
  const toConsole = specs.filter((spec) => spec.path === undefined);
  if (toConsole.length > 1) {
    throw new Error(`only one report can go to the console, but ${toConsole.map((spec) => spec.format).join(' and ')} have no file; write the others with --format name:path`);
  }
  let outputs = specs;
  if (outputFile !== undefined) {
    if (toConsole.length === 0) throw new Error('--output-file needs a --format without a path to write; every --format here already names its file');
    outputs = specs.map((spec) => (spec.path === undefined ? { format: spec.format, path: outputFile } : spec));
  }
  const paths = outputs.flatMap((spec) => (spec.path === undefined ? [] : [spec.path]));
  const duplicate = paths.find((path, index) => paths.indexOf(path) !== index);
  if (duplicate !== undefined) throw new Error(`two reports would be written to ${duplicate}; give each --format name:path its own file`);
  return outputs;
}
