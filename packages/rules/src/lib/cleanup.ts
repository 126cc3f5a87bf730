import type { RunInstruction, ShellCommand } from '@dockfix/core';
import { apkCalls, removesOnlyApkCache } from './apk.js';
import { aptUpdates, removesAptLists } from './apt.js';
import { hasOption, rmOperands } from './cli.js';
import { isInstallOrCi, parseNpm } from './npm.js';
import {
  apkNoCache,
  isYarnProjectInstall,
  parseApt,
  parsePip,
  parseRpm,
  parseYarn,
  parseZypper,
  RPM_INSTALLING,
  subcommandOf,
  ZYPPER_INSTALLING,
} from './packages.js';
import { isClean, removesUnder } from './rpm-rules.js';

/** A kind of leftover that a cleanup command deletes and some earlier command creates. */
export interface LeftoverKind {
  readonly label: string;
  /** Directories that hold it; a cache mount on one of them keeps it out of the image. */
  readonly dirs: readonly string[];
  /** True when the command deletes this kind of leftover. */
  cleans(command: ShellCommand): boolean;
  /** True when the RUN leaves this kind of leftover behind (before any cleanup); `cleanup` is the command that deletes it. */
  creates(run: RunInstruction, text: string, cleanup?: ShellCommand): boolean;
  /**
   * For a `creates` that depends on the cleanup: a condition every creator meets whatever the cleanup,
   * by which a rule can index a stage's RUNs once instead of asking `creates` of every earlier RUN for
   * every cleanup (quadratic in the stage). Absent: `creates` does not look at `cleanup`.
   */
  mayCreate?(run: RunInstruction): boolean;
}

const commandsOf = (run: RunInstruction) => run.run.script?.commands ?? [];

/** What the cleanup rules know how to pair up. */
export const LEFTOVERS: readonly LeftoverKind[] = [
  {
    label: 'apt package lists',
    dirs: ['/var/lib/apt/lists'],
    cleans: removesAptLists,
    creates: (run) => aptUpdates(run).length > 0,
  },
  {
    label: 'downloaded .deb files',
    dirs: ['/var/cache/apt'],
    cleans: (command) => {
      const call = parseApt(command);
      return (call !== null && ['clean', 'autoclean', 'dist-clean'].includes(subcommandOf(call) ?? '')) || removesUnder(command, ['/var/cache/apt']);
    },
    creates: (run) => commandsOf(run).some((command) => {
      const call = parseApt(command);
      return call !== null && ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'build-dep'].includes(subcommandOf(call) ?? '');
    }),
  },
  {
    label: 'the apk index cache',
    dirs: ['/var/cache/apk', '/etc/apk/cache'],
    cleans: (command) => removesOnlyApkCache(command) || (command.name === 'apk' && command.args[0]?.value === 'cache' && ['clean', 'purge'].includes(command.args[1]?.value ?? '')),
    creates: (run) => apkCalls(run).some((call) => subcommandOf(call) === 'update' || (['add', 'upgrade'].includes(subcommandOf(call) ?? '') && !apkNoCache(call))),
  },
  {
    label: 'the yum cache',
    dirs: ['/var/cache/yum'],
    cleans: (command) => isClean(parseRpm(command, ['yum']), false) || removesUnder(command, ['/var/cache/yum']),
    creates: (run) => commandsOf(run).some((command) => {
      const call = parseRpm(command, ['yum']);
      return call !== null && RPM_INSTALLING.has(subcommandOf(call) ?? '');
    }),
  },
  {
    label: 'the dnf cache',
    dirs: ['/var/cache/dnf', '/var/cache/libdnf5'],
    cleans: (command) => isClean(parseRpm(command, ['dnf', 'dnf5', 'microdnf']), false) || removesUnder(command, ['/var/cache/dnf', '/var/cache/libdnf5']),
    creates: (run) => commandsOf(run).some((command) => {
      const call = parseRpm(command, ['dnf', 'dnf5', 'microdnf']);
      return call !== null && RPM_INSTALLING.has(subcommandOf(call) ?? '');
    }),
  },
  {
    label: 'the zypper cache',
    dirs: ['/var/cache/zypp'],
    cleans: (command) => isClean(parseZypper(command), false) || removesUnder(command, ['/var/cache/zypp']),
    creates: (run) => commandsOf(run).some((command) => {
      const call = parseZypper(command);
      return call !== null && ZYPPER_INSTALLING.has(subcommandOf(call) ?? '');
    }),
  },
  {
    label: 'the npm cache',
    dirs: ['/root/.npm'],
    cleans: (command) => {
      const npm = parseNpm(command);
      if (npm) return npm.subcommand?.value === 'cache' && ['clean', 'clear', 'rm'].includes(npm.positionals[0]?.value ?? '');
      return (rmOperands(command) ?? []).some((path) => /(^|\/)\.npm(\/.*)?$/.test(path));
    },
    creates: (run) => commandsOf(run).some((command) => {
      const npm = parseNpm(command);
      return npm !== null && isInstallOrCi(npm);
    }),
  },
  {
    label: 'the Yarn cache',
    dirs: ['/usr/local/share/.cache/yarn'],
    cleans: (command) => {
      const yarn = parseYarn(command);
      if (yarn) return subcommandOf(yarn) === 'cache' && yarn.operands[0]?.value === 'clean';
      return (rmOperands(command) ?? []).some((path) => /\.cache\/yarn/.test(path));
    },
    creates: (run) => commandsOf(run).some((command) => {
      const yarn = parseYarn(command);
      return yarn !== null && (isYarnProjectInstall(yarn) || subcommandOf(yarn) === 'add' || subcommandOf(yarn) === 'global');
    }),
  },
  {
    label: 'the pip cache',
    dirs: ['/root/.cache/pip', '/root/.cache'],
    cleans: (command) => {
      const pip = parsePip(command);
      if (pip) return subcommandOf(pip) === 'cache' && ['purge', 'remove'].includes(pip.operands[0]?.value ?? '');
      return (rmOperands(command) ?? []).some((path) => /(^|\/)\.cache(\/pip)?\/?\*?$/.test(path));
    },
    creates: (run) => commandsOf(run).some((command) => {
      const pip = parsePip(command);
      return pip !== null && subcommandOf(pip) === 'install' && !hasOption(pip, { long: ['no-cache-dir'] }) && !command.assignments.some((word) => word.text.startsWith('PIP_NO_CACHE_DIR='));
    }),
  },
  {
    label: 'files in /tmp',
    dirs: ['/tmp'],
    cleans: (command) => (rmOperands(command) ?? []).some((path) => /^\/tmp\/./.test(path)),
    // A command other than an rm that names what the cleanup deletes (`-o /tmp/x.tgz`, `mkdir /tmp/src`), or
    // /tmp itself (`cd /tmp`) when the cleanup empties it.
    // Every match below needs a word that starts with /tmp (a target, a prefix of one longer than /tmp, or /tmp itself).
    mayCreate: (run) => commandsOf(run).some((command) => tmpPaths(command).length > 0),
    creates: (run, _text, cleanup) => {
      const targets = (cleanup ? rmOperands(cleanup) ?? [] : ['/tmp/*']).filter((path) => path.startsWith('/tmp/')).map((path) => path.replace(/\*.*$/, '').replace(/\/$/, ''));
      return commandsOf(run).some((command) =>
        tmpPaths(command).some((value) =>
          targets.some((target) => value === target || value.startsWith(`${target}/`) || (value === '/tmp' && command.name === 'cd') || (target.startsWith(value) && value.length > '/tmp'.length)),
        ),
      );
    },
  },
];

