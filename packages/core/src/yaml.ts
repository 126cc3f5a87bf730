import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

/**
 * Parses YAML with the yaml package, loaded on the first call rather than with @dockfix/core: it is
 * ~60 CommonJS modules, about 40 ms of CPU, more than a third of `import('@dockfix/core')`, and a
 * run reads YAML only for a `.dockfix.yaml`, a `.dockfixrc` or a `.hadolint.yaml`.
 * Synchronous, as readHadolintConfig is, so require() rather than import(); yaml's Node build is
 * CommonJS, the very module an import would give. In a bundle `require` is defined (the CLI's is a
 * CommonJS script; the ES module bundles' banner defines it, scripts/esm-banner.mjs), and the literal
 * `require('yaml')` lets esbuild bundle yaml and evaluate it here; in dist/, an ES module, there is
 * no `require`, and createRequire finds yaml beside @dockfix/core.
 */
export function parseYamlDocument(text: string): Yaml.Document.Parsed {
  yaml ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as typeof Yaml;
  return yaml.parseDocument(text);
}
