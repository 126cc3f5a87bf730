import type { Instruction, TextRange } from '@dockfix/core';

/** The stage references of a COPY/ADD `--from` or a RUN `--mount=…,from=…`, with where each is written. */
export function stageReferences(instruction: Instruction): { value: string; range: TextRange }[] {
  const references: { value: string; range: TextRange }[] = [];
  for (const flag of instruction.flags) {
    if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && flag.name === 'from' && flag.value) {
      references.push({ value: flag.value, range: flag.range });
    }
    if (instruction.keyword === 'RUN' && flag.name === 'mount' && flag.value) {
      const match = /(?:^|,)from=([^,]+)/.exec(flag.value);
      if (match?.[1]) references.push({ value: match[1], range: flag.range });
    }
  }
  return references;
}
