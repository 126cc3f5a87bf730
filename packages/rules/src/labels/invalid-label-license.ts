import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelFormatVisitor, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'invalid-label-license',
    category: 'labels',
    severity: 'warning',
    description: 'Write license labels as SPDX license ids',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3054', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Labels are read by machines: registries, scanners, `docker inspect` scripts, SBOM tools. A label the',
        'schema declares as `spdx` that holds something else is silently useless to them. The rule checks the',
        'labels that the `labelSchema` option maps to `spdx`; with no schema it does nothing.',
        '',
        'A license identifier from the SPDX license list (`MIT`, `Apache-2.0`, `GPL-3.0-only`), taken from the `spdx-license-ids` package (current and deprecated ids), compared without regard to case as the SPDX specification says. Like hadolint, the rule checks a single id: an expression such as `MIT OR Apache-2.0` is reported.',
        '',
        'Empty values are left to empty-label (DL3051), and values with a `$` variable are skipped, since',
        'they are only known at build time (hadolint checks the text as written).',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.licenses="Apache 2"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n', 'FROM alpine:3.22\nARG VALUE\nLABEL org.opencontainers.image.licenses="$VALUE"\n'],
      fixNotes: 'No automatic fix: the right value is not in the file.',
    },
  },
  create(ctx) {
    return labelFormatVisitor(ctx, 'spdx', 'an SPDX license id');
  },
});
