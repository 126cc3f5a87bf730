import { collectSuppressions, defineRule } from '@dockfix/core';

export default defineRule({
  meta: {
    id: 'no-inline-ignore',
    category: 'pragmas',
    severity: 'info',
    description: 'Do not silence rules with inline `# hadolint ignore=` or `# dockfix-ignore` comments',
    fix: 'none',
    optIn: true,
    sources: [{ tool: 'hadolint', rule: 'DL1001', kind: 'same' }],
    docs: {
      rationale: [
        'For teams that want every exception in one reviewed place (the config file\'s `ignore` or `rules`)',
        'rather than scattered through Dockerfiles. An inline pragma silences a rule for the next instruction',
        'without review, and outlives the reason it was written for. hadolint has this check (DL1001) off by',
        'default (its level `ignore`); so does dockfix: turn it on with `--extend-select no-inline-ignore`.',
        'File-wide pragmas (`# hadolint global ignore=`, `# dockfix-ignore-file`) and BuildKit\'s',
        '`# check=skip=` are not reported, as hadolint does not report them.',
      ].join('\n'),
      invalid: ['FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: ['# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Get-ChildItem\n'],
      fixNotes: 'No fix: the exception has to move to the config, which dockfix does not write.',
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        for (const suppression of collectSuppressions(ctx.model)) {
          if (suppression.kind !== 'hadolint-ignore' && suppression.kind !== 'dockfix-ignore') continue;
          const tool = suppression.kind === 'hadolint-ignore' ? '# hadolint ignore=' : '# dockfix-ignore';
          ctx.report({ node: suppression.comment, message: `Inline \`${tool}\` pragma: move the exception to the config file` });
        }
      },
    };
  },
});
