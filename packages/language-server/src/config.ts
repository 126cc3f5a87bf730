import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, findConfigFile, readConfigFile, type Config, type Linter } from '@dockfix/core';

/** The configuration that applies to a document: none, a usable one, or a broken file and why. */
export type ConfigState =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly filePath: string; readonly config: Config }
  | { readonly kind: 'error'; readonly filePath: string; readonly message: string };

interface CacheEntry {
  readonly stamp: string;
  readonly state: ConfigState;
}

/**
 * Finds and reads the nearest `.dockfix.json`/`dockfix.config.json` above a document, the way the
 * CLI does. A file is re-read only when its size or mtime changed, so an edit is picked up on the
 * next keystroke even from a client that does not report watched-file changes; the same Config
 * object is handed out until then, which keeps the linter's per-config rule resolution cached.
 */
export class ConfigCache {
  private readonly files = new Map<string, CacheEntry>();

  constructor(private readonly linter: Linter) {}

  /** The configuration for a document in `directory` (undefined: no file on disk, e.g. an untitled buffer). */
  forDirectory(directory: string | undefined): ConfigState {
    if (directory === undefined) return { kind: 'none' };
    const filePath = findConfigFile(directory);
    if (filePath === null) return { kind: 'none' };
    const stamp = fileStamp(filePath);
    const cached = this.files.get(filePath);
    if (cached && cached.stamp === stamp) return cached.state;
    const state = this.read(filePath);
    this.files.set(filePath, { stamp, state });
    return state;
  }

  /** The configuration for a file path. */
  forFile(filePath: string | undefined): ConfigState {
    return this.forDirectory(filePath === undefined ? undefined : dirname(filePath));
  }

  /** Forgets every file read, so the next request reads them again. */
  clear(): void {
    this.files.clear();
  }

  private read(filePath: string): ConfigState {
    try {
      const { config } = readConfigFile(filePath);
      // Unknown rule ids and bad options are config errors too; resolve() reports them.
      this.linter.resolve(config);
      return { kind: 'ok', filePath, config };
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : `cannot use the config file: ${error instanceof Error ? error.message : String(error)}`;
      return { kind: 'error', filePath, message: message.startsWith(filePath) ? message : `${filePath}: ${message}` };
    }
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
