import type { Diagnostic } from '@dockfix/core';
import type { FileReport } from './types.js';

/** One message of the JSON report: the stable public shape (see DESIGN.md, "Public interfaces"). */
export interface JsonMessage {
  readonly ruleId: string;
  readonly aliases: readonly string[];
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: {
    readonly safety: 'safe' | 'unsafe';
    readonly title: string;
    /** UTF-16 offsets into the file's text (a BOM, when present, is offset 0). */
    readonly edits: readonly { readonly start: number; readonly end: number; readonly text: string }[];
  };
}

/** One file of the JSON report. */
export interface JsonFileResult {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fixableCount: number;
}

/** Builds the JSON report: an array with one object per file, fields picked explicitly so nothing internal leaks. */
export function toJsonReport(files: readonly FileReport[]): JsonFileResult[] {
  return files.map((file) => ({
    filePath: file.filePath,
    messages: file.diagnostics.map(toJsonMessage),
    errorCount: file.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: file.diagnostics.filter((d) => d.severity === 'warning').length,
    fixableCount: file.diagnostics.filter((d) => d.fix !== undefined).length,
  }));
}

/** The JSON report as text, one line, newline-terminated. */
export function formatJson(files: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonReport(files))}\n`;
}

function toJsonMessage(d: Diagnostic): JsonMessage {
  return {
    ruleId: d.ruleId,
    aliases: [...d.aliases],
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    ...(d.fix
      ? { fix: { safety: d.fix.safety, title: d.fix.title, edits: d.fix.edits.map(({ start, end, text }) => ({ start, end, text })) } }
      : {}),
  };
}
