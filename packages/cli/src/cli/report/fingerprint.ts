import type { Diagnostic } from '@dockfix/core';
import { sha256Hex } from '../hash.js';
import { PositionMap } from './positions.js';

/**
 * Fingerprints that survive unrelated edits (GitLab Code Quality collapses and tracks issues by
 * them; SARIF's `partialFingerprints` does the same for code scanning): a hash of the path, the rule,
 * the whitespace-normalised text of the lines the problem spans, and how many identical problems
 * came before it in the file. Line numbers are left out, so inserting a line above changes nothing.
 */
export function fingerprints(filePath: string, diagnostics: readonly Diagnostic[], text: string | undefined): string[] {
  const positions = text === undefined ? null : new PositionMap(text);
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    // Continuation backslashes and indentation are layout, not content.
    const snippet = positions ? normalise(positions.lines(d.range.start, d.range.end)) : `${d.line}:${d.column}`;
    const key = `${filePath}\0${d.ruleId}\0${snippet}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return sha256Hex(`${key}\0${occurrence}`).slice(0, 32);
  });
}

function normalise(text: string): string {
  return text.replace(/[\\`]\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
}
