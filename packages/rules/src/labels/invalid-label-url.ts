import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelFormatVisitor, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'invalid-label-url',
    category: 'labels',
    severity: 'warning',
    description: 'Give URL labels an absolute URL',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3052', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Labels are read by machines: registries, scanners, `docker inspect` scripts, SBOM tools. A label the',
        'schema declares as `url` that holds something else is silently useless to them. The rule checks the',
        'labels that the `labelSchema` option maps to `url`; with no schema it does nothing.',
        '',
        'An absolute URI with a scheme, as RFC 3986 defines it (`https://github.com/org/repo`, `mailto:ops@example.com`). The check uses the WHATWG URL parser and, as RFC 3986 does, also refuses spaces and `<>"{}|\\^` that a browser would quietly escape.',
        '',
        'Empty values are left to empty-label (DL3051), and values with a `$` variable are skipped, since',
        'they are only known at build time (hadolint checks the text as written).',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.source="github.com/example/app"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.source="https://github.com/example/app"\n', 'FROM alpine:3.22\nARG VALUE\nLABEL org.opencontainers.image.source="$VALUE"\n'],
      fixNotes: 'No automatic fix: the right value is not in the file.',
    },
  },
  create(ctx) {
    return labelFormatVisitor(ctx, 'url', 'a valid URL');
  },
});
