import { describe, expect, it } from 'vitest';
import { format, type FormatOptions } from '@dockfix/core';

/** Formats, checks idempotence, and returns the output. */
function fmt(text: string, options: FormatOptions = {}): string {
  const result = format(text, options);
  expect(result.error).toBeUndefined();
  expect(format(result.output, options).output).toBe(result.output);
  expect(result.changed).toBe(result.output !== text);
  return result.output;
}

/** Lines joined with LF, plus a final LF. */
const lines = (...content: string[]) => `${content.join('\n')}\n`;

describe('format: what it changes', () => {
  it('upper-cases keywords and leaves one space after them', () => {
    expect(fmt(lines('from   alpine', 'run    apk add curl', 'Workdir\t/app', 'cmd ["sh"]'))).toBe(
      lines('FROM alpine', 'RUN apk add curl', 'WORKDIR /app', 'CMD ["sh"]'),
    );
  });

  it('upper-cases `as` in FROM … AS and the instruction inside ONBUILD', () => {
    expect(fmt(lines('FROM node:20 as build', 'onbuild run make'))).toBe(lines('FROM node:20 AS build', 'ONBUILD RUN make'));
  });

  it('removes the indentation of instruction lines', () => {
    expect(fmt(lines('FROM alpine', '   RUN true', '\tUSER app'))).toBe(lines('FROM alpine', 'RUN true', 'USER app'));
  });

  it('indents continuation lines by level, keeping their relative depth', () => {
    const input = lines('FROM debian', 'RUN set -eux; \\', '\tapt-get update; \\', '\tapt-get install -y \\', '\t\tcurl \\', '\t\tgit \\', '\t; \\', '\trm -rf /var/lib/apt/lists/*');
    expect(fmt(input)).toBe(
      lines('FROM debian', 'RUN set -eux; \\', '    apt-get update; \\', '    apt-get install -y \\', '        curl \\', '        git \\', '    ; \\', '    rm -rf /var/lib/apt/lists/*'),
    );
    expect(fmt(input, { useTabs: true })).toBe(input);
    expect(fmt(input, { tabWidth: 2 })).toContain('\n  apt-get update; \\\n');
  });

  it('keeps `RUN \\` on its own line with a single space', () => {
    expect(fmt(lines('FROM alpine', 'RUN    \\', '  apk add curl'))).toBe(lines('FROM alpine', 'RUN \\', '    apk add curl'));
  });

  it('normalises exec-form JSON arrays, keeping each string as written', () => {
    expect(fmt(lines('FROM alpine', 'ENTRYPOINT [ "tini","--" ]', 'CMD ["echo","caf\\u00e9"]', 'COPY --chown=app ["a b","/dst/"]'))).toBe(
      lines('FROM alpine', 'ENTRYPOINT ["tini", "--"]', 'CMD ["echo", "caf\\u00e9"]', 'COPY --chown=app ["a b", "/dst/"]'),
    );
  });

  it('joins a broken exec-form array when it fits printWidth, and keeps the breaks when it does not', () => {
    const broken = lines('FROM alpine', 'CMD ["node", \\', '     "server.js"]');
    expect(fmt(broken)).toBe(lines('FROM alpine', 'CMD ["node", "server.js"]'));
    expect(fmt(broken, { printWidth: 20 })).toBe(lines('FROM alpine', 'CMD ["node", \\', '    "server.js"]'));
  });

  it('leaves at most one blank line in a row and none at the start or end', () => {
    expect(fmt('\n\nFROM alpine\n\n\n\nRUN true\n\n\n')).toBe(lines('FROM alpine', '', 'RUN true'));
  });

  it('puts exactly one blank line before each FROM after the first, above its comments', () => {
    expect(fmt(lines('FROM golang AS build', 'RUN go build', '# the runtime image', 'FROM alpine', 'COPY --from=build /app /app', '', '', '', 'FROM scratch'))).toBe(
      lines('FROM golang AS build', 'RUN go build', '', '# the runtime image', 'FROM alpine', 'COPY --from=build /app /app', '', 'FROM scratch'),
    );
  });

  it('keeps a single blank line between ARGs and the first FROM as it is', () => {
    expect(fmt(lines('ARG BASE=alpine', 'FROM $BASE'))).toBe(lines('ARG BASE=alpine', 'FROM $BASE'));
    expect(fmt(lines('ARG BASE=alpine', '', '', 'FROM $BASE'))).toBe(lines('ARG BASE=alpine', '', 'FROM $BASE'));
  });

  it('removes trailing blanks, including after a continuation escape', () => {
    expect(fmt('FROM alpine   \nRUN apk add \\   \n    curl  \n# note  \n')).toBe(lines('FROM alpine', 'RUN apk add \\', '    curl', '# note'));
  });

  it('adds the final newline', () => {
    expect(fmt('FROM alpine\nRUN true')).toBe(lines('FROM alpine', 'RUN true'));
  });

  it('returns an empty file for blank input', () => {
    expect(fmt('')).toBe('');
    expect(fmt('  \n\n\t\n')).toBe('');
  });

  it('moves && and || to the position most breaks in the file use', () => {
    const input = lines('FROM alpine', 'RUN a && \\', '    b', 'RUN c \\', '    && d \\', '    || e');
    expect(fmt(input)).toBe(lines('FROM alpine', 'RUN a \\', '    && b', 'RUN c \\', '    && d \\', '    || e'));
    const atEnd = lines('FROM alpine', 'RUN a && \\', '    b && \\', '    c', 'RUN d \\', '    && e');
    expect(fmt(atEnd)).toBe(lines('FROM alpine', 'RUN a && \\', '    b && \\', '    c', 'RUN d && \\', '    e'));
  });

  it('leaves operators alone on a tie, with operatorPosition "preserve", and on lone-operator lines', () => {
    const tie = lines('FROM alpine', 'RUN a && \\', '    b', 'RUN c \\', '    && d');
    expect(fmt(tie)).toBe(tie);
    const mostlyStart = lines('FROM alpine', 'RUN a && \\', '    b \\', '    && c \\', '    && d');
    expect(fmt(mostlyStart, { operatorPosition: 'preserve' })).toBe(mostlyStart);
    expect(fmt(tie, { operatorPosition: 'end' })).toBe(lines('FROM alpine', 'RUN a && \\', '    b', 'RUN c && \\', '    d'));
    const lone = lines('FROM debian', 'RUN apt-get install -y \\', '        curl \\', '    ; \\', '    rm -rf /var/lib/apt/lists/*');
    expect(fmt(lone)).toBe(lone);
  });

  it('never moves ;; or operators inside quotes', () => {
    const input = lines('FROM alpine', 'RUN case "$x" in a) echo a;; \\', '    *) echo b;; esac', 'RUN echo "a && \\', '  b" \\', '    && c');
    expect(fmt(input)).toBe(input);
  });
});

