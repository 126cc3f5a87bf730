import { defineRule, UNUSED_PRAGMA_RULE } from '@dockfix/core';

// The engine reports this rule: only it knows which pragmas silenced something. The visitor is empty.
export default defineRule({
  meta: {
    id: UNUSED_PRAGMA_RULE,
    category: 'pragmas',
    severity: 'warning',
    description: 'Remove `# dockfix-ignore` and `# hadolint ignore=` pragmas that silence nothing',
    fix: 'none',
    optIn: true,
    docs: {
      rationale: [
        'Pragmas outlive the problems they were written for: the RUN was rewritten, the rule was turned off,',
        'and the `# hadolint ignore=DL3059` stays, ready to hide the next real problem on that instruction.',
        'Like ESLint\'s `--report-unused-disable-directives` and Ruff\'s RUF100, this rule reports each rule named',
        'in a pragma that silenced nothing (and a bare `# dockfix-ignore` that silenced nothing), saying whether',
        'the rule reported nothing there or is not enabled at all.',
        '',
        'It is opt-in: turn it on with `--report-unused-pragmas`, `"reportUnusedPragmas": true` in the config,',
        'or like any rule (`extendSelect`, `rules`). hadolint and ShellCheck codes dockfix does not implement',
        'are never reported.',
      ].join('\n'),
      invalid: ['FROM alpine:3.20\n# dockfix-ignore\nRUN apk add --no-cache curl\n'],
      valid: ['FROM alpine:3.20\n# hadolint ignore=SC2086\nRUN echo $HOME\n'],
    },
  },
  create: () => ({}),
});
