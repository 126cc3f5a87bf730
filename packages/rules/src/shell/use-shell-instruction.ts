import { defineRule } from '@dockfix/core';
import { type CliSpec, toolCall } from '../lib/cli.js';

const LN = ['ln'];
const LN_SPEC: CliSpec = {};

export default defineRule({
  meta: {
    id: 'use-shell-instruction',
    category: 'shell',
    severity: 'warning',
    description: 'Use `SHELL` to change the shell, not `ln -s … /bin/sh`',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL4005', kind: 'same' }],
    docs: {
      rationale: [
        'Linking `/bin/sh` to bash changes the shell of every program in the image that runs `sh` (`system()`,',
        'init scripts, package maintainer scripts), not just the Dockerfile\'s RUN steps, and it is invisible to',
        'anyone reading the file. `SHELL ["/bin/bash", "-c"]` changes the shell of the later RUN, CMD and',
        'ENTRYPOINT in shell form and nothing else.',
        '',
        'The rule reports an `ln` whose link name (its last operand) is `/bin/sh`. hadolint reports any `ln`',
        'that mentions `/bin/sh`, also as the link target (`ln -s /bin/sh /usr/local/bin/mysh`), which leaves the',
        'shell alone; dockfix does not.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh\n'],
      valid: ['FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo "$BASH_VERSION"\n'],
      fixNotes: 'No automatic fix: a SHELL instruction changes only the Dockerfile\'s commands, not what other programs in the image get.',
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          const call = toolCall(command, LN, LN_SPEC);
          if (!call) continue;
          // The link name is the last operand: `ln -s /bin/sh /usr/local/bin/x` only reads /bin/sh.
          const target = call.operands.at(-1);
          if (call.operands.length < 2 || target?.value !== '/bin/sh') continue;
          ctx.report({ node: target.range, message: 'replacing `/bin/sh` changes the shell of the whole image; use a `SHELL` instruction' });
        }
      },
    };
  },
});
