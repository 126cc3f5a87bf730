import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelFormatVisitor, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'invalid-label-hash',
    category: 'labels',
    severity: 'warning',
    description: 'Write commit labels as a full or short git hash',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3055', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Labels are read by machines: registries, scanners, `docker inspect` scripts, SBOM tools. A label the',
        'schema declares as `hash` that holds something else is silently useless to them. The rule checks the',
        'labels that the `labelSchema` option maps to `hash`; with no schema it does nothing.',
        '',
        'A git commit hash in lower-case hex: the full 40 digits, or the 7-digit short form, as hadolint accepts.',
        '',
        'Empty values are left to empty-label (DL3051), and values with a `$` variable are skipped, since',
        'they are only known at build time (hadolint checks the text as written).',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.revision="main"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"\n', 'FROM alpine:3.22\nARG VALUE\nLABEL org.opencontainers.image.revision="$VALUE"\n'],
      fixNotes: 'No automatic fix: the right value is not in the file.',
    },
  },
  create(ctx) {
    return labelFormatVisitor(ctx, 'hash', 'a git commit hash');
  },
});