describe('format: what it must not change (build semantics)', () => {
  it('does not re-indent a continuation line inside a quoted string', () => {
    const input = lines('FROM alpine', 'RUN echo "first line \\', '  still the same string" \\', '  && echo next');
    expect(fmt(input)).toBe(lines('FROM alpine', 'RUN echo "first line \\', '  still the same string" \\', '    && echo next'));
    const single = lines('FROM alpine', "RUN sh -c 'a \\", "\t\tb'");
    expect(fmt(single)).toBe(single);
    const label = lines('FROM alpine', 'LABEL description="a long \\', '      text" \\', '      version=1');
    expect(fmt(label)).toBe(lines('FROM alpine', 'LABEL description="a long \\', '      text" \\', '    version=1'));
  });

  it('does not split a word joined across a continuation', () => {
    const input = lines('FROM alpine', 'RUN echo foo\\', 'bar');
    expect(fmt(input)).toBe(input);
  });

  it('keeps ENV key value (legacy form) exactly, blanks included', () => {
    const input = lines('FROM alpine', 'ENV OLD style value', 'ENV PATH_LIST /a  /b \\', '     /c');
    expect(fmt(input)).toBe(input);
    expect(fmt(lines('FROM alpine', 'env OLD style value'))).toBe(lines('FROM alpine', 'ENV OLD style value'));
  });

  it('keeps WORKDIR/USER text after the keyword as written', () => {
    const input = lines('FROM alpine', 'WORKDIR /path with \\', '   spaces');
    expect(fmt(input)).toBe(input);
  });

  it('keeps an unknown instruction byte for byte', () => {
    const input = lines('FROM alpine', 'foo   bar  ', 'FOO bar');
    expect(fmt(input)).toBe(input);
  });

  it('keeps both heredocs of RUN <<A … <<B, bodies untouched', () => {
    const input = lines('FROM alpine', 'run <<A cat && <<B cat', 'a body  ', '   indented', 'A', 'b body\t', 'B');
    expect(fmt(input)).toBe(lines('FROM alpine', 'RUN <<A cat && <<B cat', 'a body  ', '   indented', 'A', 'b body\t', 'B'));
  });

  it('keeps heredoc bodies that look like instructions, blank lines and <<- tabs', () => {
    const input = lines('FROM alpine', 'COPY <<-EOF /etc/motd', '\tfrom inside', '', '', '\trun  not an instruction  ', '\tEOF', 'RUN true');
    expect(fmt(input)).toBe(input);
  });

  it('keeps RUN apk add curl \\ + empty line + bash as one instruction (the empty line goes)', () => {
    expect(fmt(lines('FROM alpine', 'RUN apk add curl \\', '', '    bash'))).toBe(lines('FROM alpine', 'RUN apk add curl \\', '    bash'));
  });

  it('keeps comment lines inside a continuation as they are', () => {
    const input = lines('FROM alpine', 'RUN apk add \\', '  # the shell', '  bash \\', '      # the client', '  curl');
    expect(fmt(input)).toBe(lines('FROM alpine', 'RUN apk add \\', '  # the shell', '    bash \\', '      # the client', '    curl'));
  });

  it('keeps a shell comment running into continuation lines as it is', () => {
    const input = lines('FROM alpine', 'RUN make # build \\', '  everything');
    expect(fmt(input)).toBe(input);
  });

  it('keeps the tail of a line whose last word continues on the next line', () => {
    const input = lines('FROM alpine', 'HEALTHCHECK --inte\\  ', 'rval=3s CMD true');
    expect(fmt(input)).toBe(input);
  });

  it('does not add a final newline after a continuation escape at the very end', () => {
    expect(fmt('FROM alpine\nRUN echo hi \\')).toBe('FROM alpine\nRUN echo hi \\');
  });

  it('leaves text after an exec-form array (which BuildKit ignores) and its lines alone', () => {
    const input = lines('FROM alpine', 'CMD ["a"] trailing \\', '  text');
    expect(fmt(input)).toBe(input);
  });

  it('moves operators only between lines that hold code besides them', () => {
    const input = lines('FROM alpine', 'RUN a \\', '    \\', '    && b \\', '    && c', 'RUN d && \\', '    && \\', '    e');
    expect(fmt(input, { operatorPosition: 'end' })).toBe(lines('FROM alpine', 'RUN a \\', '    \\', '    && b && \\', '    c', 'RUN d && \\', '    && \\', '    e'));
  });

  it('keeps CMD in single quotes (shell form, not JSON) as it is', () => {
    const input = lines('FROM alpine', "CMD ['echo', 'hi']");
    expect(fmt(input)).toBe(input);
  });

  it('keeps ${…} text inside an assignment when it crosses a continuation', () => {
    const input = lines('FROM alpine', 'RUN x=${y:-a \\', '   b} && echo "$x"');
    expect(fmt(input)).toBe(input);
  });

  it('does not remove the blank line that keeps a comment from becoming a parser directive', () => {
    expect(fmt(lines('', '# syntax=docker/dockerfile:1', 'FROM alpine'))).toBe(lines('', '# syntax=docker/dockerfile:1', 'FROM alpine'));
    expect(fmt(lines('# syntax=docker/dockerfile:1', '', '', '# escape=`', 'FROM alpine'))).toBe(lines('# syntax=docker/dockerfile:1', '', '# escape=`', 'FROM alpine'));
  });

  it('leaves continuations under a non-POSIX shell (SHELL powershell, Windows images) alone', () => {
    const input = lines('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN echo "a \\', '  b" & \\', '  dir');
    expect(fmt(input)).toBe(input);
    const powershell = lines('FROM alpine', 'SHELL ["pwsh", "-Command"]', 'RUN Write-Host hi; \\', '  Write-Host there');
    expect(fmt(powershell)).toBe(powershell);
  });
});

