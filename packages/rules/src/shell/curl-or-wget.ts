import { defineRule, type Instruction, type ShellCommand, type Stage } from '@dockfix/core';
import { unwrap } from '../lib/cli.js';

/** `curl` or `wget` when the command runs one of them (through sudo/env too). */
function downloader(command: ShellCommand): 'curl' | 'wget' | null {
  const unwrapped = unwrap(command);
  if (!unwrapped || unwrapped.tool === null) return null;
  const name = unwrapped.tool;
  return name === 'curl' || name === 'wget' ? name : null;
}

export default defineRule({
  meta: {
    id: 'curl-or-wget',
    category: 'shell',
    severity: 'warning',
    description: 'Use either `curl` or `wget` in a stage, not both',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL4001', kind: 'same' }],
    docs: {
      rationale: [
        'curl and wget do the same job. A stage that uses both usually installs both, and each brings its own',
        'libraries: on Debian bookworm `curl` pulls in libcurl4 and its TLS, SSH and LDAP dependencies, `wget`',
        'its own set, several MB each, plus two tools to patch. Pick one (whichever the base image already has)',
        'and use it throughout the stage.',
        '',
        'The rule reports each use of the tool that a stage starts using second, the ones to replace; hadolint\'s',
        'DL4001 also reports the RUNs that use the first tool after that.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN wget -q https://example.com/b.tar.gz\n'],
      valid: ['FROM debian:bookworm-slim\nRUN curl -fsSLO https://example.com/a.tar.gz && curl -fsSLO https://example.com/b.tar.gz\n'],
    },
  },
  create(ctx) {
    // A stage's ONBUILD triggers run together in another build: they are checked as a sequence of their own, as hadolint does.
    const check = (stage: Stage) => {
      checkSequence(stage.instructions, 'This stage already uses');
      checkSequence(stage.triggers, 'The ONBUILD triggers already use');
    };
    const checkSequence = (instructions: readonly Instruction[], already: string) => {
      const uses: { tool: 'curl' | 'wget'; command: ShellCommand }[] = [];
      for (const instruction of instructions) {
        for (const command of instruction.run?.script?.commands ?? []) {
          const tool = downloader(command);
          if (tool) uses.push({ tool, command });
        }
      }
      const first = uses[0]?.tool;
      const second = uses.find((use) => use.tool !== first)?.tool;
      if (!first || !second) return;
      for (const use of uses) {
        if (use.tool !== second) continue;
        ctx.report({ node: use.command.nameWord.range, message: `${already} \`${first}\`; use it here too instead of also needing \`${second}\`` });
      }
    };
    return { 'Stage:exit': check };
  },
});
