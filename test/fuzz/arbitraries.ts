// fast-check arbitraries for hostile Dockerfiles: generated files that use every instruction and
// flag, heredocs (`<<-`, several on one line), the backtick escape, every line-ending style, a BOM,
// Unicode, very long lines and deep shell nesting; and mutations of real files from the corpus.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { corpusRoot, listCorpusFiles } from '../helpers/paths.js';

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const varName = fc.constantFrom('A', 'B', 'HOME', 'PATH', 'NODE_ENV', 'X_1', 'http_proxy', 'ÜBER');
const image = fc.constantFrom(
  'alpine',
  'alpine:3.20',
  'node:20',
  'node:20-alpine',
  'python:3.12-slim',
  'ubuntu:22.04',
  'debian:bookworm',
  'golang:1.22 ',
  'maven:3-eclipse-temurin-21',
  'eclipse-temurin:21-jre',
  'registry.example.com:5000/team/app:1.0@sha256:' + 'a'.repeat(64),
  'scratch',
  '${BASE}',
  '$BASE:${TAG:-latest}',
  'nginx@sha256:' + 'b'.repeat(64),
);

/** Unicode a Dockerfile may carry in arguments, labels and comments (combining marks, astral, RTL, zero-width). */
const unicode = fc.constantFrom('é', 'ß', '漢字', '🐳', '\u200b', '\u00a0', 'e\u0301', 'עברית', '\u2028', '\ud83d\ude00', 'Ω≈ç√');

/** A `${…}` expansion, nested to `depth` through `:-`, `:+`, `-`, `=`, `?` and the BuildKit pattern forms. */
function expansion(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(varName.map((v) => `$${v}`), varName.map((v) => `\${${v}}`), fc.constant('plain'));
  if (depth <= 0) return leaf;
  return fc.oneof(
    leaf,
    fc
      .tuple(varName, fc.constantFrom(':-', ':+', '-', '+', ':=', ':?', '#', '%', '##', '%%', '/'), expansion(depth - 1))
      .map(([v, op, inner]) => `\${${v}${op}${inner}}`),
  );
}

/** A `${A:-${B:-${C:-…}}}` chain exactly `depth` deep. */
const expansionChain = fc.integer({ min: 1, max: 60 }).map((depth) => {
  let text = 'end';
  for (let i = 0; i < depth; i++) text = `\${V${i}:-${text}}`;
  return text;
});

/** `$( $( … ))` (or backquotes, or arithmetic) nested `depth` deep. */
const substitutionChain = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('$(', '`', '$((', '"$(')).map(([depth, open]) => {
  const close: Record<string, string> = { '$(': ')', '`': '`', '$((': '))', '"$(': ')"' };
  let text = open === '$((' ? '1' : 'echo x';
  for (let i = 0; i < depth; i++) text = open === '`' ? `echo \`${text}\`` : `${open === '$((' ? '' : 'echo '}${open}${text}${close[open]}`;
  return text;
});

const shellCommand = fc.oneof(
  fc.constantFrom(
    'apt-get update',
    'apt-get install curl',
    'apt-get install -y --no-install-recommends ca-certificates git',
    'apt-get -y upgrade',
    'rm -rf /var/lib/apt/lists/*',
    'apk add curl',
    'apk add --no-cache --virtual .deps gcc',
    'apk update',
    'npm install',
    'npm install --only=production',
    'npm ci --omit=dev',
    'npm cache clean --force',
    'yarn install',
    'pip install flask',
    'pip3 install --no-cache-dir -r requirements.txt',
    'yum install -y httpd && yum clean all',
    'dnf install nginx',
    'zypper install -y vim',
    'curl -fsSL https://example.com/install.sh | sh',
    'wget -qO- https://example.com/x | bash',
    'cd /app',
    'cd /tmp && make && make install',
    'export PATH=/opt/bin:$PATH',
    'echo "hello world"',
    "echo 'single $quoted'",
    'sudo make install',
    'useradd -m app',
    'chmod 777 /app',
    'go build -o /out ./...',
    'mvn -B package -DskipTests',
    'java -Xmx512m -jar app.jar',
    'set -eux',
    'true',
    ':',
    'exit 0',
    'if [ -f x ]; then echo y; fi',
    'for f in a b c; do echo $f; done',
    'case $x in a) echo a;; *) echo b;; esac',
    'f() { echo inner; }; f',
    '{ echo grouped; }',
    '(cd sub && ls)',
    'echo $((1 + 2 * 3))',
    'cat <<EOF > /etc/x\ninside\nEOF',
    'echo unterminated "quote',
    "echo 'unterminated",
    'echo $(',
    'echo ${',
    '[[ -n $A ]] && echo ok',
    'ls | wc -l',
    'cmd 2>&1 >/dev/null',
  ),
  expansion(3).map((e) => `echo ${e}`),
  expansionChain.map((e) => `echo ${e}`),
  substitutionChain,
  unicode.map((u) => `echo ${u}`),
);