describe('format: what it keeps from the file', () => {
  it('keeps CRLF line endings (endOfLine auto), or converts them when asked', () => {
    const crlf = 'from alpine\r\nrun apk add \\\r\n  curl\r\n';
    expect(fmt(crlf)).toBe('FROM alpine\r\nRUN apk add \\\r\n    curl\r\n');
    expect(fmt(crlf, { endOfLine: 'lf' })).toBe('FROM alpine\nRUN apk add \\\n    curl\n');
    expect(fmt('FROM alpine\nRUN true\n', { endOfLine: 'crlf' })).toBe('FROM alpine\r\nRUN true\r\n');
  });

  it('uses the line break most of the file uses when it mixes them (endOfLine auto)', () => {
    expect(fmt('FROM alpine\r\nRUN a\nRUN b\r\n')).toBe('FROM alpine\r\nRUN a\r\nRUN b\r\n');
  });

  it('keeps the line breaks inside heredoc bodies even when converting the rest', () => {
    const text = 'FROM alpine\r\nCOPY <<EOF /x\r\nbody\r\nEOF\r\n';
    expect(fmt(text, { endOfLine: 'lf' })).toBe('FROM alpine\nCOPY <<EOF /x\nbody\r\nEOF\n');
  });

  it('keeps the BOM', () => {
    expect(fmt('\uFEFFfrom alpine\n')).toBe('\uFEFFFROM alpine\n');
  });

  it('keeps the backtick escape character and its continuations', () => {
    const text = lines('# escape=`', 'FROM mcr.microsoft.com/windows/nanoserver', 'env A=1 `', '      B=2', 'RUN dir C:\\ `', '  && echo done');
    expect(fmt(text)).toBe(lines('# escape=`', 'FROM mcr.microsoft.com/windows/nanoserver', 'ENV A=1 `', '    B=2', 'RUN dir C:\\ `', '  && echo done'));
  });

  it('keeps comments exactly (apart from trailing blanks)', () => {
    const text = lines('#no space', '   # indented comment', 'FROM alpine', '#   RUN old stuff');
    expect(fmt(text)).toBe(text);
  });
});

