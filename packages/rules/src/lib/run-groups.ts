import type { RunInstruction, ShellCommand, ShellScript } from '@dockfix/core';
import { isAptUpdate } from './apt.js';
import { buildKind } from './build.js';
import { LEFTOVERS, isNeutral, mayClean } from './cleanup.js';
import { baseImageOf, isDistroless } from './images.js';
import { dependencyInstall } from './installs.js';
import { parseApk, parseApt, parsePip, parseRpm, parseZypper, RPM_INSTALLING, subcommandOf, ZYPPER_INSTALLING } from './packages.js';

const commandsOf = (run: RunInstruction): readonly ShellCommand[] => run.run.script?.commands ?? [];

/** True when the command installs system or language packages (`apt-get install`, `apk add`, `pip install`, `npm ci`). */
export function installsPackages(command: ShellCommand): boolean {
  const apt = parseApt(command);
  if (apt) return ['install', 'reinstall', 'build-dep'].includes(subcommandOf(apt) ?? '');
  const apk = parseApk(command);
  if (apk) return subcommandOf(apk) === 'add';
  const rpm = parseRpm(command, ['yum', 'dnf', 'dnf5', 'microdnf']);
  if (rpm) return RPM_INSTALLING.has(subcommandOf(rpm) ?? '');
  const zypper = parseZypper(command);
  if (zypper) return ZYPPER_INSTALLING.has(subcommandOf(zypper) ?? '');
  const pip = parsePip(command);
  if (pip) return subcommandOf(pip) === 'install';
  return dependencyInstall(command) !== null;
}

/** True when the command compiles or bundles the application (`make`, `go build`, `npm run build`). */
export function buildsApp(command: ShellCommand): boolean {
  const kind = buildKind(command);
  return kind !== null && kind !== 'node-prune';
}

/**
 * Why a RUN that installs packages and one that builds the app are two cache groups, or null:
 * merged, every source change would reinstall the packages.
 */
export function installThenBuild(a: RunInstruction, b: RunInstruction): string | null {
  const installs = (run: RunInstruction) => commandsOf(run).some(installsPackages);
  const builds = (run: RunInstruction) => commandsOf(run).some(buildsApp);
  if ((installs(a) && builds(b) && !builds(a)) || (builds(a) && installs(b) && !builds(b))) return 'one RUN installs packages and the other builds the app';
  return null;
}

/** Commands that only refresh an index or clean up after another command: part of that command's step, not a step of their own. */
function isHousekeeping(command: ShellCommand): boolean {
  if (isNeutral(command)) return true;
  const apt = parseApt(command);
  if (apt && isAptUpdate(apt)) return true;
  const apk = parseApk(command);
  if (apk && subcommandOf(apk) === 'update') return true;
  return mayClean(command) && LEFTOVERS.some((kind) => kind.cleans(command));
}

/** The logical steps of a RUN: its commands, not counting index refreshes and cleanups, and at least 1. */
export function logicalSteps(run: RunInstruction): number {
  // merge-run asks it of each RUN twice (as the second of a pair, then as the first of the next).
  let steps = logicalSteps_.get(run);
  if (steps === undefined) {
    const commands = commandsOf(run);
    steps = commands.length === 0 ? 1 : Math.max(1, commands.filter((command) => !isHousekeeping(command)).length);
    logicalSteps_.set(run, steps);
  }
  return steps;
}

const logicalSteps_ = new WeakMap<RunInstruction, number>();

const SHELL_PATH = /^\/(usr\/)?bin\/(sh|bash|dash|ash)$/;

/**
 * Why the first RUN changes which shell runs the next one, or null. Docker starts a new shell for each RUN:
 * after `ln -sf /bin/bash /bin/sh` the next RUN runs under bash, a merged one still under the old shell.
 */
export function replacesShell(script: ShellScript, shell: readonly string[]): string | null {
  const shellPath = shell[0] ?? '/bin/sh';
  const isShell = (path: string) => path === shellPath || SHELL_PATH.test(path);
  for (const command of script.commands) {
    const name = command.name.split('/').at(-1) ?? '';
    const args = command.args.map((arg) => arg.value);
    if (['ln', 'rm', 'mv', 'cp', 'install', 'tee', 'unlink'].includes(name) && args.some(isShell)) return `\`${name}\` replaces the shell, which the next RUN starts with`;
    if (name === 'dpkg-reconfigure' && args.includes('dash')) return '`dpkg-reconfigure dash` replaces /bin/sh, which the next RUN starts with';
    if (name === 'update-alternatives' && args.some(isShell)) return '`update-alternatives` replaces the shell, which the next RUN starts with';
  }
  if (/>>?\s*\/(usr\/)?bin\/(sh|bash|dash)\b/.test(script.text)) return 'the RUN writes to the shell binary, which the next RUN starts with';
  return null;
}

/** Why a Windows RUN changes what the next RUN's new process sees (`setx` writes the registry, not this shell), or null. */
export function setsPersistentEnvironment(text: string): string | null {
  if (/(^|[\s;&|(])setx(\.exe)?\s/i.test(text)) return '`setx` changes the environment of later processes only, not of this shell';
  if (/SetEnvironmentVariable\s*\(/i.test(text)) return '`SetEnvironmentVariable` changes the environment of later processes only';
  return null;
}

/** True for a stage that has no shell at all (`scratch`, distroless), where exec-form RUNs cannot be joined by `&&`. */
export function hasNoShell(run: RunInstruction): boolean {
  if (!run.stage) return false;
  const { image } = baseImageOf(run.stage);
  // distroless `:debug` tags add a busybox shell.
  return image.scratch || (isDistroless(image) && !/debug/.test(image.tag ?? ''));
}
