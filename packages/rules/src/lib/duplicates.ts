import type { Instruction, Rule, RuleContext, Severity, Stage, Visitor } from '@dockfix/core';
import { removeInstruction } from './instructions.js';

/**
 * The visitor of the "only the last X in a stage counts" rules (CMD, ENTRYPOINT, HEALTHCHECK): reports
 * every earlier one, as BuildKit's MultipleInstructionsDisallowed does, and offers to delete it. Deleting
 * an instruction that a later one of the same kind overrides leaves the image config as it was.
 */
export function duplicateInstructionVisitor(ctx: RuleContext<unknown>, keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): Visitor {
  const seen = new Map<Stage, Instruction[]>();
  const visit = (instruction: Instruction) => {
    if (!instruction.stage) return;
    const list = seen.get(instruction.stage) ?? [];
    list.push(instruction);
    seen.set(instruction.stage, list);
  };
  return {
    [keyword]: visit,
    'Stage:exit': (stage: Stage) => {
      const list = seen.get(stage) ?? [];
      const last = list.at(-1);
      if (!last) return;
      const lastLine = ctx.source.lineColumnAt(last.range.start).line;
      for (const earlier of list.slice(0, -1)) {
        const edit = removeInstruction(ctx, earlier);
        ctx.report({
          node: earlier.range,
          message: `this ${keyword} has no effect: the ${keyword} on line ${lastLine} replaces it in this stage`,
          ...(edit ? { fix: { title: `Remove the overridden ${keyword}`, edits: [edit], instructionDelta: -1 } } : {}),
        });
      }
    },
  } as Visitor;
}

/** What differs between the three "only the last X in a stage counts" rules. */
export interface DuplicateInstructionRuleSpec {
  readonly id: string;
  readonly keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';
  readonly severity: Severity;
  /** hadolint's code for the same check (DL4003, DL4004, DL3012). */
  readonly hadolint: string;
  readonly invalid: string;
  readonly valid: string;
}

/** One of the rules BuildKit reports as MultipleInstructionsDisallowed: metadata, docs and visitor from one spec. */
export function duplicateInstructionRule(spec: DuplicateInstructionRuleSpec): Rule {
  const k = spec.keyword;
  return {
    meta: {
      id: spec.id,
      category: 'runtime',
      severity: spec.severity,
      description: `Write one \`${k}\` per stage: only the last one takes effect`,
      fix: 'safe',
      sources: [
        { tool: 'hadolint', rule: spec.hadolint, kind: 'same' },
        { tool: 'buildkit', rule: 'MultipleInstructionsDisallowed', kind: 'same' },
      ],
      docs: {
        rationale: [
          `\`${k}\` sets one field of the image config. When a stage has several, each replaces the one before, so`,
          'only the last one is in the image; the others are dead text that a reader may take for the real one',
          `(often a leftover from a copied base Dockerfile). The rule reports every \`${k}\` but the last in its stage,`,
          'as BuildKit does (hadolint reports the later ones instead; the count is the same). A stage that starts',
          'from another stage (`FROM base`) has its own count.',
          '',
          'BuildKit reports CMD, ENTRYPOINT and HEALTHCHECK under one check name, MultipleInstructionsDisallowed;',
          'dockfix has one rule per instruction, as hadolint has one code each, and all three carry that name, so',
          '`--ignore MultipleInstructionsDisallowed` or `# check=skip=MultipleInstructionsDisallowed` turns off all three.',
        ].join('\n'),
        invalid: [spec.invalid],
        valid: [spec.valid],
        fixNotes: [
          'The fix deletes the overridden instruction (and one blank line, when it stood between two). The last',
          `\`${k}\` of the stage sets the same field either way, so the image config is unchanged: safe. It is not`,
          'offered when a comment line sits inside the instruction\'s continuation lines.',
        ].join('\n'),
      },
    },
    create: (ctx) => duplicateInstructionVisitor(ctx, k),
  };
}