/** A RUN/CMD shell body: commands joined with operators, sometimes across continuation lines. */
const shellBody = fc
  .tuple(fc.array(shellCommand, { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom(' && ', ' || ', '; ', ' | ', ' && \\\n    ', ' \\\n  && ', ' ; \\\n', ' & '), { minLength: 4, maxLength: 4 }))
  .map(([commands, operators]) => commands.map((command, i) => (i === 0 ? command : `${operators[(i - 1) % 4]}${command}`)).join(''));

const jsonArray = fc.oneof(
  fc.array(fc.oneof(word, fc.constantFrom('/bin/sh', '-c', 'echo "q"', 'a\\b', '$HOME', 'ü')), { minLength: 0, maxLength: 4 }).map((items) => JSON.stringify(items)),
  fc.constantFrom('["unterminated', '[ "a", ]', "['single']", '["a" "b"]', '[]', '[  "spaced" ,"x"  ]', '["a\\u0041"]'),
);

const mountFlag = fc.constantFrom(
  '--mount=type=cache,target=/var/cache/apt,sharing=locked',
  '--mount=type=cache,target=/root/.npm',
  '--mount=type=secret,id=token',
  '--mount=type=bind,source=.,target=/src',
  '--mount=type=ssh',
  '--mount=type=tmpfs,target=/tmp',
);
const runFlags = fc.subarray(['--network=none', '--network=host', '--security=insecure', '--security=sandbox'], { maxLength: 2 });
const copyFlags = fc.subarray(['--from=build', '--from=0', '--chown=app:app', '--chown=1000', '--chmod=755', '--link', '--link=false', '--parents', '--exclude=*.md', '--unknown-flag=x'], { maxLength: 3 });
const healthFlags = fc.subarray(['--interval=30s', '--timeout=3s', '--start-period=5s', '--start-interval=1s', '--retries=3'], { maxLength: 3 });

/** A heredoc body: a few lines, sometimes tab-indented for `<<-`, sometimes with a lookalike of the terminator. */
const heredocLines = fc.array(fc.oneof(shellCommand.map((c) => c.replace(/\n/g, ' ')), fc.constantFrom('', '\tindented', 'EOFX', ' EOF', '$VAR ${B}', '\\')), { minLength: 0, maxLength: 4 });

/** One or more heredocs: the instruction line (`RUN <<A <<-"B" …`) and the bodies that follow it. */
const heredocs = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('EOF', 'END', 'A', 'B_2', 'SCRIPT'), fc.constantFrom('<<', '<<-'), fc.constantFrom('', '"', "'"), heredocLines), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.boolean(),
  )
  .map(([docs, unterminated]) => {
    const markers = docs.map(([name, op, quote], i) => `${op}${quote}${name}${i}${quote}`);
    const bodies = docs.map(([name, op, , lines], i) => {
      const body = lines.map((line) => (op === '<<-' ? `\t${line}` : line)).join('\n');
      const end = op === '<<-' ? `\t${name}${i}` : `${name}${i}`;
      return unterminated && i === docs.length - 1 ? body : `${body}${body ? '\n' : ''}${end}`;
    });
    return { markers, bodies };
  });

