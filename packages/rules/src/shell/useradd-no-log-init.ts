import { defineRule } from '@dockfix/core';
import { type CliSpec, hasOption, optionValue, toolCall } from '../lib/cli.js';

const USERADD = ['useradd'];
/** The options of `useradd` that take a value. */
const USERADD_SPEC: CliSpec = {
  valueOptions: new Set(['u', 'uid', 'g', 'gid', 'G', 'groups', 'd', 'home-dir', 's', 'shell', 'c', 'comment', 'k', 'skel', 'K', 'key', 'e', 'expiredate', 'f', 'inactive', 'b', 'base-dir', 'p', 'password', 'R', 'root', 'P', 'prefix', 'Z', 'selinux-user']),
};

export default defineRule({
  meta: {
    id: 'useradd-no-log-init',
    category: 'shell',
    severity: 'warning',
    description: 'Pass `-l` (`--no-log-init`) to `useradd` with a high user id',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3046', kind: 'same' }],
    docs: {
      rationale: [
        '`useradd` records every user in `/var/log/lastlog` and `/var/log/faillog`, sparse files indexed by user',
        'id. Layers do not keep files sparse, so `useradd -u 1000000000 app` adds gigabytes of zeros to the image',
        '(a known Docker issue, moby/moby#5419). `-l` / `--no-log-init` skips those logs. The rule reports a',
        '`useradd` with a `-u`/`--uid` of more than five digits and no `-l`, as hadolint does.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN useradd -u 123456 app\n'],
      valid: ['FROM debian:bookworm-slim\nRUN useradd -l -u 123456 app\n', 'FROM debian:bookworm-slim\nRUN useradd -u 10001 app\n'],
      fixNotes: 'The fix inserts ` -l` after `useradd`. It only keeps the login records out of the image, which a container never reads: safe.',
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          const call = toolCall(command, USERADD, USERADD_SPEC);
          if (!call || hasOption(call, { long: ['no-log-init'], short: ['l'] })) continue;
          const uid = optionValue(call, ['u', 'uid']);
          if (uid === null || uid.length <= 5) continue;
          ctx.report({
            node: call.toolWord.range,
            message: `\`useradd\` with uid ${uid} and no \`-l\` writes a huge sparse lastlog into the layer`,
            fix: { title: 'Add `-l` (`--no-log-init`)', edits: [ctx.fix.insertAfter(call.toolWord, ' -l')] },
          });
        }
      },
    };
  },
});
