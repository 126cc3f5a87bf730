import { defineRule } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelPairs, schemaFormat, type LabelSchemaOptions } from '../lib/labels.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'superfluous-label',
    category: 'labels',
    severity: 'info',
    description: 'Under strict labels, set only the labels the label schema names',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3050', kind: 'same' }],
    options: {
      labelSchema: LABEL_SCHEMA_OPTION,
      strictLabels: { type: 'boolean', description: 'Report every label the schema does not name (hadolint `strict-labels`).', default: false },
    },
    docs: {
      rationale: [
        'Teams that publish images with a fixed set of labels (OCI annotations, an internal catalogue) can ask',
        'for that set and nothing else, so that typos (`org.opencontainers.image.licence`) and stray labels do',
        'not reach the registry. With `strictLabels: true`, every label not named in `labelSchema` is reported;',
        'by default the rule does nothing. hadolint reports once per LABEL instruction; dockfix reports each',
        'label, so that the range points at it.',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' }, strictLabels: true },
      invalid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.licenses="MIT" org.opencontainers.image.licence="MIT"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.licenses="MIT"\n'],
    },
  },
  create(ctx) {
    if (!ctx.options.strictLabels) return {};
    return {
      LABEL(instruction) {
        for (const pair of labelPairs(ctx.source, instruction)) {
          if (schemaFormat(ctx.options.labelSchema, pair.name) !== undefined) continue;
          ctx.report({ node: pair.nameRange, message: `label \`${pair.name}\` is not in the label schema` });
        }
      },
    };
  },
});
