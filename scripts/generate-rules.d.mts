// Types for scripts/generate-rules.mjs, for the tests that import it.
import type { createLinter, Rule } from '@dockfix/core';

/** A rule file found under packages/rules/src/<category>/<id>.ts. */
export interface RuleFile {
  readonly category: string;
  readonly id: string;
  readonly path: string;
}

/** Rule files in id order. */
export function findRuleFiles(root?: string): RuleFile[];
/** The text of packages/rules/src/index.ts for the rule files on disk. */
export function renderIndex(root?: string): string;
/** The Markdown page of one rule. */
export function renderRuleDoc(rule: Rule<Record<string, unknown>>, linter?: typeof createLinter): string;
/** docs/rules/README.md. */
export function renderReadme(rules: readonly Rule<Record<string, unknown>>[]): string;
/** Every file under docs/rules, keyed by file name. */
export function renderDocs(rules: readonly Rule<Record<string, unknown>>[], linter?: typeof createLinter): Map<string, string>;
/** File names whose content on disk differs from `expected`, or that should not exist. */
export function staleFiles(dir: string, expected: ReadonlyMap<string, string>): string[];
