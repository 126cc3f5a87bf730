import { describe, expect, it } from 'vitest';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { Source } from '@dockfix/core';

describe('Source', () => {
  it('splits each instruction\'s arguments once, with the answers of a plain parse, and leaves dockerfile-ast as it was', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nCOPY --chown=app:app --from=build /a /b\nRUN --mount=type=cache,target=/root/.cache \\\n  go build ./...\nCMD ["app", "--flag"]\nONBUILD RUN make\n';
    type Split = { getRawArguments(): unknown[] };
    const prototype = Instruction.prototype as unknown as Split;
    const split = prototype.getRawArguments;
    const source = new Source(text);
    const instructions = source.dockerfile.getInstructions();
    // Each instruction keeps its split (split-arguments.ts computes it, the same as the method would).
    for (const node of instructions) expect(Object.hasOwn(node, 'getRawArguments')).toBe(true);
    expect(prototype.getRawArguments).toBe(split);
    const view = (nodes: Instruction[]) =>
      nodes.map((node) => ({
        args: node.getArguments().map((arg) => [arg.getValue(), arg.getRange()]),
        flags: 'getFlags' in node ? (node as unknown as { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags().map((flag) => [flag.getName(), flag.getValue()]) : [],
        range: node.getArgumentsRange(),
        content: node.getRawArgumentsContent(),
      }));
    const plain = DockerfileParser.parse(text).getInstructions();
    for (const node of plain) expect(Object.hasOwn(node, 'getRawArguments')).toBe(false);
    expect(view(instructions)).toEqual(view(plain));
    // Each call still answers a fresh array: dockerfile-ast shifts the flags off the one it gets.
    const run = instructions[2] as unknown as Split;
    expect(run.getRawArguments()).not.toBe(run.getRawArguments());
  });

  it('maps dockerfile-ast positions to offsets and back', () => {
    const text = 'FROM alpine\nRUN echo hi\n';
    const source = new Source(text);
    const run = source.dockerfile.getInstructions()[1]!;
    const range = source.toRange(run.getRange());
    expect(source.slice(range)).toBe('RUN echo hi');
    expect(source.lineColumnAt(range.start)).toEqual({ line: 2, column: 1 });
  });

  it('keeps a BOM in the text and still finds the first instruction after it', () => {
    const source = new Source('\uFEFFFROM alpine\n');
    expect(source.hasBom).toBe(true);
    const from = source.dockerfile.getInstructions()[0]!;
    expect(source.slice(source.toRange(from.getRange()))).toBe('FROM alpine');
  });

  it('detects CRLF, LF and mixed line endings', () => {
    expect(new Source('FROM a\r\nRUN b\r\n').lineEndings).toEqual({ dominant: '\r\n', mixed: false });
    expect(new Source('FROM a\nRUN b\n').lineEndings).toEqual({ dominant: '\n', mixed: false });
    expect(new Source('FROM a\r\nRUN b\nRUN c\n').lineEndings).toEqual({ dominant: '\n', mixed: true });
  });

  it('uses the line ending already present at an offset for new lines', () => {
    const source = new Source('FROM a\r\nRUN b\nRUN c\n');
    expect(source.eolAt(0)).toBe('\r\n');
    expect(source.eolAt(source.text.indexOf('RUN b'))).toBe('\n');
  });

  it('reads the escape directive and other parser directives', () => {
    const source = new Source('# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore\n');
    expect(source.escapeChar).toBe('`');
    expect(source.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['escape', '`'],
    ]);
  });

  it('computes indentation and line boundaries', () => {
    const text = 'FROM a\nRUN x \\\n    && y\n';
    const source = new Source(text);
    const at = text.indexOf('&&');
    expect(source.indentAt(at)).toBe('    ');
    expect(source.lineStartAt(at)).toBe(text.indexOf('    &&'));
    expect(source.nextLineStartAt(at)).toBe(text.length);
  });
});
