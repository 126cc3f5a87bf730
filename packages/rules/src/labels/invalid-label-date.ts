import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelFormatVisitor, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'invalid-label-date',
    category: 'labels',
    severity: 'warning',
    description: 'Write date labels as RFC 3339 timestamps',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3053', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Labels are read by machines: registries, scanners, `docker inspect` scripts, SBOM tools. A label the',
        'schema declares as `rfc3339` that holds something else is silently useless to them. The rule checks the',
        'labels that the `labelSchema` option maps to `rfc3339`; with no schema it does nothing.',
        '',
        '`YYYY-MM-DDThh:mm:ss` with optional fractions of a second and a required `Z` or `±hh:mm` offset (`2021-03-10T10:26:33.564595127+01:00`), with real month, day and time ranges. A date alone (`2021-03-10`) is not a timestamp.',
        '',
        'Empty values are left to empty-label (DL3051), and values with a `$` variable are skipped, since',
        'they are only known at build time (hadolint checks the text as written).',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.created="2021-03-10 10:26"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.created="2021-03-10T10:26:33Z"\n', 'FROM alpine:3.22\nARG VALUE\nLABEL org.opencontainers.image.created="$VALUE"\n'],
      fixNotes: 'No automatic fix: the right value is not in the file.',
    },
  },
  create(ctx) {
    return labelFormatVisitor(ctx, 'rfc3339', 'an RFC 3339 timestamp');
  },
});