const keyValue = fc.tuple(fc.oneof(varName, word), fc.oneof(word, expansion(2), fc.constantFrom('"quoted value"', "'x y'", '', 'a\\ b', '"unterminated')));

/** One instruction, keyword in any case, with flags and arguments drawn from what BuildKit accepts (and a little it does not). */
const instruction: fc.Arbitrary<string> = fc.letrec<{ instruction: string }>((tie) => ({
  instruction: fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.option(fc.constantFrom('--platform=linux/amd64', '--platform=$BUILDPLATFORM'), { nil: undefined }), image, fc.option(word, { nil: undefined })).map(([platform, img, as]) => `FROM ${platform ? `${platform} ` : ''}${img}${as ? ` AS ${as}` : ''}`) },
    { weight: 6, arbitrary: fc.tuple(fc.array(mountFlag, { maxLength: 2 }), runFlags, shellBody).map(([mounts, flags, body]) => `RUN ${[...mounts, ...flags, body].join(' ')}`) },
    { weight: 1, arbitrary: jsonArray.map((array) => `RUN ${array}`) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom('RUN', 'COPY', 'ADD'), heredocs, fc.constantFrom('', ' /dest', ' /a /b', ' && echo done', ' | sh')).map(([keyword, { markers, bodies }, tail]) =>
        keyword === 'RUN' ? `RUN ${markers.join(' ')}${tail}\n${bodies.join('\n')}` : `${keyword} ${markers.map((marker, i) => `${marker} /file${i}`).join(' ')}\n${bodies.join('\n')}`,
      ),
    },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT'), fc.oneof(jsonArray, shellBody)).map(([k, a]) => `${k} ${a}`) },
    { weight: 2, arbitrary: fc.tuple(copyFlags, fc.array(fc.constantFrom('.', './', 'package.json', 'src/', '*.txt', '"with space"', '${SRC}', 'https://example.com/x.tgz'), { minLength: 1, maxLength: 3 }), fc.constantFrom('.', '/app/', '/app', 'dest', '$DEST')).map(([f, s, d]) => `COPY ${[...f, ...s, d].join(' ')}`) },
    { weight: 1, arbitrary: fc.tuple(fc.subarray(['--checksum=sha256:' + 'c'.repeat(64), '--keep-git-dir=true', '--chown=1:1', '--link', '--unpack=true']), fc.constantFrom('https://example.com/a.tar.gz', 'app.tar.gz', 'git@github.com:moby/buildkit.git#v0.10.1', '.')).map(([f, s]) => `ADD ${[...f, s, '/opt/'].join(' ')}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('ENV', 'LABEL', 'ARG'), fc.array(keyValue, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([k, pairs, legacy]) => (legacy && k === 'ENV' ? `ENV ${pairs[0]?.[0]} ${pairs[0]?.[1]} more words` : `${k} ${pairs.map(([a, b]) => (k === 'ARG' && b === '' ? a : `${a}=${b}`)).join(' ')}`)) },
    { weight: 1, arbitrary: fc.constantFrom('EXPOSE 80', 'EXPOSE 80/tcp 443/udp', 'EXPOSE $PORT', 'EXPOSE 70000', 'EXPOSE 1-100') },
    { weight: 1, arbitrary: fc.constantFrom('USER root', 'USER app', 'USER 1000:1000', 'USER $U', 'WORKDIR /app', 'WORKDIR app', 'WORKDIR $HOME/x', 'VOLUME /data', 'VOLUME ["/a", "/b"]', 'STOPSIGNAL SIGTERM', 'STOPSIGNAL 9', 'MAINTAINER someone <a@b.c>', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'SHELL ["pwsh", "-Command"]', 'SHELL /bin/sh') },
    { weight: 1, arbitrary: fc.tuple(healthFlags, fc.oneof(fc.constant('NONE'), jsonArray.map((a) => `CMD ${a}`), shellBody.map((b) => `CMD ${b}`))).map(([f, c]) => `HEALTHCHECK ${[...f, c].join(' ')}`) },
    { weight: 1, arbitrary: tie('instruction').map((inner) => `ONBUILD ${inner.split('\n')[0]}`) },
  ),
})).instruction;

/** Instructions BuildKit rejects or that sit on the edge of what it accepts; a few files get one. */
const brokenInstruction = fc.constantFrom('FROM', 'RUN', 'COPY', 'RUNN echo', 'CMD', 'FROM alpine AS', 'ENV', 'ARG', 'LABEL a', 'ONBUILD', 'ONBUILD FROM x', 'ONBUILD ONBUILD RUN x', 'HEALTHCHECK', 'EXPOSE', 'ONBUILD MAINTAINER x');

const casing = fc.constantFrom<'upper' | 'lower' | 'mixed'>('upper', 'upper', 'upper', 'lower', 'mixed');

function applyCasing(line: string, mode: 'upper' | 'lower' | 'mixed'): string {
  if (mode === 'upper') return line;
  return line.replace(/^[A-Z]+/, (keyword) => (mode === 'lower' ? keyword.toLowerCase() : keyword[0] + keyword.slice(1).toLowerCase()));
}

const lineItem = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(instruction, casing, fc.constantFrom('', '', '', '  ', '\t')).map(([i, c, indent]) => indent + applyCasing(i, c)) },
  { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '#', '# hadolint ignore=DL3008,DL3015', '# dockfix-ignore-next-line', '   # indented comment', '# syntax=late/directive') },

  { weight: 1, arbitrary: unicode.map((u) => `LABEL description="${u}${u}"`) },
);

const directives = fc.subarray(['# syntax=docker/dockerfile:1', '# escape=`', '# check=skip=JSONArgsRecommended;error=true', '# escape=\\'], { maxLength: 2 });

/** `arbitrary`'s value once in `every` draws, undefined otherwise. */
function rarely<T>(every: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Joins lines with one ending style; `mixed` picks per line. Heredoc bodies inside an item get the same treatment. */
function join(lines: readonly string[], ending: LineEnding, picks: readonly number[]): string {
  const parts = lines.flatMap((line) => line.split('\n'));
  const endings = ['\n', '\r\n', '\r'];
  let text = '';
  parts.forEach((part, i) => {
    const eol = ending === 'lf' ? '\n' : ending === 'crlf' ? '\r\n' : ending === 'cr' ? '\r' : (endings[(picks[i % picks.length] ?? 0) % 3] as string);
    text += part + eol;
  });
  return text;
}

/** A generated Dockerfile: directives, instructions, optional BOM, one line-ending style (or a mix), and the chosen escape character. */
export const generatedDockerfile: fc.Arbitrary<string> = fc
  .tuple(
    directives,
    fc.array(lineItem, { minLength: 0, maxLength: 14 }),
    fc.constantFrom<LineEnding>('lf', 'lf', 'lf', 'crlf', 'cr', 'mixed'),
    fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.boolean(),
  )
  .chain((parts) =>
    fc
      .tuple(
        fc.tuple(fc.option(fc.constantFrom('ARG BASE=alpine:3.20', 'ARG TAG', 'ARG A=1 B'), { nil: undefined }), image, fc.option(word, { nil: undefined })),
        // About one file in twelve carries something BuildKit rejects, one in twenty a line of 1k–20k characters.
        rarely(12, fc.tuple(fc.nat(20), brokenInstruction)),
        rarely(20, fc.tuple(fc.nat(20), fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('a', 'x ', '-', '\\\\'))),
      )
      .map(([[arg, img, as], broken, long]) => {
        const [dirs, items, ...rest] = parts;
        const lines = [...(arg ? [arg] : []), `FROM ${img}${as ? ` AS ${as}` : ''}`, ...items];
        if (broken) lines.splice(broken[0] % (lines.length + 1), 0, broken[1]);
        if (long) lines.splice(1 + (long[0] % lines.length), 0, `RUN echo ${long[2].repeat(Math.ceil(long[1] / long[2].length))}`);
        return [dirs, lines, ...rest] as typeof parts;
      }),
  )
  .map(([dirs, items, ending, picks, bom, trailingNewline]) => {
    const backtick = dirs.includes('# escape=`') && dirs.indexOf('# escape=`') === 0;
    // With `# escape=\``, continuations are backticks: rewrite the generated ones so they stay continuations.
    const body = backtick ? items.map((item) => item.replace(/\\\n/g, '`\n')) : items;
    let text = join([...dirs, ...body], ending, picks);
    if (!trailingNewline) text = text.replace(/(\r\n|\r|\n)$/, '');
    return (bom ? '\uFEFF' : '') + text;
  });

let corpusCache: string[] | undefined;

/** The corpus files' texts, read once. */
export function corpusTexts(): readonly string[] {
  corpusCache ??= listCorpusFiles().map((file) => readFileSync(path.join(corpusRoot, file), 'utf8'));
  return corpusCache;
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'nul'; at: number }
  | { kind: 'insert'; at: number; text: string };

const noise = fc.constantFrom('\\', '\\\n', '`', '"', "'", '<<EOF\n', '<<-EOF\n', '\nEOF\n', '\r\n', '\r', '\n', '$(', '${', ')', '}', '[', ']', '#', '\uFEFF', '\t', 'FROM ', 'RUN ', '&& ');

// Weighted so that most mutants still get past the parser: a NUL always makes a file fatal, and a
// cut near the start mostly leaves comments.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.double({ min: 0.3, max: 1, noNaN: true }).map((at) => ({ kind: 'truncate' as const, at })) },
  { weight: 2, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(7)).map(([at, bit]) => ({ kind: 'flip' as const, at, bit })) },
  { weight: 3, arbitrary: fc.nat().map((line) => ({ kind: 'delete-line' as const, line })) },
  { weight: 3, arbitrary: fc.nat().map((line) => ({ kind: 'duplicate-line' as const, line })) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'nul' as const, at })) },
  { weight: 3, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), noise).map(([at, text]) => ({ kind: 'insert' as const, at, text })) },
);

