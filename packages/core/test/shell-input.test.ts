import { describe, expect, it } from 'vitest';
import { buildModel, shellInputOf, Source } from '../src/index.js';

/** The shell input of the last RUN (or trigger), and the Dockerfile text at each of its characters. */
function inputOf(text: string) {
  const source = new Source(text);
  const model = buildModel(source);
  const run = [...model.instructions, ...model.triggers].filter((i) => i.keyword === 'RUN').at(-1);
  if (!run) throw new Error('no RUN');
  const input = shellInputOf(source, run);
  if (!input) return null;
  const back = [...input.text].map((char, index) => (char === text[input.offsetAt(index)] ? '' : `${index}:${JSON.stringify(char)}`)).filter(Boolean);
  return { text: input.text, back };
}

describe('shellInputOf', () => {
  it('joins continuations the way the frontend does, and maps every character back', () => {
    expect(inputOf('FROM a\nRUN a \\\n  b \\  \n# note\n\n  c\n')).toEqual({ text: 'a   b   c', back: [] });
  });
  it('uses the backtick escape and keeps backslashes for the shell', () => {
    expect(inputOf('# escape=`\nFROM a\nRUN echo a\\b `\n c\n')).toEqual({ text: 'echo a\\b  c', back: [] });
  });
  it('drops CRs', () => {
    expect(inputOf('FROM a\r\nRUN a \\\r\n b\r\n')).toEqual({ text: 'a  b', back: [] });
  });
  it('hands a heredoc-only body over as is, and keeps heredocs after a command line verbatim', () => {
    expect(inputOf('FROM a\nRUN <<EOF\nx \\\ny\nEOF\n')?.text).toBe('x \\\ny');
    expect(inputOf('FROM a\nRUN cat <<EOF > f\nx \\\nEOF\n')).toEqual({ text: 'cat <<EOF > f\nx \\\nEOF', back: [] });
  });
  it('maps an ONBUILD trigger onto the inner text; exec form has no shell input', () => {
    expect(inputOf('FROM a\nONBUILD RUN make \\\n all\n')).toEqual({ text: 'make  all', back: [] });
    expect(inputOf('FROM a\nRUN ["make"]\n')).toBeNull();
  });
});
