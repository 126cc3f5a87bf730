import type { ShellCommand, ShellWord } from '@dockfix/core';
import { type CliCall, type CliSpec, countShort, hasOption, parseCli, parseCliOnce, toolCall, unwrap } from './cli.js';
import type { PackageWords } from './pin-rules.js';

// Recognisers for the package managers the rules look at. Each returns the parsed call, or null when
// the command is something else. Wrappers (`sudo`, `env X=1`) are looked through.

const APT_VALUES = new Set(['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release', 'a', 'host-architecture', 'P', 'build-profiles']);
const APT_SPEC: CliSpec = { valueOptions: APT_VALUES, subcommand: true };
const APT_TOOLS = ['apt-get', 'apt'];

/** `apt-get …` or `apt …` (the tools that install Debian packages). */
export function parseApt(command: ShellCommand, tools: readonly string[] = APT_TOOLS): CliCall | null {
  return toolCall(command, tools, APT_SPEC);
}

/** The subcommand as written (`install`), or null. */
export function subcommandOf(call: CliCall): string | null {
  return call.subcommand && !call.subcommand.dynamic ? call.subcommand.value : null;
}

/** apt subcommands that may ask "Do you want to continue? [Y/n]" and abort a non-interactive build. */
export const APT_PROMPTING = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall', 'autopurge']);

/** True when apt will not stop to ask: `-y`, `--yes`, `--assume-yes`, `-qq` / `-q=2` (which imply `-y`), or `-o APT::Get::Assume-Yes=true`. */
export function aptAssumesYes(call: CliCall): boolean {
  if (hasOption(call, { long: ['yes', 'assume-yes', 'force-yes'], short: ['y'] })) return true;
  // `-qq`, `-q -q` and `--quiet --quiet` all count up to quiet level 2.
  if (countShort(call, 'q') + call.options.filter((option) => option.long && option.name === 'quiet' && option.value === null).length >= 2) return true;
  if (call.options.some((option) => (option.name === 'q' || option.name === 'quiet') && option.value !== null && Number(option.value) >= 2)) return true;
  return call.options.some((option) => (option.name === 'o' || option.name === 'option') && /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(option.value ?? ''));
}

