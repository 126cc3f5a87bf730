import type { Diagnostic as DockfixDiagnostic, Fix, Severity } from '@dockfix/core';
import { ruleDocFileUrl, ruleDocUrl as publicDocUrl } from '@dockfix/rules/docs';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The `source` of every diagnostic, shown by editors next to the message. */
export const SOURCE = 'dockfix';

/**
 * The link to a rule's documentation, or undefined for pseudo-rules such as `syntax`: the doc
 * @dockfix/rules ships (a `file:` URL, which opens offline and matches the installed version), else
 * the published one (a build without docs copied, e.g. a checkout before `npm run build`).
 */
export function ruleDocUrl(ruleId: string, knownRules: ReadonlySet<string>): string | undefined {
  if (!knownRules.has(ruleId)) return undefined;
  return ruleDocFileUrl(ruleId) ?? publicDocUrl(ruleId);
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

/** The LSP range of a text range given as offsets into the document's text. */
export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** A dockfix diagnostic as the editor sees it: rule id as `code`, a link to the rule's doc, aliases in the message. */
export function toLspDiagnostic(document: TextDocument, diagnostic: DockfixDiagnostic, knownRules: ReadonlySet<string>): Diagnostic {
  const href = ruleDocUrl(diagnostic.ruleId, knownRules);
  const aliases = diagnostic.aliases.length > 0 ? ` (${diagnostic.aliases.join(', ')})` : '';
  return {
    range: rangeOf(document, diagnostic.range.start, diagnostic.range.end),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: `${diagnostic.message}${aliases}`,
  };
}

/** A fix's edits (offsets into the document's text) as LSP text edits. */
export function toTextEdits(document: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: rangeOf(document, edit.start, edit.end), newText: edit.text }));
}

/** One edit replacing the whole document, or none when the text is the same. */
export function replaceAll(document: TextDocument, text: string): TextEdit[] {
  const current = document.getText();
  return text === current ? [] : [{ range: rangeOf(document, 0, current.length), newText: text }];
}
