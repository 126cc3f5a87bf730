import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelPairs, pairRange, schemaFormat, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'empty-label',
    category: 'labels',
    severity: 'warning',
    description: 'Give the labels of the label schema a value',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3051', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'A label the schema requires but set to `""` satisfies a presence check and tells nothing. This is',
        'usually a build argument that was not passed, or a placeholder left in a template. Only labels named',
        'in the `labelSchema` option are checked; with no schema the rule does nothing.',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.version': 'text' } },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.version=""\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.version="1.4.2" other=""\n'],
    },
  },
  create(ctx) {
    return {
      LABEL(instruction) {
        for (const pair of labelPairs(ctx.source, instruction)) {
          if (pair.value !== '' || schemaFormat(ctx.options.labelSchema, pair.name) === undefined) continue;
          ctx.report({ node: pairRange(pair), message: `label \`${pair.name}\` is empty` });
        }
      },
    };
  },
});
