/**
 * Where the built-in rule docs are published. @dockfix/rules ships `docs/rules/<id>.md` in its
 * tarball, so every published version's docs are at a registry CDN address that exists as long as
 * the version does, whatever happens to a repository or a website. The environment variable
 * overrides the base for a mirror, an internal registry or a docs site.
 */
export const RULE_DOCS_URL_ENV = 'DOCKFIX_RULE_DOCS_URL';

/**
 * The base URL (ending in `/`) of the rule docs of @dockfix/rules `rulesVersion`:
 * `$DOCKFIX_RULE_DOCS_URL` when set, else `https://unpkg.com/@dockfix/rules@<version>/docs/rules/`.
 */
export function ruleDocsBaseUrl(rulesVersion: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env[RULE_DOCS_URL_ENV]?.trim();
  if (override) return override.endsWith('/') ? override : `${override}/`;
  return `https://unpkg.com/@dockfix/rules@${encodeURIComponent(rulesVersion)}/docs/rules/`;
}

/** The URL of a rule's doc page under `baseUrl` (the id is not checked; callers skip pseudo-rules such as `syntax`). */
export function ruleDocUrl(ruleId: string, baseUrl: string): string {
  return `${baseUrl}${encodeURIComponent(ruleId).replace(/%2F/g, '/')}.md`;
}