/** The subcommands of the package managers' own cleanups: `apt-get clean`, `yum cc`, `apk cache purge`, `npm cache clean`, … */
const CLEANUP_WORDS: ReadonlySet<string> = new Set(['clean', 'autoclean', 'dist-clean', 'cc', 'cache']);

/**
 * False when no kind of {@link LEFTOVERS} can clean the command: each deletes with `rm` or `find`, or runs a
 * package manager's cleanup subcommand. Few commands are either, and asking this first spares asking every
 * command of every RUN each kind in turn (most of cleanup-in-separate-layer's time). A new kind whose
 * cleanup is neither must widen this test.
 */
export function mayClean(command: ShellCommand): boolean {
  return rmOperands(command) !== null || command.name === 'find' || command.args.some((word) => CLEANUP_WORDS.has(word.value));
}

const NO_PATHS: readonly string[] = [];

/**
 * The words of a command other than `rm` that start with /tmp (`VAR=` prefixes dropped): what the /tmp kind
 * looks at. Both its tests ask it of every command of every RUN in a stage with a /tmp cleanup, and few words
 * mention /tmp at all.
 */
function tmpPaths(command: ShellCommand): readonly string[] {
  if (rmOperands(command) !== null) return NO_PATHS;
  let paths: string[] | undefined;
  for (const words of [command.args, command.assignments]) {
    for (const word of words) {
      if (!word.value.includes('/tmp')) continue;
      const value = word.value.replace(/^[A-Za-z_][A-Za-z0-9_]*=/, '');
      if (value.startsWith('/tmp')) (paths ??= []).push(value);
    }
  }
  return paths ?? NO_PATHS;
}

/** Commands that neither create nor delete anything worth a layer: they may sit in a cleanup-only RUN. */
export function isNeutral(command: ShellCommand): boolean {
  return ['set', 'true', ':'].includes(command.name);
}
