import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, findConfigFile, hadolintToConfig, readHadolintConfig } from '@dockfix/core';
import { describeFsError } from '../fs-errors.js';
import { Messages } from '../output.js';
import { SettingsResolver } from '../settings.js';
import { linter } from './common.js';
import { stdout } from '../stdio.js';

/** Options of `dockfix print-config`. */
export interface PrintConfigArgs {
  readonly file: string;
  readonly config?: string | undefined;
  readonly noConfig?: boolean | undefined;
  readonly noConfigLookup?: boolean | undefined;
}

/**
 * `dockfix print-config FILE`: the effective configuration for one Dockerfile (which need not
 * exist), as JSON: where it came from, and every rule that runs with its severity and options.
 */
export async function runPrintConfig(args: PrintConfigArgs, cwd: string = process.cwd()): Promise<number> {
  const messages = new Messages();
  try {
    const resolver = new SettingsResolver({ configPath: args.config, noConfig: args.noConfig, noConfigLookup: args.noConfigLookup }, cwd, linter.rules);
    const settings = await resolver.forPath(args.file);
    const rules = settings.linter.resolve(settings.config).map((resolved) => ({
      id: resolved.rule.meta.id,
      severity: resolved.severity,
      ...(Object.keys(resolved.options).length > 0 ? { options: resolved.options } : {}),
      ...(resolved.fixable ? {} : { fixable: false }),
    }));
    const file = settings.fileConfig;
    const output = {
      file: args.file,
      configFile: settings.configFile,
      source: file.source,
      ignored: settings.ignored,
      plugins: file.plugins,
      failOn: settings.failOn,
      noFail: settings.noFail,
      maxFileSize: settings.maxFileSize,
      unsafeFixes: settings.unsafeFixes,
      disableIgnorePragma: settings.config.disableIgnorePragma === true,
      rules,
    };
    stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    for (const warning of settings.warnings) messages.warn(null, warning);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      messages.error(null, error.message);
      return 2;
    }
    throw error;
  }
}

/** Where `dockfix init` writes, and the `$schema` it points editors at. */
const STARTER_FILE = '.dockfix.json';
const SCHEMA = './node_modules/dockfix/config.schema.json';

/**
 * `dockfix init`: writes a starter `.dockfix.json` in the current directory, converted from the
 * `.hadolint.yaml` there when there is one. Refuses to overwrite a config that exists.
 */
export async function runInit(cwd: string = process.cwd()): Promise<number> {
  const messages = new Messages();
  const existing = await findConfigFile(cwd).catch(() => null);
  if (existing && existing.startsWith(cwd) && CONFIG_FILE_NAMES.some((name) => existing === join(cwd, name))) {
    messages.error(null, `${existing.slice(cwd.length + 1)} already exists; edit it, or remove it to start again`);
    return 2;
  }
  const hadolint = ['.hadolint.yaml', '.hadolint.yml'].find((name) => existsSync(join(cwd, name)));
  let config: Record<string, unknown> = { $schema: SCHEMA, extends: ['dockfix:recommended'], rules: {}, ignorePatterns: [] };
  if (hadolint) {
    try {
      const loaded = readHadolintConfig(join(cwd, hadolint), hadolint);
      const converted = hadolintToConfig(loaded.settings, linter.rules, hadolint);
      for (const warning of [...loaded.warnings, ...converted.warnings]) messages.warn(null, warning);
      config = { $schema: SCHEMA, extends: ['dockfix:recommended'], ...converted.config };
    } catch (error) {
      if (error instanceof ConfigError) {
        messages.error(null, error.message);
        return 2;
      }
      throw error;
    }
  }
  try {
    await writeFile(join(cwd, STARTER_FILE), `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    messages.error(STARTER_FILE, `cannot write it: ${describeFsError(error)}`);
    return 2;
  }
  messages.note(`Created ${STARTER_FILE}${hadolint ? ` from ${hadolint} (dockfix reads ${hadolint} only when no dockfix config is found)` : ''}`);
  return 0;
}
