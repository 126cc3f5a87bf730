import { defineRule } from '@dockfix/core';
import { PREDEFINED_ARGS, suggestName, variableReferences } from '../lib/variables.js';

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    category: 'base-image',
    severity: 'warning',
    description: 'Declare every variable a `FROM` uses as an ARG before the first `FROM`',
    fix: 'none',
    sources: [{ tool: 'buildkit', rule: 'UndefinedArgInFrom', kind: 'same' }],
    docs: {
      rationale: [
        '`FROM` is expanded with the global build arguments only: the ARGs declared before the first `FROM`, and',
        "BuildKit's predefined `BUILDPLATFORM`, `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT`,",
        '`BUILDOS`, `BUILDARCH`, `BUILDVARIANT` and `TARGETSTAGE`. Any other variable expands to an empty string:',
        '`FROM node:${NODE_VERSION}-slim` without `ARG NODE_VERSION` at the top pulls `node:-slim` and fails,',
        'and `--build-arg NODE_VERSION=24` does not help, since an undeclared build argument is ignored. An ARG',
        'declared inside a stage does not count. The message suggests a declared name when one is close (a typo).',
      ].join('\n'),
      invalid: ['FROM node:${NODE_VERSION}-slim\n', 'ARG NODE_VERSION=24\nFROM node:${NODE_VERISON}-slim\n'],
      valid: ['ARG NODE_VERSION=24\nFROM node:${NODE_VERSION}-slim\n', 'FROM --platform=$BUILDPLATFORM golang:1.26 AS build\n'],
      fixNotes: 'No automatic fix: a suggested name is a guess, and declaring the ARG needs a value only the author knows.',
    },
  },
  create(ctx) {
    const declared = new Set([...ctx.model.globalArgs.keys(), ...PREDEFINED_ARGS.keys()]);
    return {
      FROM(from) {
        const words = [from.from.imageRange, ...(from.from.platform ? [from.from.platform.range] : [])];
        const reported = new Set<string>();
        for (const range of words) {
          if (!range) continue;
          for (const reference of variableReferences(ctx.source.slice(range), range.start, ctx.source.escapeChar)) {
            if (declared.has(reference.name) || reported.has(reference.name)) continue;
            reported.add(reference.name);
            const suggestion = suggestName(reference.name, declared);
            ctx.report({
              node: reference.range,
              message: `\`$${reference.name}\` in FROM is not a global ARG${suggestion ? ` (did you mean \`$${suggestion}\`?)` : ''}`,
            });
          }
        }
      },
    };
  },
});
