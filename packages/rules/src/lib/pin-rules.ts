import type { Rule, RuleDocs, RuleSource, ShellCommand, ShellWord } from '@dockfix/core';

/** The words of one command that name packages, with a label for the command (`dnf module install`). */
export interface PackageWords {
  readonly label: string;
  readonly words: readonly ShellWord[];
  /** Replaces the rule's own test for a command whose operands pin differently (`dnf module install name:stream`). */
  readonly isPinned?: (word: ShellWord) => boolean;
  /** Replaces the rule's own example of a pin, with `isPinned`. */
  readonly example?: string;
}

/** What a version-pinning rule needs to know about its package manager. */
export interface PinRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly source: RuleSource;
  readonly docs: RuleDocs;
  /** The words of a command that name packages; null when it installs nothing by name. */
  readonly packages: (command: ShellCommand) => PackageWords | null;
  readonly isPinned: (word: ShellWord) => boolean;
  /** How to pin, for the message: `pkg=version`. */
  readonly example: string;
}

const COMMON_WHY = [
  '',
  'This rule is **opt-in** (enable it with `--select pinning`, its id or its hadolint code). Pinned versions',
  'trade one problem for another: distribution mirrors (Debian, Ubuntu, Alpine) delete old package versions as',
  'soon as a fix is published, so a pinned `apt-get install curl=7.88.1-10+deb12u5` stops building within',
  'weeks, and nobody gets security updates without editing the pin. Pinning works where old versions stay',
  'available (PyPI, npm, RubyGems, Go modules) or with a snapshot mirror. There is no auto-fix: the right',
  'version is the one you tested.',
].join('\n');

/** An opt-in rule that reports package names installed without a version. */
export function pinRule(spec: PinRuleSpec): Rule {
  return {
    meta: {
      id: spec.id,
      category: 'pinning',
      severity: 'warning',
      description: spec.description,
      fix: 'none',
      optIn: true,
      sources: [spec.source],
      docs: { ...spec.docs, rationale: `${spec.docs.rationale}\n${COMMON_WHY}` },
    },
    create(ctx) {
      return {
        RUN(run) {
          for (const command of run.run.script?.commands ?? []) {
            const found = spec.packages(command);
            if (!found) continue;
            const isPinned = found.isPinned ?? spec.isPinned;
            const unpinned = found.words.filter((word) => !word.dynamic && !isPinned(word));
            if (unpinned.length === 0) continue;
            const names = unpinned.map((word) => `\`${word.value}\``).join(', ');
            const first = unpinned[0] as ShellWord;
            const last = unpinned.at(-1) as ShellWord;
            ctx.report({
              node: { start: first.range.start, end: last.range.end },
              message: `\`${found.label}\` of ${names} without a version`,
              help: `Pin it (${found.example ?? spec.example}) so that a rebuild installs the same version.`,
            });
          }
        },
      };
    },
  };
}
