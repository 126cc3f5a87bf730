import { defineRule, type Instruction, type Stage } from '@dockfix/core';
import { isArchivePath } from '../lib/archives.js';
import { parseCli } from '../lib/cli.js';
import { copyOperands, dropQuotes } from '../lib/instructions.js';

/** Programs that unpack a compressed file given as an operand. */
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

/** The last path segment, with `/` or `\` as separator and quotes dropped. */
function baseName(path: string): string {
  return dropQuotes(path).split(/[\\/]/).at(-1) ?? '';
}

export default defineRule({
  meta: {
    id: 'copy-archive-then-extract',
    category: 'layers',
    severity: 'info',
    description: 'Let `ADD` unpack a local archive instead of `COPY` and a `RUN tar -x`',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3010', kind: 'same' }],
    docs: {
      rationale: [
        '`COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz` stores the archive in one layer and its',
        'contents in the next: the image carries both, even if the RUN deletes the archive. `ADD app.tar.gz /opt/`',
        'unpacks it in one layer and never stores the archive. The rule reports a COPY of a local archive',
        '(hadolint\'s list of extensions) whose name a later `tar -x`, `unzip`, `gunzip`, … in the same stage',
        'opens.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n'],
      valid: ['FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n', 'FROM debian:bookworm-slim\nCOPY app.tar.gz /srv/downloads/\n'],
      fixNotes: 'No automatic fix: `ADD` unpacks into the destination directory, which may not be where the `tar -C` put things.',
    },
  },
  create(ctx) {
    const archives = new Map<Stage, { name: string; copy: Instruction }[]>();
    const reported = new Set<Instruction>();
    return {
      COPY(instruction) {
        if (!instruction.stage || instruction.flags.some((flag) => flag.name === 'from')) return;
        const operands = copyOperands(ctx.source, instruction);
        if (!operands) return;
        const names = isArchivePath(dropQuotes(operands.dest.value))
          ? [baseName(operands.dest.value)]
          : operands.sources.map((source) => baseName(source.value)).filter(isArchivePath);
        const list = archives.get(instruction.stage) ?? [];
        for (const name of names) list.push({ name, copy: instruction });
        archives.set(instruction.stage, list);
      },
      RUN(run) {
        const list = run.stage ? archives.get(run.stage) : undefined;
        if (!list?.length) return;
        for (const command of run.run.script?.commands ?? []) {
          const call = parseCli(command);
          if (!call) continue;
          const extracts =
            (call.tool === 'tar' && (call.options.some((option) => (option.long ? ['extract', 'get'].includes(option.name) : option.name.includes('x'))) || /^[A-Za-z]*x/.test(call.operands[0]?.value ?? '')))
            || UNPACKERS.has(call.tool);
          if (!extracts) continue;
          const operands = new Set(call.words.filter((word) => !word.value.startsWith('-')).map((word) => baseName(word.value)));
          for (const { name, copy } of list) {
            if (!operands.has(name) || reported.has(copy)) continue;
            reported.add(copy);
            ctx.report({ node: copy.keywordRange, message: `\`${name}\` is copied and then unpacked by a RUN; \`ADD\` would unpack it in one layer` });
          }
        }
      },
    };
  },
});
