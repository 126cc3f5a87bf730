import { defineRule } from '@dockfix/core';
import { unwrap } from '../lib/cli.js';

/** hadolint's list: programs that need a running system, a terminal or a network peer, none of which a build step has. */
const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

export default defineRule({
  meta: {
    id: 'pointless-command',
    category: 'shell',
    severity: 'info',
    description: 'Do not run `ssh`, `vim`, `service`, `ps`, `top`, `kill` and the like in a RUN',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3001', kind: 'same' }],
    docs: {
      rationale: [
        'A RUN step executes once, without a terminal, init system or running services, and its processes end',
        'with it. `vim` and `top` wait for a terminal, `service x start` starts something that is gone when the',
        'layer is saved, `ps`, `free` and `kill` look at the build container rather than the one that will run,',
        '`shutdown` and `mount` need privileges a build does not have, and `ssh` reaches out with credentials that',
        'should not be in a build. The rule reports those commands (hadolint\'s list: free, kill, mount, ps, service,',
        'shutdown, ssh, top, vim), also behind `sudo`; installing them (`apt-get install ssh`) is fine.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN service nginx start\n'],
      valid: ['FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client && rm -rf /var/lib/apt/lists/*\n'],
      fixNotes: 'No automatic fix: what the command was for needs a person.',
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          const unwrapped = unwrap(command);
          if (!unwrapped || unwrapped.tool === null) continue;
          const name = unwrapped.tool;
          if (!POINTLESS.has(name)) continue;
          ctx.report({ node: unwrapped.nameWord.range, message: `\`${name}\` makes no sense in a build step: no terminal, services or running container` });
        }
      },
    };
  },
});
