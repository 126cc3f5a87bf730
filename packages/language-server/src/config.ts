import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, createConfigResolver, type ConfigResolver, type FileConfig, type Rule } from '@dockfix/core';

/** The configuration that applies to a document: a usable one (maybe none, i.e. the defaults), or a broken file and why. */
export type ConfigState = { readonly kind: 'ok'; readonly fileConfig: FileConfig } | { readonly kind: 'error'; readonly message: string };

/**
 * The CLI's configuration resolution for documents: the nearest dockfix config up from the file
 * (else `.hadolint.yaml`), with extends, overrides and plugins. The config file a document used is
 * re-checked (size, mtime) on every request, so an edit is picked up on the next keystroke even from
 * a client that does not report watched-file changes; until then the same Config object is handed
 * out, which keeps the linter's per-config rule resolution cached.
 */
export class ConfigCache {
  private readonly resolver: ConfigResolver;
  private readonly stamps = new Map<string, string>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(rules: readonly Rule<any>[], cwd?: string) {
    this.resolver = createConfigResolver({ rules, ...(cwd ? { cwd } : {}) });
  }

  /** The configuration for a document at `filePath`; for an untitled buffer, that of `fallbackDirectory` (the workspace). */
  async forFile(filePath: string | undefined, fallbackDirectory: string | undefined): Promise<ConfigState> {
    const target = filePath ?? join(fallbackDirectory ?? process.cwd(), '-');
    try {
      let fileConfig = await this.resolver.forFile(target);
      if (this.changed(fileConfig.configFile)) {
        this.resolver.clear();
        fileConfig = await this.resolver.forFile(target);
        this.changed(fileConfig.configFile);
      }
      return { kind: 'ok', fileConfig };
    } catch (error) {
      // Unknown rule ids, bad options and broken files alike: the message names the file and key.
      const message = error instanceof ConfigError ? error.message : `cannot use the config file: ${error instanceof Error ? error.message : String(error)}`;
      return { kind: 'error', message };
    }
  }

  /** Forgets every file read, so the next request reads them again. */
  clear(): void {
    this.resolver.clear();
    this.stamps.clear();
  }

  /** True when the file changed since it was last seen (and remembers its new stamp). */
  private changed(filePath: string | null): boolean {
    if (filePath === null) return false;
    const stamp = fileStamp(filePath);
    const before = this.stamps.get(filePath);
    this.stamps.set(filePath, stamp);
    return before !== undefined && before !== stamp;
  }
}

function fileStamp(filePath: string): string {
  try {
    const stats = statSync(filePath);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return 'missing';
  }
}
