import { defineRule, UNKNOWN_PRAGMA_RULE } from '@dockfix/core';

// The engine reports this rule: only it sees the pragmas next to the rule registry. The visitor is empty.
export default defineRule({
  meta: {
    id: UNKNOWN_PRAGMA_RULE,
    category: 'pragmas',
    severity: 'warning',
    description: 'Name only known rule ids or aliases in `# dockfix-ignore` and `# hadolint ignore=` pragmas',
    fix: 'none',
    docs: {
      rationale: [
        'A pragma that names a rule that does not exist silences nothing, so the problem it was written for',
        'is still reported, or, if the pragma was meant to cover a rule that is renamed or misspelt, it hides',
        'nothing while looking as if it did. ESLint reports such a name as an error ("Definition for rule … was',
        'not found"); dockfix reports it as a warning on the name, with the nearest known id when there is one.',
        '',
        'Names are rule ids (`merge-run`), aliases (`DL3059`, `JSONArgsRecommended`) and plugin rule ids',
        '(`my-plugin/no-foo`), in any case. hadolint (`DLxxxx`) and ShellCheck (`SCxxxx`) codes that dockfix does',
        'not implement are not reported: a `# hadolint ignore=SC2086` written for hadolint is not a typo.',
      ].join('\n'),
      invalid: ['FROM alpine:3.20\n# dockfix-ignore: merge-runs\nRUN apk add --no-cache curl\n'],
      valid: [
        'FROM alpine:3.20\n# hadolint ignore=SC2086,DL3018\nRUN apk add --no-cache curl\n',
        'FROM alpine:3.20\n# dockfix-ignore-file: unknown-pragma-rule\nRUN apk add --no-cache curl\n',
      ],
    },
  },
  create: () => ({}),
});
