import type { FileReport } from './types.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML (CI test-report views): a `<testsuite>` per file, a failing `<testcase>` per problem,
 * and one passing testcase for a clean file so it still shows up, as ESLint's formatter does.
 */
export function formatJunit(files: readonly FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  const total = files.reduce((sum, file) => sum + Math.max(1, file.diagnostics.length), 0);
  const failures = files.reduce((sum, file) => sum + file.diagnostics.length, 0);
  out.push(`<testsuites name="dockfix" tests="${total}" failures="${failures}" errors="0">`);
  for (const file of files) {
    const name = escapeXml(file.filePath);
    const tests = Math.max(1, file.diagnostics.length);
    out.push(`  <testsuite name="${name}" tests="${tests}" failures="${file.diagnostics.length}" errors="0" time="0">`);
    if (file.diagnostics.length === 0) out.push(`    <testcase name="dockfix" classname="${name}" time="0"/>`);
    for (const d of file.diagnostics) {
      const where = `${file.filePath}:${d.line}:${d.column}`;
      out.push(`    <testcase name="${escapeXml(`dockfix.${d.ruleId}`)}" classname="${name}" time="0">`);
      out.push(`      <failure message="${escapeXml(d.message)}" type="${d.severity}">${escapeXml(`${where}: ${d.severity}: ${d.message} [${d.ruleId}]`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
