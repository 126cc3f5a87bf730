import { readFileSync } from 'node:fs';

// The bundle (scripts/bundle-cli.mjs) defines the versions: no package.json is beside it, and a
// URL relative to the bundle would reach past the package (in node_modules, the user's own
// package.json). From dist/ they are read from the packages, once.
declare const DOCKFIX_VERSION: string | undefined;
declare const DOCKFIX_RULES_VERSION: string | undefined;

let cliVersion: string | undefined;
let rulesPackageVersion: string | undefined;

/** dockfix's version: `--version`, the reports' tool version, the cache key. */
export function dockfixVersion(): string {
  cliVersion ??= typeof DOCKFIX_VERSION === 'string' ? DOCKFIX_VERSION : readVersion(new URL('../../package.json', import.meta.url));
  return cliVersion;
}

/** @dockfix/rules' version, for the cache key. */
export function rulesVersion(): string {
  rulesPackageVersion ??= typeof DOCKFIX_RULES_VERSION === 'string' ? DOCKFIX_RULES_VERSION : readVersion(new URL('../../../rules/package.json', import.meta.url));
  return rulesPackageVersion;
}

function readVersion(url: URL): string {
  try {
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