/** True when `--no-install-recommends` (or `-o APT::Install-Recommends=false`) is given. */
export function aptSkipsRecommends(call: CliCall): boolean {
  if (hasOption(call, { long: ['no-install-recommends'] })) return true;
  return call.options.some((option) => (option.name === 'o' || option.name === 'option') && /^APT::Install-Recommends=("?)(false|0|no)\1$/i.test(option.value ?? ''));
}

const APK_VALUES = new Set(['X', 'repository', 'p', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 't', 'virtual', 'progress-fd', 'wait', 'timeout', 'cache-max-age']);
const APK_TOOLS = ['apk'];
const APK_SPEC: CliSpec = { valueOptions: APK_VALUES, subcommand: true };

/** `apk …`. */
export function parseApk(command: ShellCommand): CliCall | null {
  return toolCall(command, APK_TOOLS, APK_SPEC);
}

/** True when `apk` keeps no index or package cache: `--no-cache`. */
export function apkNoCache(call: CliCall): boolean {
  return hasOption(call, { long: ['no-cache'] });
}

/** True when `apk` refreshes its index first: `-U`, `--update`, `--update-cache`. */
export function apkUpdates(call: CliCall): boolean {
  return hasOption(call, { long: ['update', 'update-cache'], short: ['U'] });
}

const PIP_VALUES = new Set([
  'r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 't', 'target',
  'prefix', 'root', 'src', 'upgrade-strategy', 'platform', 'python-version', 'implementation', 'abi', 'only-binary', 'no-binary',
  'progress-bar', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert', 'cache-dir',
  'global-option', 'install-option', 'config-settings', 'C', 'report', 'python', 'use-feature', 'use-deprecated', 'keyring-provider',
  'root-user-action', 'build', 'group',
]);
const PIP_SPEC: CliSpec = { valueOptions: PIP_VALUES, subcommand: true };

/** `pip …`, `pip3 …`, `pip3.12 …`, `python -m pip …`, `python3 -m pip …`. */
export function parsePip(command: ShellCommand): CliCall | null {
  const unwrapped = unwrap(command);
  const name = unwrapped?.tool;
  if (!unwrapped || !name) return null;
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return parseCliOnce(command, PIP_SPEC);
  if (/^python(\d+(\.\d+)?)?$/.test(name)) {
    const [m, module] = unwrapped.args;
    if (m?.value === '-m' && module?.value === 'pip') return parseCli(command, PIP_SPEC, 2);
  }
  return null;
}

/** The options of `pipx install` that take a value (pipx 1.x). */
const PIPX_VALUES = new Set(['suffix', 'python', 'pip-args', 'i', 'index-url', 'preinstall']);
const PIPX_SPEC: CliSpec = { valueOptions: PIPX_VALUES, subcommand: true };
const PIPX_TOOLS = ['pipx'];

/** `pipx …`, which installs each application from PyPI into a virtual environment of its own. */
export function parsePipx(command: ShellCommand): CliCall | null {
  return toolCall(command, PIPX_TOOLS, PIPX_SPEC);
}

const RPM_VALUES = new Set([
  'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'installroot', 'releasever', 'exclude', 'x', 'c', 'config', 'd', 'debuglevel',
  'e', 'errorlevel', 'R', 'randomwait', 'rpmverbosity', 'downloaddir', 'destdir', 'forcearch', 'disableplugin', 'enableplugin', 'color',
  'setopt', 'best', 'module_platform_id', 'comment',
]);
const RPM_SPEC: CliSpec = { valueOptions: RPM_VALUES, subcommand: true };

/** `yum …` / `dnf …` / `microdnf …` (with `tools` naming which). */
export function parseRpm(command: ShellCommand, tools: readonly string[]): CliCall | null {
  return toolCall(command, tools, RPM_SPEC);
}

/** True when yum/dnf will not stop to ask: `-y`, `--assumeyes`. */
export function rpmAssumesYes(call: CliCall): boolean {
  return hasOption(call, { long: ['assumeyes', 'assume-yes', 'yes'], short: ['y'] });
}

/** yum/dnf subcommands that install or remove packages (and so may prompt, and fill the cache). */
export const RPM_INSTALLING = new Set([
  'install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'distro-sync',
  'distrosync', 'dsync', 'downgrade', 'remove', 'erase', 'autoremove', 'groupupdate', 'groupremove', 'group', 'module', 'builddep', 'in',
  // dnf's short aliases (`dnf up`, `dnf rei`, `dnf up-min`), which hadolint's DL3040 spec lists.
  'up', 'up-min', 'rei',
]);

/**
 * What a yum/dnf call installs by name, for the pinning rules: the packages of `install` (groups, `@name`, are
 * not checked), or the modules of `module install`, which pin a stream with `name:stream`.
 */
export function rpmInstalls(call: CliCall): PackageWords | null {
  const sub = subcommandOf(call);
  const first = call.operands[0];
  if (sub === 'module' && first && !first.dynamic && first.value === 'install') {
    return { label: `${call.tool} module install`, words: packageOperands(call).filter((word) => word !== first), isPinned: (word) => word.value.includes(':'), example: '`module:stream`' };
  }
  if (sub !== 'install') return null;
  return { label: `${call.tool} install`, words: packageOperands(call).filter((word) => !word.value.startsWith('@')) };
}

const ZYPPER_VALUES = new Set(['R', 'root', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'c', 'config', 't', 'type', 'r', 'repo', 'from']);
const ZYPPER_TOOLS = ['zypper'];
const ZYPPER_SPEC: CliSpec = { valueOptions: ZYPPER_VALUES, subcommand: true };

/** `zypper …`. */
export function parseZypper(command: ShellCommand): CliCall | null {
  return toolCall(command, ZYPPER_TOOLS, ZYPPER_SPEC);
}

/** zypper subcommands (and their short forms) that install or remove packages. */
export const ZYPPER_INSTALLING = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'source-install', 'si', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr']);

/** True when zypper will not stop to ask: global `-n` / `--non-interactive`, or the subcommand's `-y` / `--no-confirm`. */
export function zypperNonInteractive(call: CliCall): boolean {
  return hasOption(call, { long: ['non-interactive', 'no-confirm'], short: ['n', 'y'] });
}

const GEM_VALUES = new Set(['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'p', 'http-proxy', 'platform', 'g', 'file', 'document']);
const GEM_TOOLS = ['gem'];
const GEM_SPEC: CliSpec = { valueOptions: GEM_VALUES, subcommand: true };

/** `gem …`. */
export function parseGem(command: ShellCommand): CliCall | null {
  return toolCall(command, GEM_TOOLS, GEM_SPEC);
}

const GO_VALUES = new Set(['ldflags', 'gcflags', 'asmflags', 'tags', 'mod', 'o', 'p', 'buildmode', 'compiler', 'gccgoflags', 'installsuffix', 'modfile', 'overlay', 'pgo', 'pkgdir', 'toolexec', 'C', 'covermode', 'coverpkg', 'buildvcs']);
const GO_TOOLS = ['go'];
const GO_SPEC: CliSpec = { valueOptions: GO_VALUES, subcommand: true, singleDashLong: true };

/** `go …`. */
export function parseGo(command: ShellCommand): CliCall | null {
  return toolCall(command, GO_TOOLS, GO_SPEC);
}

const YARN_VALUES = new Set(['cwd', 'modules-folder', 'cache-folder', 'network-timeout', 'mutex', 'registry', 'network-concurrency', 'global-folder', 'link-folder', 'use-yarnrc', 'https-proxy', 'proxy', 'otp']);
const YARN_TOOLS = ['yarn', 'yarnpkg'];
const YARN_SPEC: CliSpec = { valueOptions: YARN_VALUES, subcommand: true };

/** `yarn …`. */
export function parseYarn(command: ShellCommand): CliCall | null {
  return toolCall(command, YARN_TOOLS, YARN_SPEC);
}

/** True for a yarn call that installs the project from its manifest: `yarn`, `yarn install`, `yarn --production`. */
export function isYarnProjectInstall(call: CliCall): boolean {
  const sub = subcommandOf(call);
  if (call.subcommand && call.subcommand.dynamic) return false;
  if (call.options.some((option) => ['version', 'help', 'v', 'h'].includes(option.name))) return false;
  return sub === null ? call.operands.length === 0 : sub === 'install' && call.operands.length === 0;
}

const PNPM_VALUES = new Set(['C', 'dir', 'filter', 'F', 'store-dir', 'virtual-store-dir', 'modules-dir', 'reporter', 'loglevel', 'network-concurrency', 'child-concurrency', 'registry', 'lockfile-dir', 'workspace-root', 'config.store-dir']);
const PNPM_TOOLS = ['pnpm'];
const PNPM_SPEC: CliSpec = { valueOptions: PNPM_VALUES, subcommand: true };

/** `pnpm …`. */
export function parsePnpm(command: ShellCommand): CliCall | null {
  return toolCall(command, PNPM_TOOLS, PNPM_SPEC);
}

/** True for a pnpm call that installs the project from its lockfile: `pnpm install`, `pnpm i`. */
export function isPnpmProjectInstall(call: CliCall): boolean {
  const sub = subcommandOf(call);
  return (sub === 'install' || sub === 'i') && call.operands.length === 0;
}

/** Operands that name packages (not options' values, not local files, not URLs). */
export function packageOperands(call: CliCall): ShellWord[] {
  return call.operands.filter((word) => !word.dynamic && !/^(\.{0,2}\/|~|https?:|git\+|file:)/.test(word.value) && !/\.(deb|rpm|whl|tar\.gz|tgz|zip|gem|apk)$/.test(word.value));
}
