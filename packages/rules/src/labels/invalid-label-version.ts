import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelFormatVisitor, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'invalid-label-version',
    category: 'labels',
    severity: 'warning',
    description: 'Write version labels as semantic versions',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3056', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Labels are read by machines: registries, scanners, `docker inspect` scripts, SBOM tools. A label the',
        'schema declares as `semver` that holds something else is silently useless to them. The rule checks the',
        'labels that the `labelSchema` option maps to `semver`; with no schema it does nothing.',
        '',
        'A Semantic Versioning 2.0.0 version (`1.0.0`, `2.0.1-rc1`, `1.2.3+build.5`), checked with the regular expression semver.org recommends: no leading `v`, no leading zeros, three numbers.',
        '',
        'Empty values are left to empty-label (DL3051), and values with a `$` variable are skipped, since',
        'they are only known at build time (hadolint checks the text as written).',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.version="v1.2"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.version="1.2.0"\n', 'FROM alpine:3.22\nARG VALUE\nLABEL org.opencontainers.image.version="$VALUE"\n'],
      fixNotes: 'No automatic fix: the right value is not in the file.',
    },
  },
  create(ctx) {
    return labelFormatVisitor(ctx, 'semver', 'a semantic version');
  },
});
