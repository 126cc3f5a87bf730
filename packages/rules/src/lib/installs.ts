import type { ShellCommand } from '@dockfix/core';
import { optionValue, parseCli, unwrap } from './cli.js';
import { isInstallOrCi, isGlobal, parseNpm } from './npm.js';
import { isPnpmProjectInstall, isYarnProjectInstall, parsePip, parsePnpm, parseYarn, subcommandOf } from './packages.js';

/** A dependency install that reads only manifest files from the working directory. */
export interface DependencyInstall {
  readonly command: ShellCommand;
  /** What it is, for messages: `npm ci`, `pip install -r`, `go mod download`. */
  readonly label: string;
  /** The files it reads, as COPY sources relative to the working directory; null when they cannot be named. */
  readonly manifests: readonly string[] | null;
}

/**
 * The dependency install a command runs, if it is one whose inputs are a few manifest files: `npm ci`,
 * `npm install` (of the project), `yarn install`, `pnpm install`, `pip install -r …`, `bundle install`,
 * `go mod download`, `mvn dependency:go-offline`, `cargo fetch`, `composer install`.
 */
export function dependencyInstall(command: ShellCommand): DependencyInstall | null {
  const npm = parseNpm(command);
  if (npm) {
    if (!isInstallOrCi(npm) || npm.positionals.length > 0 || isGlobal(npm)) return null;
    return { command, label: `npm ${npm.subcommand?.value ?? 'install'}`, manifests: ['package*.json'] };
  }
  const yarn = parseYarn(command);
  if (yarn) return isYarnProjectInstall(yarn) ? { command, label: 'yarn install', manifests: ['package.json', 'yarn.lock'] } : null;
  const pnpm = parsePnpm(command);
  if (pnpm) return isPnpmProjectInstall(pnpm) ? { command, label: 'pnpm install', manifests: ['package.json', 'pnpm-lock.yaml'] } : null;
  const pip = parsePip(command);
  if (pip) {
    if (subcommandOf(pip) !== 'install') return null;
    const files = pip.options.filter((option) => ['r', 'requirement', 'c', 'constraint'].includes(option.long ? option.name : option.name.at(-1) ?? '') && option.value !== null);
    // Only `pip install -r file…` with nothing else to install (`.` or a path would need the sources).
    if (files.length === 0 || pip.operands.length > 0) return null;
    const paths = files.map((option) => option.value as string);
    const usable = paths.every((path) => /^[\w./-]+$/.test(path) && !path.startsWith('/') && !path.includes('..'));
    return { command, label: 'pip install -r', manifests: usable ? paths : null };
  }
  const unwrapped = unwrap(command);
  if (!unwrapped || unwrapped.tool === null) return null;
  const tool = unwrapped.tool;
  const words = unwrapped.args.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
  switch (tool) {
    case 'bundle':
      return words[0] === 'install' || words.length === 0 ? { command, label: 'bundle install', manifests: ['Gemfile', 'Gemfile.lock'] } : null;
    case 'go':
      // A module without dependencies has no go.sum: `go.sum*` copies it when it exists and does not fail otherwise (W3).
      return words[0] === 'mod' && words[1] === 'download' ? { command, label: 'go mod download', manifests: ['go.mod', 'go.sum*'] } : null;
    case 'mvn':
    case 'mvnw':
      return words.some((word) => /^(org\.apache\.maven\.plugins:maven-)?dependency(-plugin)?(:[\d.]+)?:(go-offline|resolve|resolve-plugins)$/.test(word))
        ? { command, label: 'mvn dependency:go-offline', manifests: ['pom.xml'] }
        : null;
    case 'cargo':
      return words[0] === 'fetch' ? { command, label: 'cargo fetch', manifests: ['Cargo.toml', 'Cargo.lock'] } : null;
    case 'composer': {
      const call = parseCli(command, { subcommand: true });
      return call && subcommandOf(call) === 'install' && optionValue(call, ['working-dir', 'd']) === null
        ? { command, label: 'composer install', manifests: ['composer.json', 'composer.lock'] }
        : null;
    }
    default:
      return null;
  }
}
