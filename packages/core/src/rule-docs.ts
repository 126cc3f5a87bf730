/**
 * Where the rule docs live: `docs/rules/<id>.md` of the project's repository. Linked from editor
 * diagnostics and hovers, SARIF `helpUri`, rdjson `code.url` and `dockfix rule`. One constant, so
 * whoever moves the docs changes one line.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/dockfix/dockfix/blob/main/docs/rules/';

/** The URL of a rule's doc page (the id is not checked; callers skip pseudo-rules such as `syntax`). */
export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${encodeURIComponent(ruleId).replace(/%2F/g, '/')}.md`;
}
