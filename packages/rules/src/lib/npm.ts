import type { ShellCommand, ShellWord } from '@dockfix/core';

/** A `--name[=value]` or `-x` option of an npm command line. */
export interface NpmFlag {
  /** Without leading dashes: `production`, `only`, `g`. */
  readonly name: string;
  /** The value after `=` or in the next word; null for a bare switch. */
  readonly value: string | null;
  /** The words the flag spans: one, or two for `--only production`. */
  readonly words: readonly ShellWord[];
  /** True when the flag or its value holds a `$` expansion. */
  readonly dynamic: boolean;
}

/** An `npm …` command split into global flags, the subcommand, its flags and its positional arguments. */
export interface NpmInvocation {
  readonly command: ShellCommand;
  /** The first positional word (`install`, `ci`, `i`); null for `npm --version`. */
  readonly subcommand: ShellWord | null;
  /** Flags before and after the subcommand, in order. */
  readonly flags: readonly NpmFlag[];
  /** Positional words after the subcommand (package specs for `npm install`). */
  readonly positionals: readonly ShellWord[];
}

/**
 * npm options that take a value; `--name value` consumes the next word for these only
 * (npm's option parser treats unknown options as switches).
 */
const VALUE_OPTIONS = new Set([
  'access',
  'also',
  'auth-type',
  'before',
  'ca',
  'cache',
  'cafile',
  'cert',
  'cpu',
  'depth',
  'fetch-retries',
  'fetch-retry-factor',
  'fetch-retry-maxtimeout',
  'fetch-retry-mintimeout',
  'fetch-timeout',
  'globalconfig',
  'https-proxy',
  'include',
  'install-strategy',
  'key',
  'libc',
  'location',
  'lockfile-version',
  'loglevel',
  'maxsockets',
  'node-options',
  'noproxy',
  'omit',
  'only',
  'os',
  'otp',
  'prefix',
  'proxy',
  'registry',
  'scope',
  'script-shell',
  'tag',
  'userconfig',
  'workspace',
  // short forms: -w <workspace>, -C <prefix>
  'w',
  'C',
]);

/** `npm install` and the spellings npm accepts for it. */
export const INSTALL_ALIASES: ReadonlySet<string> = new Set([
  'install',
  'i',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'isnt',
  'isnta',
  'isntal',
  'isntall',
  'add',
]);

/** `npm ci` and its aliases. */
export const CI_ALIASES: ReadonlySet<string> = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);

/** True when the command runs npm (`npm`, `/usr/local/bin/npm`). */
export function isNpm(command: ShellCommand): boolean {
  return !command.nameWord.dynamic && /(^|\/)npm$/.test(command.name);
}

/** Splits an npm command line; null when the command is not npm. */
export function parseNpm(command: ShellCommand): NpmInvocation | null {
  if (!isNpm(command)) return null;
  const flags: NpmFlag[] = [];
  const positionals: ShellWord[] = [];
  let subcommand: ShellWord | null = null;
  const words = command.args;
  let onlyPositionals = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    const text = word.value;
    if (onlyPositionals || word.dynamic || !text.startsWith('-') || text === '-') {
      if (!word.dynamic && text === '--' && !onlyPositionals) {
        onlyPositionals = true;
        continue;
      }
      if (subcommand === null) subcommand = word;
      else positionals.push(word);
      continue;
    }
    const long = text.startsWith('--');
    const body = text.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    let value: string | null = eq === -1 ? null : body.slice(eq + 1);
    const spanned = [word];
    const next = words[i + 1];
    if (value === null && next && !next.value.startsWith('-')) {
      // `--only production` (a value option) or `--production false` (a switch given a boolean).
      if (VALUE_OPTIONS.has(name) || (!next.dynamic && (next.value === 'true' || next.value === 'false'))) {
        value = next.value;
        spanned.push(next);
        i++;
      }
    }
    flags.push({ name, value, words: spanned, dynamic: spanned.some((w) => w.dynamic) });
  }
  return { command, subcommand, flags, positionals };
}

/** The subcommand as written, or null when it is missing or only known at build time. */
export function subcommandName(npm: NpmInvocation): string | null {
  return npm.subcommand && !npm.subcommand.dynamic ? npm.subcommand.value : null;
}

/** True for `npm install` / `npm i` / `npm ci` and their aliases. */
export function isInstallOrCi(npm: NpmInvocation): boolean {
  const name = subcommandName(npm);
  return name !== null && (INSTALL_ALIASES.has(name) || CI_ALIASES.has(name));
}

/** True when the flag switches something on: `--x`, `--x=true`, `--x true` (npm reads `--no-x` as off). */
export function isOn(flag: NpmFlag): boolean {
  return flag.value === null || flag.value === 'true';
}

/** True when the command installs into the global prefix (`-g`, `--global`, `--location=global`). */
export function isGlobal(npm: NpmInvocation): boolean {
  return npm.flags.some(
    (flag) =>
      ((flag.name === 'global' || flag.name === 'g') && isOn(flag)) ||
      (flag.name === 'location' && flag.value === 'global') ||
      // A cluster of short switches such as `-gf`.
      (flag.words[0]?.value.startsWith('-') === true && !flag.words[0].value.startsWith('--') && flag.name.length > 1 && flag.name.includes('g')),
  );
}
