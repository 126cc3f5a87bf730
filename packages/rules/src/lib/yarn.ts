import type { Instruction, Stage } from '@dockfix/core';

/** Which Yarn a stage runs, as far as the Dockerfile shows. */
export type YarnFlavour = 'classic' | 'berry' | 'unknown';

/**
 * Yarn 1 ("classic") or Yarn 2+ ("berry") for the commands of this instruction: `berry` when an earlier
 * instruction of the stage chain enables corepack, runs `yarn set version`, copies `.yarnrc.yml` or
 * `.yarn/`, or mentions berry; `unknown` when the whole build context was copied (it may hold a
 * `.yarnrc.yml` whose `yarnPath` makes the global Yarn 1 hand over to berry); `classic` otherwise.
 */
export function yarnFlavour(instruction: Instruction, text: (range: { start: number; end: number }) => string): YarnFlavour {
  let stage: Stage | null = instruction.stage;
  // A trigger (`ONBUILD RUN yarn …`) runs after the whole stage.
  let before = instruction.onbuild ? Infinity : instruction.index;
  let wholeContext = false;
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    for (const other of stage.instructions) {
      if (other.index >= before) break;
      const written = text(other.range);
      if (other.keyword === 'RUN' || other.keyword === 'ENV') {
        if (/\bcorepack\b|yarn\s+set\s+version|yarnpkg\/berry|YARN_ENABLE_|YARN_NODE_LINKER|\.yarnrc\.yml/.test(written)) return 'berry';
      }
      if ((other.keyword === 'COPY' || other.keyword === 'ADD') && !other.flags.some((flag) => flag.name === 'from')) {
        const sources = other.args.slice(0, -1).map((arg) => arg.value);
        if (sources.some((source) => /(^|\/)\.yarn(rc\.yml)?\/?$|(^|\/)\.yarn\//.test(source))) return 'berry';
        if (sources.some((source) => /^\.?\/?\.?$/.test(source) || source === '*')) wholeContext = true;
      }
    }
    before = Infinity;
    stage = stage.parent;
  }
  return wholeContext ? 'unknown' : 'classic';
}
