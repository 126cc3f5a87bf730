import { defineRule } from '@dockfix/core';

/** `upper` or `lower` for a keyword written in one case, null for `From`. */
function caseOf(keyword: string): 'upper' | 'lower' | null {
  if (keyword === keyword.toLowerCase()) return 'lower';
  if (keyword === keyword.toUpperCase()) return 'upper';
  return null;
}

export default defineRule({
  meta: {
    id: 'instruction-casing',
    category: 'style',
    severity: 'style',
    description: 'Write every instruction in the same case, upper or lower, as most of the file does',
    fix: 'safe',
    sources: [{ tool: 'buildkit', rule: 'ConsistentInstructionCasing', kind: 'same' }],
    docs: {
      rationale: [
        'Instruction keywords are case-insensitive, so `copy`, `COPY` and `Copy` all work; mixing them makes a',
        'file harder to scan. The rule counts the instructions written all in upper case and all in lower case',
        'and reports every instruction that is not written like the majority (upper case wins a tie), as',
        "BuildKit's ConsistentInstructionCasing does. BuildKit reports it as a warning; dockfix classes it as style.",
      ].join('\n'),
      invalid: ['FROM alpine:3.22\ncopy app /app\nCOPY run.sh /run.sh\n', 'from alpine:3.22\nRun apk add --no-cache curl\n'],
      valid: ['FROM alpine:3.22\nCOPY app /app\n', 'from alpine:3.22\ncopy app /app\n'],
      fixNotes: 'The fix rewrites the keyword in the majority case. Safe: keywords are case-insensitive.',
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        let lower = 0;
        let upper = 0;
        for (const instruction of ctx.model.instructions) {
          const casing = caseOf(ctx.source.slice(instruction.keywordRange));
          if (casing === 'lower') lower++;
          else if (casing === 'upper') upper++;
        }
        const majority = lower > upper ? 'lower' : 'upper';
        for (const instruction of ctx.model.instructions) {
          const keyword = ctx.source.slice(instruction.keywordRange);
          if (caseOf(keyword) === majority) continue;
          const wanted = majority === 'lower' ? keyword.toLowerCase() : keyword.toUpperCase();
          ctx.report({
            node: instruction.keywordRange,
            message: `\`${keyword}\` is not in the ${majority} case that most instructions use`,
            fix: { title: `Write \`${wanted}\``, edits: [ctx.fix.replace(instruction.keywordRange, wanted)] },
          });
        }
      },
    };
  },
});
