import { defineRule } from '@dockfix/core';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    category: 'style',
    severity: 'style',
    description: 'Write `AS` in the same case as `FROM`',
    fix: 'safe',
    sources: [{ tool: 'buildkit', rule: 'FromAsCasing', kind: 'same' }],
    docs: {
      rationale: [
        '`FROM node:24 as build` mixes an upper-case instruction with a lower-case keyword. BuildKit accepts',
        'both, but a file reads better when `AS` follows `FROM` (`FROM … AS …`, `from … as …`). When `FROM`',
        'itself has mixed case (`From`), instruction-casing reports it and this rule stays quiet, as BuildKit does.',
        'BuildKit reports it as a warning; dockfix classes it as style.',
      ].join('\n'),
      invalid: ['FROM node:24-slim as build\n', 'from node:24-slim AS build\n'],
      valid: ['FROM node:24-slim AS build\n', 'from node:24-slim as build\n'],
      fixNotes: 'The fix rewrites the keyword to match `FROM`. Safe: BuildKit reads `AS` without regard to case.',
    },
  },
  create(ctx) {
    return {
      FROM(from) {
        const as = from.args[1];
        if (from.args.length !== 3 || !as || as.value.toLowerCase() !== 'as') return;
        const keyword = ctx.source.slice(from.keywordRange);
        const lower = keyword === keyword.toLowerCase();
        const upper = keyword === keyword.toUpperCase();
        if (lower === upper) return;
        const wanted = lower ? 'as' : 'AS';
        if (as.value === wanted) return;
        ctx.report({ node: as.range, message: `\`${as.value}\` and \`${keyword}\` do not have the same case`, fix: { title: `Write \`${wanted}\``, edits: [ctx.fix.replace(as.range, wanted)] } });
      },
    };
  },
});
