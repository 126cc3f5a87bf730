import type { Severity } from '@dockfix/core';
import { fingerprints } from './fingerprint.js';
import type { FileReport } from './types.js';

/** GitLab's vocabulary is info|minor|major|critical|blocker; the mapping eslint-formatter-gitlab uses. */
const SEVERITY: Readonly<Record<Severity, 'major' | 'minor' | 'info'>> = { error: 'major', warning: 'minor', info: 'info', style: 'info' };

/** One issue of a GitLab Code Quality report (the Code Climate subset GitLab reads). */
export interface CodeQualityIssue {
  readonly type: 'issue';
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'major' | 'minor' | 'info';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

/** GitLab Code Quality JSON (`artifacts: reports: codequality:`): an array of issues with stable fingerprints. */
export function formatGitlab(files: readonly FileReport[]): string {
  const issues: CodeQualityIssue[] = [];
  for (const file of files) {
    // GitLab wants repository-relative paths with forward slashes.
    const path = file.filePath.replace(/\\/g, '/').replace(/^\.\//, '');
    const prints = fingerprints(path, file.diagnostics, file.text);
    file.diagnostics.forEach((d, index) => {
      issues.push({
        type: 'issue',
        description: `${d.message} (${d.ruleId})`,
        check_name: d.ruleId,
        fingerprint: prints[index] as string,
        severity: SEVERITY[d.severity],
        location: { path, lines: { begin: d.line, end: d.endLine } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