describe('format: input it refuses, without throwing', () => {
  it('formats a comments-only file', () => {
    expect(fmt('# only a comment   \n# and another')).toBe(lines('# only a comment', '# and another'));
  });

  it.each([
    ['an unterminated heredoc', lines('FROM alpine', 'RUN <<EOF', 'echo never ends')],
    ['a JSON array of non-strings (BuildKit rejects it)', lines('FROM alpine', 'CMD ["a", 1]')],
    ['a repeated parser directive', lines('# escape=`', '# escape=\\', 'FROM alpine')],
    ['an invalid escape directive', lines('# escape=x', 'FROM alpine')],
    ['bare CR line breaks', 'from alpine\rrun true\r'],
    ['an escaped escape before the line break (parsers disagree)', lines('from alpine', 'run echo \\\\', 'true')],
    ['a heredoc with a file descriptor (dockerfile-ast misreads it)', lines('from alpine', 'run cat 5<<EOF', 'from x', 'EOF')],
    ['an instruction indented with a no-break space (only BuildKit trims it)', lines('from alpine', '\u00a0run true')],
  ])('returns %s unchanged with a reason', (_name, text) => {
    const result = format(text);
    expect(result.output).toBe(text);
    expect(result.changed).toBe(false);
    expect(result.error).toMatch(/\w/);
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(format(undefined as unknown as string).changed).toBe(false);
    expect(format(42 as unknown as string).output).toBe('42');
  });

  it('falls back to defaults for nonsense options', () => {
    const options = { tabWidth: -3, printWidth: Number.NaN, endOfLine: 'cr', operatorPosition: 'sideways' } as unknown as FormatOptions;
    expect(fmt(lines('FROM alpine', 'RUN a \\', ' b'), options)).toBe(lines('FROM alpine', 'RUN a \\', '    b'));
  });
});
