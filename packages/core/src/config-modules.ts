import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from './config.js';
import { SEVERITIES } from './diagnostic.js';
import type { Rule } from './rule.js';
import { importModule } from './import-module.js';

/**
 * Resolves a shareable config or plugin the way Node resolves an import written in a file in `dir`:
 * a relative or absolute path, or a package in the `node_modules` above `dir`. Returns the file.
 * `where` names the config file and key for the error when nothing is found.
 */
export function resolveModule(specifier: string, dir: string, where: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = resolve(dir, specifier);
    for (const candidate of [path, `${path}.js`, `${path}.mjs`, `${path}.cjs`, `${path}.json`, join(path, 'package.json')]) {
      if (!existsSync(candidate)) continue;
      return candidate.endsWith('package.json') ? packageEntry(candidate.slice(0, -'package.json'.length), where, specifier) : candidate;
    }
    throw new ConfigError(`${where}: cannot find "${specifier}" (looked for ${path}); check the path`);
  }
  const require = createRequire(join(dir, 'noop.js'));
  try {
    return require.resolve(specifier);
  } catch (error) {
    // ESM-only packages export no `require` condition; read their package.json instead.
    for (const base of require.resolve.paths(specifier) ?? []) {
      const manifest = join(base, specifier, 'package.json');
      if (existsSync(manifest)) return packageEntry(join(base, specifier), where, specifier);
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'MODULE_NOT_FOUND' ? `is not installed where ${dir} can see it; run \`npm install -D ${specifier}\`` : (error as Error).message;
    throw new ConfigError(`${where}: cannot find "${specifier}": it ${reason}`);
  }
}

/** The entry file of a package directory: `exports["."]` (import/default condition), else `main`, else index.js. */
function packageEntry(dir: string, where: string, specifier: string): string {
  let manifest: { exports?: unknown; main?: string };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    throw new ConfigError(`${where}: "${specifier}" has an unreadable package.json: ${(error as Error).message}`);
  }
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    if ('.' in record) return pick(record['.']);
    return pick(record.import) ?? pick(record.node) ?? pick(record.default) ?? pick(record.require);
  };
  const entry = pick(manifest.exports) ?? manifest.main ?? 'index.js';
  const path = resolve(dir, entry);
  if (!existsSync(path)) throw new ConfigError(`${where}: "${specifier}" names ${entry} as its entry, which does not exist`);
  return path;
}

/** A plugin that was loaded: its namespace and its rules with namespaced ids (`acme/no-foo`). */
export interface LoadedPlugin {
  readonly name: string;
  readonly path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly rules: readonly Rule<any>[];
}

/** `dockfix-plugin-acme` → `acme`, `@acme/dockfix-plugin` → `@acme`, `@acme/dockfix-plugin-x` → `@acme/x`, like ESLint. */
export function pluginNamespace(packageName: string): string {
  const scoped = /^(@[^/]+)\/(.+)$/.exec(packageName);
  if (scoped) {
    const [, scope, rest] = scoped as unknown as [string, string, string];
    if (rest === 'dockfix-plugin') return scope;
    return `${scope}/${rest.replace(/^dockfix-plugin-/, '')}`;
  }
  return packageName.replace(/^dockfix-plugin-/, '');
}

/**
 * Imports a plugin (this runs its code) and checks what it exports: `{ name?, rules }` as the default
 * export or the module itself, with `rules` an object of id → rule (or an array of rules) made with
 * `defineRule`. Every problem is a ConfigError naming `where` (the config file and key).
 */
export async function loadPlugin(specifier: string, dir: string, where: string): Promise<LoadedPlugin> {
  const path = resolveModule(specifier, dir, where);
  let module: Record<string, unknown>;
  try {
    module = (await importModule(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${where}: plugin "${specifier}" threw while loading: ${(error as Error).message}`);
  }
  const exported = (typeof module.default === 'object' && module.default !== null ? module.default : module) as Record<string, unknown>;
  const local = specifier.startsWith('.') || isAbsolute(specifier);
  const declared = typeof exported.name === 'string' ? exported.name : undefined;
  if (local && !declared) throw new ConfigError(`${where}: local plugin "${specifier}" must export a "name" (its rule ids become name/rule-id)`);
  const name = declared ?? pluginNamespace(specifier);
  const list = exported.rules;
  const entries: [string | undefined, unknown][] = Array.isArray(list)
    ? list.map((rule) => [undefined, rule])
    : typeof list === 'object' && list !== null
      ? Object.entries(list)
      : [];
  if (entries.length === 0) throw new ConfigError(`${where}: plugin "${specifier}" exports no rules; it must export { rules: { "rule-id": defineRule(…) } }`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rules: Rule<any>[] = entries.map(([key, value]) => {
    const rule = value as Partial<Rule>;
    const meta = rule?.meta;
    if (typeof rule?.create !== 'function' || typeof meta !== 'object' || meta === null || typeof (key ?? meta.id) !== 'string') {
      throw new ConfigError(`${where}: plugin "${specifier}": rule "${key ?? '?'}" is not a rule made with defineRule (needs meta and create)`);
    }
    if (!(SEVERITIES as readonly string[]).includes(meta.severity)) throw new ConfigError(`${where}: plugin "${specifier}": rule "${key ?? meta.id}" has no valid meta.severity`);
    const id = key ?? meta.id;
    const localId = id.startsWith(`${name}/`) ? id.slice(name.length + 1) : id;
    return { ...rule, meta: { ...meta, id: `${name}/${localId}`, category: meta.category ?? name, docs: meta.docs ?? { rationale: '', invalid: [], valid: [] } } } as Rule;
  });
  return { name, path, rules };
}

