import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, RuleMeta, Severity } from '@dockfix/core';
import { readRuleDoc, ruleDocUrl } from '@dockfix/rules/docs';
import { fingerprints } from './fingerprint.js';
import { PositionMap, type LineRange } from './positions.js';
import type { FileReport, ReportContext } from './types.js';

/** SARIF levels are none|note|warning|error; dockfix's `info` and `style` are notes. */
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** dockfix's page on the npm registry: the address that exists wherever dockfix was installed from. */
export const DOCKFIX_PACKAGE_URL = 'https://www.npmjs.com/package/dockfix';

/** The base id of relative artifact URIs; GitHub code scanning resolves it to the checkout. */
const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers): one run, the rules that appear with
 * their descriptions and doc links, and every result with its full region, a stable partial
 * fingerprint and, when dockfix can fix it, the fix as `artifactChanges` (GitHub ignores fixes today;
 * other viewers apply them).
 */
export function formatSarif(files: readonly FileReport[], context: ReportContext): string {
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  const results: object[] = [];
  for (const file of files) {
    const location = artifactLocation(file.filePath, context.cwd);
    const positions = file.text === undefined ? null : new PositionMap(file.text);
    const prints = fingerprints(file.filePath, file.diagnostics, file.text);
    file.diagnostics.forEach((d, i) => {
      let index = ruleIndex.get(d.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(d.ruleId, index);
        rules.push(ruleDescriptor(d, context.rules.get(d.ruleId)));
      }
      const fixes = d.fix && d.fix.edits.length > 0 && positions ? [toSarifFix(d, location, positions)] : undefined;
      results.push({
        ruleId: d.ruleId,
        ruleIndex: index,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: diagnosticRegion(d) } }],
        partialFingerprints: { 'dockfix/v1': prints[i] },
        ...(fixes ? { fixes } : {}),
        ...(d.fix ? { properties: { fixSafety: d.fix.safety } } : {}),
      });
    });
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockfix',
            version: context.version,
            semanticVersion: context.version,
            informationUri: DOCKFIX_PACKAGE_URL,
            rules,
          },
        },
        // An absolute file URI ending in `/`, as SARIF §3.14.14 requires of a base.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(d: Pick<Diagnostic, 'ruleId' | 'aliases' | 'severity'>, meta: RuleMeta | undefined): object {
  if (!meta) {
    // `syntax` (a file Docker would reject) and rules the registry does not know.
    const text = d.ruleId === 'syntax' ? 'The file is not a Dockerfile that docker build accepts' : d.ruleId;
    return { id: d.ruleId, shortDescription: { text }, defaultConfiguration: { level: LEVEL[d.severity] } };
  }
  const url = ruleDocUrl(meta.id);
  const rationale = meta.docs.rationale.trim();
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: firstParagraph(rationale) || meta.description },
    // The whole doc, so code scanning shows it beside the alert with no link to follow.
    help: { text: `${meta.description.replace(/\.?$/, '.')}\n\n${rationale}\n\nDocumentation: ${url}`, markdown: readRuleDoc(meta.id) ?? `${rationale}\n\n[Rule documentation](${url})` },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.optIn !== true },
    properties: { tags: [meta.category, ...d.aliases], fix: meta.fix },
  };
}

function firstParagraph(markdown: string): string {
  return (markdown.split(/\n\s*\n/)[0] ?? '')
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .trim();
}

function diagnosticRegion(d: Diagnostic): LineRange {
  return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

function toSarifFix(d: Diagnostic, location: ArtifactLocation, positions: PositionMap): object {
  const fix = d.fix as NonNullable<Diagnostic['fix']>;
  return {
    description: { text: fix.safety === 'unsafe' ? `${fix.title} (unsafe: may change what the image does)` : fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        // A region whose start equals its end is an insertion point (SARIF §3.30.1).
        replacements: fix.edits.map((edit) => ({ deletedRegion: positions.utf16(edit.start, edit.end), insertedContent: { text: edit.text } })),
      },
    ],
  };
}

/** A relative, percent-encoded URI under `%SRCROOT%` for files below `cwd`; an absolute file URI otherwise. */
export function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, filePath);
  const fromRoot = relative(cwd, absolute);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return { uri: pathToFileURL(absolute).href };
  return { uri: fromRoot.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
