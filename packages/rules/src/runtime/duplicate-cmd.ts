import { defineRule } from '@dockfix/core';
import { duplicateInstructionVisitor } from '../lib/duplicates.js';

export default defineRule({
  meta: {
    id: 'duplicate-cmd',
    category: 'runtime',
    severity: 'warning',
    description: 'Write one `CMD` per stage: only the last one takes effect',
    fix: 'safe',
    sources: [
      { tool: 'hadolint', rule: 'DL4003', kind: 'same' },
      { tool: 'buildkit', rule: 'MultipleInstructionsDisallowed', kind: 'same' },
    ],
    docs: {
      rationale: [
        '`CMD` sets one field of the image config. When a stage has several, each replaces the one before, so',
        'only the last one is in the image; the others are dead text that a reader may take for the real one',
        '(often a leftover from a copied base Dockerfile). The rule reports every `CMD` but the last in its stage,',
        'as BuildKit does (hadolint reports the later ones instead; the count is the same). A stage that starts',
        'from another stage (`FROM base`) has its own count.',
        '',
        'BuildKit reports CMD, ENTRYPOINT and HEALTHCHECK under one check name, MultipleInstructionsDisallowed;',
        'dockfix has one rule per instruction, as hadolint has one code each, and all three carry that name, so',
        '`--ignore MultipleInstructionsDisallowed` or `# check=skip=MultipleInstructionsDisallowed` turns off all three.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nCMD ["bash"]\nRUN echo build\nCMD ["./server"]\n'],
      valid: ['FROM debian:bookworm-slim AS base\nCMD ["bash"]\n\nFROM base\nCMD ["./server"]\n'],
      fixNotes: [
        'The fix deletes the overridden instruction (and one blank line, when it stood between two). The last',
        '`CMD` of the stage sets the same field either way, so the image config is unchanged: safe. It is not',
        'offered when a comment line sits inside the instruction\'s continuation lines.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return duplicateInstructionVisitor(ctx, 'CMD');
  },
});
