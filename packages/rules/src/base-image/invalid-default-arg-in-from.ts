import { defineRule } from '@dockfix/core';
import { keyValues } from '../lib/properties.js';
import { expandWord, globalArgDefaults, isValidImageReference } from '../lib/variables.js';

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    category: 'base-image',
    severity: 'warning',
    description: 'Give the global ARGs a `FROM` uses defaults that make a valid image name',
    fix: 'none',
    sources: [{ tool: 'buildkit', rule: 'InvalidDefaultArgInFrom', kind: 'same' }],
    docs: {
      rationale: [
        '`ARG VERSION` followed by `FROM busybox:$VERSION` builds only when every caller passes',
        '`--build-arg VERSION=…`; without it the image name is `busybox:`, which is not a reference, and the',
        'build fails with an unhelpful error. A default (`ARG VERSION=1.37`) makes the file build on its own',
        'and documents a known-good value. The rule expands each `FROM` with the defaults of the global ARGs',
        "(and BuildKit's predefined platform arguments) and checks the result against Docker's reference",
        'grammar, as BuildKit does.',
      ].join('\n'),
      invalid: ['ARG VERSION\nFROM busybox:$VERSION\n', 'ARG IMAGE\nFROM $IMAGE\n'],
      valid: ['ARG VERSION=1.37\nFROM busybox:$VERSION\n', 'ARG VARIANT=""\nFROM busybox:stable${VARIANT}\n'],
      fixNotes: 'No automatic fix: only the author knows a good default.',
    },
  },
  create(ctx) {
    // The global ARGs' defaults, read on the first FROM that uses a variable (most files have none).
    let defaults: ReturnType<typeof globalArgDefaults> | undefined;
    const readDefaults = () => {
      const globals = ctx.model.instructions
        .filter((instruction) => instruction.stage === null && instruction.keyword === 'ARG')
        .flatMap((arg) => keyValues(ctx.source, arg).map((pair) => ({ name: pair.name, raw: pair.valueRange ? ctx.source.slice(pair.valueRange) : null })));
      return globalArgDefaults(globals, ctx.source.escapeChar);
    };
    return {
      FROM(from) {
        const range = from.from.imageRange;
        if (!range) return;
        const written = ctx.source.slice(range);
        if (!written.includes('$')) return;
        if (defaults === undefined) defaults = readDefaults();
        if (!defaults) return;
        const image = expandWord(written, defaults, ctx.source.escapeChar);
        if (image === null || isValidImageReference(image)) return;
        ctx.report({
          node: range,
          message: `with the ARG defaults, \`${written}\` gives ${image === '' ? 'an empty image name' : `\`${image}\`, not a valid image name`}`,
        });
      },
    };
  },
});
