import { defineRule } from '@dockfix/core';
import { runsAsRoot } from '../lib/stages.js';

export default defineRule({
  meta: {
    id: 'no-sudo',
    category: 'security',
    severity: 'warning',
    description: 'Do not use `sudo` in RUN; switch USER, or use gosu / su-exec in entrypoints',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL3004', kind: 'same' }],
    docs: {
      rationale: [
        '`sudo` is built for interactive logins: it needs a TTY for some configurations, a sudoers entry, reads',
        'PAM, and its signal and environment handling differs from a plain exec. In a Dockerfile the build already',
        'runs as whatever `USER` says: switch to `USER root` for the steps that need it and back afterwards. At',
        'run time, drop privileges with `gosu` or `su-exec`, which exec the command directly. Installing sudo also',
        'leaves a setuid-root binary in the image for any compromised process to try.',
      ].join('\n'),
      invalid: ['FROM ubuntu:24.04\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl && sudo rm -rf /var/lib/apt/lists/*\n'],
      valid: ['FROM ubuntu:24.04\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER ubuntu\n'],
      fixNotes: [
        'Unsafe, and offered only where the RUN already runs as root as far as the Dockerfile shows (no USER, or',
        '`USER root`): then `sudo cmd` and `cmd` do the same, except that the base image\'s default user is',
        'assumed to be root and sudo\'s environment reset (`env_reset`, `secure_path`) no longer applies. The fix',
        'deletes `sudo ` when it has no options. Under a non-root USER the command needs root: add `USER root`',
        'before the RUN by hand.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        const root = runsAsRoot(run);
        for (const command of script.commands) {
          if (command.nameWord.dynamic || command.name.split('/').at(-1) !== 'sudo') continue;
          const first = command.args[0];
          const plain = first !== undefined && !first.value.startsWith('-') && command.assignments.length === 0;
          ctx.report({
            node: command.nameWord.range,
            message: '`sudo` in a Dockerfile; use `USER root` for build steps that need root',
            help: 'sudo needs a TTY or a sudoers entry, and keeps a setuid binary in the image; at run time drop privileges with gosu or su-exec.',
            ...(plain && root && first
              ? { fix: { title: 'Remove `sudo` (the RUN already runs as root)', edits: [ctx.fix.replaceRange(command.nameWord.range.start, first.range.start, '')] } }
              : {}),
          });
        }
      },
    };
  },
});
