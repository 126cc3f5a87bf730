import { defineRule, type ShellCommand } from '@dockfix/core';
import type { CliCall } from '../lib/cli.js';
import { packageOperands, parseApk, parseApt, parseRpm, subcommandOf } from '../lib/packages.js';

/** The whole-system upgrade subcommands of each package manager (zypper's has its own rule). */
const UPGRADES: readonly { parse: (command: ShellCommand) => CliCall | null; subs: ReadonlySet<string>; whole: boolean }[] = [
  { parse: (command) => parseApt(command), subs: new Set(['upgrade', 'dist-upgrade', 'full-upgrade']), whole: true },
  // `apk upgrade curl` upgrades one package; only the bare form upgrades everything.
  { parse: parseApk, subs: new Set(['upgrade']), whole: false },
  { parse: (command) => parseRpm(command, ['yum', 'dnf', 'microdnf', 'tdnf']), subs: new Set(['upgrade', 'update', 'distro-sync', 'dsync', 'upgrade-minimal', 'update-minimal']), whole: false },
];

export default defineRule({
  meta: {
    id: 'package-upgrade',
    category: 'package-managers',
    severity: 'info',
    description: 'Do not upgrade every package of the base image in the build; use a newer base image',
    fix: 'none',
    sources: [{ tool: 'docker-docs', rule: 'apt-get upgrade', kind: 'inspired' }],
    docs: {
      rationale: [
        '`apt-get upgrade` (`dist-upgrade`, `full-upgrade`), a bare `apk upgrade` and a bare `dnf`/`yum upgrade`',
        '(or `update`) replace packages of the base image at build time. Three costs:',
        '',
        '- **Size**: the base image\'s files stay in its layers; the upgraded copies are added on top, so every',
        '  upgraded package is stored twice, and the older the base tag, the bigger the layer.',
        '- **Reproducibility**: the result depends on the day of the build, not on the Dockerfile; two builds of the',
        '  same commit ship different packages, and a cached layer hides the upgrade for months.',
        '- **Place**: the base image\'s maintainers rebuild it when security fixes land. Pull a newer tag (or pin a',
        '  digest and let Renovate/Dependabot bump it) and the fixes arrive tested, without a layer of your own.',
        '',
        'Upgrading one named package (`apk upgrade openssl`, `dnf upgrade openssl`, `apt-get install --only-upgrade x`)',
        'is a targeted fix and is not reported. hadolint once had this check (DL3005) and dropped it because some',
        'teams deliberately patch at build time; if yours does, turn the rule off. There is no automatic fix:',
        'removing the upgrade changes the packages the image ships.',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n',
        'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
        'FROM fedora:40\nRUN dnf -y upgrade && dnf clean all\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
      ],
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          for (const manager of UPGRADES) {
            const call = manager.parse(command);
            const sub = call && subcommandOf(call);
            if (!call?.subcommand || !sub || !manager.subs.has(sub)) continue;
            // A named package is a targeted upgrade; `$PKGS` may name one too.
            if (!manager.whole && (packageOperands(call).length > 0 || call.dynamic)) continue;
            ctx.report({
              node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
              message: `\`${call.tool} ${sub}\` upgrades every package at build time; use a newer base image`,
              help: 'The upgraded files are stored again on top of the base layers, and the result depends on the day of the build.',
            });
          }
        }
      },
    };
  },
});
