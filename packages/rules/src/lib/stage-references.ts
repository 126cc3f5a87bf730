import type { DockerfileModel, Source, Stage, TextRange } from '@dockfix/core';
import { findStage } from '@dockfix/core';

/**
 * Where the file names `stage` by name: `FROM <stage>` of later stages, `COPY/ADD --from=<stage>` and
 * `RUN --mount=…,from=<stage>`. Each range covers the name only, as written.
 */
export function stageReferenceRanges(source: Source, model: DockerfileModel, stage: Stage): TextRange[] {
  const ranges: TextRange[] = [];
  for (const instruction of model.instructions) {
    if (instruction.from?.parentStage === stage && instruction.from.imageRange) ranges.push(instruction.from.imageRange);
    for (const flag of instruction.flags) {
      const text = source.slice(flag.range);
      const pattern = flag.name === 'from' && (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') ? /^--from=([^\s]+)$/ : flag.name === 'mount' ? /(?:^--mount=|,)from=([^,\s]+)/g : null;
      if (!pattern) continue;
      for (const match of text.matchAll(pattern.global ? pattern : new RegExp(pattern.source, 'g'))) {
        const name = match[1] ?? '';
        if (/^\d+$/.test(name) || findStage(model.stages, name) !== stage) continue;
        const start = flag.range.start + (match.index ?? 0) + match[0].length - name.length;
        ranges.push({ start, end: start + name.length });
      }
    }
  }
  return ranges;
}
