import { defineRule, type RunInstruction, type ShellCommand } from '@dockfix/core';
import { unwrap } from '../lib/cli.js';
import { isInstallOrCi, parseNpm } from '../lib/npm.js';
import { parseApt, parsePip, subcommandOf } from '../lib/packages.js';
import { cacheMountCovers, runsAsRoot } from '../lib/stages.js';

/** One package manager's download cache and how to recognise a command that fills it. */
interface CacheKind {
  readonly tool: string;
  /** The directories to mount, for a build that runs as root in the official images. */
  readonly targets: readonly string[];
  readonly fills: (command: ShellCommand) => boolean;
  /** Why there is no automatic fix for this tool, when there is none. */
  readonly noFix?: string;
}

/** The program a command runs and its first argument: `go build`, `cargo install`. */
function programAndSub(command: ShellCommand): [string, string] | null {
  const unwrapped = unwrap(command);
  if (!unwrapped || unwrapped.tool === null) return null;
  return [unwrapped.tool, unwrapped.args.find((word) => !word.value.startsWith('-'))?.value ?? ''];
}

const KINDS: readonly CacheKind[] = [
  {
    tool: 'apt-get',
    targets: ['/var/cache/apt', '/var/lib/apt'],
    fills: (command) => {
      const call = parseApt(command);
      return call !== null && ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep'].includes(subcommandOf(call) ?? '');
    },
    // Debian and Ubuntu images delete every downloaded .deb (/etc/apt/apt.conf.d/docker-clean), so a cache
    // mount needs that file removed and `sharing=locked`: a change to the image's apt setup, left to a person.
    noFix: 'Debian and Ubuntu images delete downloaded packages (`docker-clean`); remove it and mount with `sharing=locked`',
  },
  {
    tool: 'npm',
    targets: ['/root/.npm'],
    fills: (command) => {
      const npm = parseNpm(command);
      return npm !== null && isInstallOrCi(npm);
    },
  },
  {
    tool: 'pip',
    targets: ['/root/.cache/pip'],
    fills: (command) => {
      const call = parsePip(command);
      return call !== null && subcommandOf(call) === 'install';
    },
  },
  {
    tool: 'go',
    targets: ['/root/.cache/go-build', '/go/pkg/mod'],
    fills: (command) => {
      const parts = programAndSub(command);
      return parts !== null && parts[0] === 'go' && ['build', 'install', 'mod', 'test', 'generate'].includes(parts[1]);
    },
  },
  {
    tool: 'cargo',
    targets: ['/usr/local/cargo/registry', '/usr/local/cargo/git'],
    fills: (command) => {
      const parts = programAndSub(command);
      return parts !== null && parts[0] === 'cargo' && ['build', 'install', 'fetch'].includes(parts[1]);
    },
  },
];

export default defineRule({
  meta: {
    id: 'use-cache-mount',
    category: 'layers',
    severity: 'info',
    description: 'Mount the package manager\'s cache with `RUN --mount=type=cache` instead of cleaning it (BuildKit)',
    fix: 'unsafe',
    optIn: true,
    docs: {
      rationale: [
        'Deleting a download cache in the RUN that fills it (`npm cache clean`, `pip --no-cache-dir`,',
        '`rm -rf /var/lib/apt/lists/*`) keeps the image small but makes every rebuild download everything',
        'again. A BuildKit cache mount does both: the cache directory lives outside the image, so the layer',
        'never contains it, and the next build of any Dockerfile on that builder finds it warm.',
        '',
        '```dockerfile',
        'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev',
        '```',
        '',
        'The rule is opt-in (`--extend-select use-cache-mount`): cache mounts need BuildKit (the legacy builder',
        'rejects `--mount`), and they help only where builders keep their cache (a developer machine, a CI',
        'runner with a persistent or exported cache). It reports RUNs that run `npm install`/`ci`, `pip install`,',
        '`go build`/`install`/`mod`, `cargo build`/`install`/`fetch` or `apt-get install` without a cache mount',
        'over that tool\'s cache directory.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n'],
      valid: ['FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n'],
      fixNotes: [
        'The fix adds `--mount=type=cache,target=<dir>` after `RUN` (the official images\' cache directories for',
        'root: `/root/.npm`, `/root/.cache/pip`, `/root/.cache/go-build` and `/go/pkg/mod`,',
        '`/usr/local/cargo/registry` and `/usr/local/cargo/git`). It is unsafe: the file then needs BuildKit,',
        'the cache directory is empty in the image (a tool that reads it at run time finds nothing), and a',
        'cleanup such as `npm cache clean` stays in the RUN (remove it by hand; pip\'s `--no-cache-dir` is removed,',
        'since it would leave the mount unused). What a RUN downloads into the mount is not in the image: a later',
        'RUN or stage that expects it there (`go mod download`, then a `go build` without the mount) downloads',
        'again or, offline, fails. No fix for a RUN that does not',
        'run as root (the mount would be owned by root; add `uid=`), or for apt (see the message).',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || run.onbuild || run.stage?.windows) return;
        for (const kind of KINDS) {
          const command = script.commands.find(kind.fills);
          if (!command) continue;
          if (kind.targets.some((target) => cacheMountCovers(run, target))) continue;
          const reason = kind.noFix ?? (runsAsRoot(run) ? null : 'the RUN does not run as root; add `uid=` to the mount');
          const flags = kind.targets.map((target) => `--mount=type=cache,target=${target}`).join(' ');
          // `pip --no-cache-dir` would leave the mounted cache unused: the mount replaces it.
          const noCacheDir = kind.tool === 'pip' ? parsePip(command)?.options.find((option) => option.name === 'no-cache-dir')?.words[0] : undefined;
          const dropFlag = noCacheDir ? [ctx.fix.replaceRange(noCacheDir.range.start - 1, noCacheDir.range.end, '')] : [];
          ctx.report({
            node: command.range,
            message: `\`${kind.tool}\` downloads into a cache in this layer; mount it with \`--mount=type=cache\``,
            help: reason ? `No automatic fix: ${reason}.` : `\`RUN ${flags}\` keeps the cache out of the image and warm for the next build (BuildKit).`,
            ...(reason ? {} : { fix: { title: `Add \`${flags}\` to the RUN (needs BuildKit)`, edits: [ctx.fix.insertAfter((run as RunInstruction).keywordRange, ` ${flags}`), ...dropFlag], safety: 'unsafe' as const } }),
          });
        }
      },
    };
  },
});
