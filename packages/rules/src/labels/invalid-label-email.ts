import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelFormatVisitor, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'invalid-label-email',
    category: 'labels',
    severity: 'warning',
    description: 'Write email labels as bare RFC 5322 addresses',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3058', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Labels are read by machines: registries, scanners, `docker inspect` scripts, SBOM tools. A label the',
        'schema declares as `email` that holds something else is silently useless to them. The rule checks the',
        'labels that the `labelSchema` option maps to `email`; with no schema it does nothing.',
        '',
        'A bare RFC 5322 address (`ops@example.com`), parsed with the `email-addresses` package. As in hadolint, an address with a display name (`Ops <ops@example.com>`) is reported: the label is meant to be read by tools.',
        '',
        'Empty values are left to empty-label (DL3051), and values with a `$` variable are skipped, since',
        'they are only known at build time (hadolint checks the text as written).',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'maintainer': 'email' } },
      invalid: ['FROM alpine:3.22\nLABEL maintainer="ops at example.com"\n'],
      valid: ['FROM alpine:3.22\nLABEL maintainer="ops@example.com"\n', 'FROM alpine:3.22\nARG VALUE\nLABEL maintainer="$VALUE"\n'],
      fixNotes: 'No automatic fix: the right value is not in the file.',
    },
  },
  create(ctx) {
    return labelFormatVisitor(ctx, 'email', 'an email address');
  },
});
