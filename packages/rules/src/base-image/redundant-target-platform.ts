import { defineRule } from '@dockfix/core';
import { dropQuotes } from '../lib/instructions.js';

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    category: 'base-image',
    severity: 'warning',
    description: 'Drop `--platform=$TARGETPLATFORM` from FROM: it is the default',
    fix: 'safe',
    sources: [
      { tool: 'hadolint', rule: 'DL3065', kind: 'same' },
      { tool: 'buildkit', rule: 'RedundantTargetPlatform', kind: 'same' },
    ],
    docs: {
      rationale: [
        'A `FROM` without `--platform` already pulls the image for the target platform, so',
        '`--platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`) only adds noise, and suggests to a reader that',
        'something special happens. BuildKit warns about it (RedundantTargetPlatform). `$BUILDPLATFORM` is not',
        'the default and is left alone.',
      ].join('\n'),
      invalid: ['FROM --platform=$TARGETPLATFORM alpine:3.22\nRUN echo hi\n'],
      valid: ['FROM --platform=$BUILDPLATFORM golang:1.26 AS build\nRUN go version\n\nFROM alpine:3.22\n'],
      fixNotes: [
        'The fix removes the flag and the blank after it. The stage resolves to the same platform either way:',
        'safe. When a global `ARG TARGETPLATFORM=…` gives the name a default of its own, the fix is offered as unsafe.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      FROM(instruction) {
        const platform = instruction.from.platform;
        if (!platform?.value) return;
        const value = dropQuotes(platform.value);
        if (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}') return;
        const redefined = ctx.model.globalArgs.get('TARGETPLATFORM') !== undefined;
        const after = /^[ \t]*/.exec(ctx.source.text.slice(platform.range.end))?.[0].length ?? 0;
        ctx.report({
          node: platform.range,
          message: `\`--platform=${value}\` is redundant: FROM already uses the target platform`,
          fix: {
            title: `Remove \`--platform=${value}\`${redefined ? ' (unsafe: a global ARG sets TARGETPLATFORM)' : ''}`,
            edits: [ctx.fix.replaceRange(platform.range.start, platform.range.end + after, '')],
            safety: redefined ? 'unsafe' : 'safe',
          },
        });
      },
    };
  },
});