const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Applies one mutation; byte flips work on the UTF-8 bytes and decode lossily, as an editor would show them. */
function mutate(text: string, m: Mutation): string {
  const offset = (fraction: number, length: number) => Math.min(length, Math.floor(fraction * (length + 1)));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, offset(m.at, text.length));
    case 'flip': {
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      const at = Math.min(bytes.length - 1, offset(m.at, bytes.length - 1));
      bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
      return lossyUtf8.decode(bytes);
    }
    case 'delete-line':
    case 'duplicate-line': {
      const lines = text.split(/(?<=\n)/);
      if (lines.length === 0) return text;
      const at = m.line % lines.length;
      if (m.kind === 'delete-line') lines.splice(at, 1);
      else lines.splice(at, 0, lines[at] as string);
      return lines.join('');
    }
    case 'nul': {
      const at = offset(m.at, text.length);
      return `${text.slice(0, at)}\0${text.slice(at)}`;
    }
    case 'insert': {
      const at = offset(m.at, text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

/** A corpus file with one to four mutations applied (truncation, byte flips, deleted or duplicated lines, NULs, noise). */
export const mutatedCorpusFile: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([index, mutations]) => {
    const texts = corpusTexts();
    return mutations.reduce(mutate, texts[index % texts.length] as string);
  });

/** Short strings of Dockerfile-ish tokens glued at random: the input no sensible file looks like. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof(noise, fc.constantFrom('FROM alpine', 'RUN', 'ONBUILD', 'COPY <<A /x', 'A', 'ENV a=b', '# escape=`', '`', ' ', 'CMD ["a"', 'HEALTHCHECK CMD'), unicode, fc.string({ maxLength: 4 })), { maxLength: 30 })
  .map((tokens) => tokens.join(''));

/** Every kind of input the fuzz properties run on, weighted towards files that get past the parser. */
export const anyDockerfile: fc.Arbitrary<string> = fc.oneof({ weight: 5, arbitrary: generatedDockerfile }, { weight: 4, arbitrary: mutatedCorpusFile }, { weight: 1, arbitrary: tokenSoup });
