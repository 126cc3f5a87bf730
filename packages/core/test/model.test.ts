import { describe, expect, it } from 'vitest';
import { buildModel, Source } from '@dockfix/core';

const model = (text: string) => buildModel(new Source(text));

describe('semantic model', () => {
  it('splits stages, links FROM <stage> and COPY --from, and marks the final stage', () => {
    const m = model(
      'ARG NODE=20\nFROM node:${NODE} AS Deps\nRUN npm ci\nFROM deps AS build\nRUN npm run build\nFROM node:${NODE}-slim\nCOPY --from=build /app/dist /app\nCOPY --from=0 /x /x\nRUN --mount=from=deps,target=/d ls /d\n',
    );
    expect(m.stages.map((s) => s.name)).toEqual(['deps', 'build', null]);
    const [deps, build, final] = m.stages;
    expect(build?.parent).toBe(deps);
    expect(final?.isFinal).toBe(true);
    expect(deps?.isFinal).toBe(false);
    expect(final?.copiesFrom).toEqual([build, deps]);
    expect(deps?.usedBy).toEqual([build, final]);
    expect(final?.from?.from.image).toMatchObject({ name: 'node', tag: '20-slim' });
    expect(m.globalArgs.get('NODE')).toBe('20');
  });

  it('tracks the effective USER, inherited through FROM <stage>', () => {
    const m = model('FROM alpine AS base\nUSER app\nFROM base\nRUN id\nFROM alpine\n');
    expect(m.stages[1]?.user?.name).toBe('app');
    expect(m.stages[2]?.user).toBeNull();
  });

  it('keeps flags apart from the arguments', () => {
    const m = model('FROM --platform=$BUILDPLATFORM golang:1.22 AS b\nRUN --mount=type=cache,target=/root/.cache go build\n');
    const [from, run] = m.instructions;
    expect(from?.flags.map((f) => [f.name, f.value])).toEqual([['platform', '$BUILDPLATFORM']]);
    expect(run?.flags.map((f) => f.name)).toEqual(['mount']);
    expect(run?.run?.script?.commands.map((c) => c.name)).toEqual(['go']);
  });

  it('recognises exec form JSON', () => {
    const m = model('FROM a\nCMD ["node", "server.js"]\nENTRYPOINT node server.js\n');
    expect(m.instructions[1]?.json).toEqual(['node', 'server.js']);
    expect(m.instructions[2]?.json).toBeNull();
  });

  it('applies SHELL to later RUNs in the stage only', () => {
    const m = model('FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN x | y\nFROM b\nRUN z\n');
    expect(m.instructions[2]?.run?.shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(m.instructions[4]?.run?.shell).toEqual(['/bin/sh', '-c']);
  });

  it.each([
    ['FROM a\nFOO bar\n', 'unknown instruction "FOO"'],
    ['# only a comment\n', 'the file has no instructions'],
    ['FROM a\nONBUILD BOGUS x\n', 'unknown instruction "BOGUS" in ONBUILD'],
    ['FROM a\nONBUILD RUN\n', 'RUN needs at least one argument in ONBUILD'],
    ['# check=skip=A;bogus=1\nFROM a\n', 'invalid option "bogus" in the `# check=` directive'],
    ['# check=error=maybe\nFROM a\n', 'invalid boolean "maybe" for error'],
    ['FROM\n', 'FROM needs at least one argument'],
  ])('reports what the frontend would reject: %j', (text, message) => {
    expect(model(text).syntaxProblems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('names a file-descriptor heredoc as the unsupported construct instead of the lines it mis-splits', () => {
    const problems = model('FROM a\nRUN cat /proc/self/fd/5 5<<FILE1\nthis is text\nFILE1\nRUN ls\n').syntaxProblems;
    expect(problems.map((p) => p.message)).toEqual([
      "the heredoc `5<<FILE1` (with a file-descriptor number) is not supported by dockfix's parser yet; the file was not linted",
    ]);
  });

  it('leaves fragments and forbidden ONBUILD triggers to rules: they split cleanly', () => {
    for (const text of ['RUN echo hi\n', 'ARG A\n', 'LABEL a=b\nFROM x\n', 'FROM a\nONBUILD FROM b\nONBUILD ONBUILD RUN x\nONBUILD MAINTAINER me\n']) {
      expect(model(text).syntaxProblems).toEqual([]);
    }
  });

  it('has no syntax problems for ARG before FROM, ONBUILD and heredocs', () => {
    expect(model('ARG V=1\nFROM a:$V\nONBUILD RUN make\nRUN <<EOF\necho\nEOF\n').syntaxProblems).toEqual([]);
  });
});
