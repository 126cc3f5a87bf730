import { defineRule, type Instruction, type RuleContext, type RunInstruction, type ShellCommand } from '@dockfix/core';
import { readsStaleLists } from '../lib/apt.js';
import { isNeutral, LEFTOVERS, mayClean, type LeftoverKind } from '../lib/cleanup.js';
import { shippedStages } from '../lib/images.js';
import { plan, planMove, sameFlags } from '../lib/merge.js';
import { cacheMountCovers, firstAtOrAfter, inShippedStage, isTrigger, sequenceOf } from '../lib/stages.js';

interface Finding {
  readonly command: ShellCommand;
  readonly kind: LeftoverKind;
  readonly creator: RunInstruction;
}

export default defineRule({
  meta: {
    id: 'cleanup-in-separate-layer',
    category: 'layers',
    severity: 'warning',
    description: 'Delete caches and temporary files in the RUN that creates them, not in a later one',
    fix: 'safe',
    docs: {
      rationale: [
        'Each `RUN` is a layer, and a layer can only add to what the layers below it hold: deleting a file in a',
        'later `RUN` records a "whiteout" that hides the file, while the bytes stay in the earlier layer and are',
        'still pulled and stored. `RUN rm -rf /var/lib/apt/lists/*` (19 MB on Debian bookworm), `RUN apt-get',
        'clean`, `RUN yum clean all`, `RUN npm cache clean --force` or `RUN rm -rf /tmp/*` on its own therefore',
        'does not make the image one byte smaller; it only adds a layer. The cleanup has to run in the same `RUN`',
        'as the command that created the files.',
        '',
        'The rule pairs each cleanup with the nearest earlier RUN of the stage that created that kind of file',
        '(apt lists and `.deb` files, the apk, yum, dnf, zypper, npm, Yarn and pip caches, files written to',
        '`/tmp`), in the stages that ship. Nothing is reported when that RUN kept the files out of the layer with',
        'a cache mount, or already deletes them itself.',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nRUN npm cache clean --force\n',
      ],
      valid: ['FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      fixNotes: [
        'The fix moves the cleanup into the RUN that created the files (the cleanup RUN is deleted and its commands',
        'are appended with ` && \\`). It is offered only when the cleanup RUN does nothing but clean up.',
        '',
        'Safe when that RUN comes right before the cleanup RUN, both have the same flags and the first leaves',
        'nothing in its shell that the cleanup would see (`cd`, `export`, …): that is the `merge-run` join, and',
        'the cleanup then runs exactly as before, only in the same layer. Unsafe when other instructions sit',
        'between them, since the files are then deleted before those instructions run (a `COPY` or `RUN` in',
        'between may still need them).',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    // Per instruction sequence (a stage's instructions, or its triggers): the RUNs, the first COPY into
    // /tmp, and per kind the RUNs that may create it. Searching the earlier RUNs for every cleanup made a
    // stage of n cleanup RUNs cost n² (8k lines of `RUN rm -rf /tmp/x`: 42 s).
    const indexes = new Map<readonly Instruction[], SequenceIndex>();
    const indexOf = (sequence: readonly Instruction[]): SequenceIndex => {
      let index = indexes.get(sequence);
      if (!index) {
        const runs = sequence.filter((other): other is RunInstruction => other.keyword === 'RUN' && other.run !== undefined);
        const copy = sequence.find(
          (other) => (other.keyword === 'COPY' || other.keyword === 'ADD') && /^\/tmp(\/|$)/.test((other.json ?? other.args.map((arg) => arg.value)).at(-1) ?? ''),
        );
        index = { runs, firstCopyToTmp: copy?.index ?? Infinity, creators: new Map() };
        indexes.set(sequence, index);
      }
      return index;
    };
    /** The nearest RUN before `run` in its sequence that creates what `cleanup` deletes. */
    const nearestCreator = (sequence: readonly Instruction[], kind: LeftoverKind, run: RunInstruction, cleanup: ShellCommand): RunInstruction | undefined => {
      const index = indexOf(sequence);
      let candidates = index.creators.get(kind);
      if (!candidates) {
        candidates = index.runs.filter((other) => (kind.mayCreate ? kind.mayCreate(other) : kind.creates(other, ctx.source.slice(other.range))));
        index.creators.set(kind, candidates);
      }
      for (let k = firstAtOrAfter(candidates, run.index) - 1; k >= 0; k--) {
        const other = candidates[k] as RunInstruction;
        if (!kind.mayCreate || kind.creates(other, ctx.source.slice(other.range), cleanup)) return other;
      }
      return undefined;
    };
    /** The RUNs strictly between two of a sequence, nearest to `to` first. */
    const runsBetween = (sequence: readonly Instruction[], from: Instruction, to: Instruction): RunInstruction[] => {
      const { runs } = indexOf(sequence);
      return runs.slice(firstAtOrAfter(runs, from.index + 1), firstAtOrAfter(runs, to.index)).reverse();
    };
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || !inShippedStage(run, shipped)) return;
        const text = ctx.source.slice(run.range);
        const sequence = sequenceOf(run);
        // Files COPYed or ADDed into /tmp live in that instruction's layer: no RUN can take them back.
        const copiesToTmp = () => indexOf(sequence).firstCopyToTmp < run.index;
        const findings: Finding[] = [];
        for (const command of script.commands) {
          if (!mayClean(command)) continue;
          for (const kind of LEFTOVERS) {
            if (!kind.cleans(command) || kind.creates(run, text, command)) continue;
            if (kind.dirs.includes('/tmp') && copiesToTmp()) continue;
            const creator = nearestCreator(sequence, kind, run, command);
            if (!creator) continue;
            // Kept out of its layer by a cache mount, or already cleaned there: nothing to move.
            if (kind.dirs.some((dir) => cacheMountCovers(creator, dir))) continue;
            if ((creator.run.script?.commands ?? []).some((other) => kind.cleans(other))) continue;
            findings.push({ command, kind, creator });
            break;
          }
        }
        const first = findings[0];
        if (!first) return;
        const creators = new Set(findings.map((finding) => finding.creator));
        const line = ctx.source.lineColumnAt(first.creator.range.start).line;
        const kinds = [...new Set(findings.map((finding) => finding.kind.label))].join(' and ');
        const node = { start: first.command.range.start, end: findings.at(-1)?.command.statementRange.end ?? first.command.range.end };
        const message = `Deleting ${kinds} here leaves them in line ${line}'s layer`;
        const cleanupOnly = script.commands.every((command) => isNeutral(command) || findings.some((finding) => finding.command === command));
        if (!cleanupOnly || creators.size > 1 || isTrigger(run)) {
          const why = isTrigger(run) ? 'ONBUILD triggers are not joined automatically' : creators.size > 1 ? 'the files come from several RUNs' : 'this RUN does more than clean up';
          ctx.report({ node, message, help: `No automatic fix: ${why}.` });
          return;
        }
        const creator = first.creator;
        // A RUN between them that installs from the apt lists would fail once they are deleted earlier.
        const reader = findings.some((finding) => finding.kind.dirs.includes('/var/lib/apt/lists'))
          ? runsBetween(sequence, creator, run).find((other) => readsStaleLists(other, ctx.source.slice(other.range)) !== null)
          : undefined;
        if (reader) {
          ctx.report({ node, message, help: `No automatic fix: the RUN on line ${ctx.source.lineColumnAt(reader.range.start).line} installs from these lists; clean up at the end of that RUN instead.` });
          return;
        }
        const adjacent = creator.index === run.index - 1;
        const joinable = adjacent && sameFlags(ctx as RuleContext, creator, run);
        const result = joinable ? plan(ctx as RuleContext, creator, run) : planMove(ctx as RuleContext, creator, run, 'first');
        if ('noFix' in result) {
          ctx.report({ node, message, help: `No automatic fix: ${result.noFix}.` });
          return;
        }
        const unsafeBecause = !adjacent ? 'instructions between them would run after the cleanup' : !joinable ? 'the RUNs have different flags' : result.unsafeBecause;
        ctx.report({
          node,
          message,
          fix: {
            title: `Move the cleanup into the RUN on line ${line}${unsafeBecause ? ` (unsafe: ${unsafeBecause})` : ''}`,
            edits: result.edits,
            safety: unsafeBecause ? 'unsafe' : 'safe',
            instructionDelta: -1,
          },
        });
      },
    };
  },
});

interface SequenceIndex {
  readonly runs: readonly RunInstruction[];
  readonly firstCopyToTmp: number;
  readonly creators: Map<LeftoverKind, readonly RunInstruction[]>;
}
