import { describe, expect, it } from 'vitest';
import { buildModel, prepareShellText, Source } from '@dockfix/core';

function script(dockerfile: string) {
  const model = buildModel(new Source(dockerfile));
  const run = model.instructions.find((i) => i.keyword === 'RUN');
  return { text: dockerfile, run: run?.run };
}

function commands(dockerfile: string) {
  const { text, run } = script(dockerfile);
  return (run?.script?.commands ?? []).map((c) => ({
    name: c.name,
    args: c.args.map((a) => a.value),
    text: text.slice(c.range.start, c.range.end),
    unconditional: c.unconditional,
  }));
}

describe('RUN shell analysis', () => {
  it('finds commands behind set -eux, &&, || and pipes with exact offsets', () => {
    const found = commands('FROM a\nRUN set -eux; apt-get update && apt-get install -y curl || echo failed; cat x | tee y\n');
    expect(found.map((c) => c.name)).toEqual(['set', 'apt-get', 'apt-get', 'echo', 'cat', 'tee']);
    expect(found[2]).toEqual({ name: 'apt-get', args: ['install', '-y', 'curl'], text: 'apt-get install -y curl', unconditional: true });
    expect(found[3]?.unconditional).toBe(false);
  });

  it('follows backslash continuations and skips comment lines inside them', () => {
    const found = commands('FROM a\nRUN apt-get update \\\n  # refresh lists\n  && apt-get install -y \\\n     git\n');
    expect(found.map((c) => [c.name, c.args])).toEqual([
      ['apt-get', ['update']],
      ['apt-get', ['install', '-y', 'git']],
    ]);
  });

  it('keeps a command whole across comment and empty lines inside its continuation', () => {
    const found = commands('FROM a\nRUN apk add \\\n  # why curl\n    curl \\\n\n    bash \\\n  && echo ok\n');
    expect(found.map((c) => [c.name, c.args])).toEqual([
      ['apk', ['add', 'curl', 'bash']],
      ['echo', ['ok']],
    ]);
  });

  it('handles CRLF continuations', () => {
    const found = commands('FROM a\r\nRUN npm install \\\r\n  && npm cache clean --force\r\n');
    expect(found.map((c) => c.text)).toEqual(['npm install', 'npm cache clean --force']);
  });

  it('handles the backtick escape character', () => {
    const found = commands('# escape=`\nFROM a\nRUN apt-get install -y `\n  curl && echo done\n');
    expect(found.map((c) => c.args)).toEqual([['install', '-y', 'curl'], ['done']]);
  });

  it('treats commands inside if, loops and functions as conditional', () => {
    const found = commands('FROM a\nRUN if [ -f x ]; then npm ci; fi; for f in a b; do echo $f; done\n');
    expect(found.find((c) => c.name === 'npm')?.unconditional).toBe(false);
    expect(found.find((c) => c.name === 'echo')?.unconditional).toBe(false);
  });

  it('parses a RUN heredoc body as the script', () => {
    const { run, text } = script('FROM a\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n');
    expect(run?.form).toBe('heredoc');
    const install = run?.script?.commands.find((c) => c.name === 'apt-get');
    expect(install && text.slice(install.range.start, install.range.end)).toBe('apt-get install -y curl');
  });

  it('does not analyse exec form or a non-POSIX SHELL', () => {
    expect(script('FROM a\nRUN ["npm", "install"]\n').run).toMatchObject({ form: 'exec', script: null });
    expect(script('FROM a\nSHELL ["powershell", "-Command"]\nRUN npm install\n').run?.script).toBeNull();
    expect(script('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN npm install\n').run?.script).toBeNull();
  });

  it('unquotes simple words but keeps dynamic ones as written', () => {
    const found = commands(`FROM a\nRUN echo 'a b' "c" d\\ e "$HOME"\n`);
    expect(found[0]?.args).toEqual(['a b', 'c', 'd e', '"$HOME"']);
  });

  it('still finds intact commands in a half-broken body', () => {
    const { run } = script('FROM a\nRUN apt-get install -y curl && (echo unterminated\n');
    expect(run?.script?.hasError).toBe(true);
    expect(run?.script?.commands.map((c) => c.name)).toContain('apt-get');
  });

  it('keeps the prepared text the same length as the original', () => {
    for (const body of ['a `\r\n  b', 'a \\  \n b', 'a \\\r\n # c\r\n b', 'x']) {
      expect(prepareShellText(body, '`', true)).toHaveLength(body.length);
      expect(prepareShellText(body, '\\', true)).toHaveLength(body.length);
    }
  });
});
