import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import mergeRun from '../src/layers/merge-run.js';

const linter = createLinter({ rules: [mergeRun] });
/** The safety tables look at every pair, whatever its size. */
const everyPair = { rules: { 'merge-run': ['info', { maxCommands: 0 }] } } as const;

/** What merge-run offers for `RUN a` followed by `RUN b`: the fix safety, or `none` when it only reports. */
function verdict(first: string, second: string, from = 'FROM alpine:3.20'): string {
  const text = `${from}\nRUN ${first}\nRUN ${second}\n`;
  const result = linter.lint(text, { config: everyPair });
  expect(result.fatal).toBe(false);
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]?.fix?.safety ?? 'none';
}

describe('merge-run safety', () => {
  it.each([
    ['plain commands', 'apk add curl', 'curl --version', 'safe'],
    ['cd carries the directory', 'cd /src', 'make', 'unsafe'],
    ['cd inside a subshell does not', '(cd /src && make)', 'make install', 'safe'],
    ['cd inside $( ) does not', 'echo "$(cd /etc && pwd)"', 'ls', 'safe'],
    ['pushd', 'pushd /src', 'make', 'unsafe'],
    ['export', 'export PATH=/opt/bin:$PATH', 'tool', 'unsafe'],
    ['unset', 'unset HTTP_PROXY', 'curl example.com', 'unsafe'],
    ['declare', 'declare -x A=1', 'env', 'unsafe'],
    ['assignment only', 'VERSION=1.2', 'echo $VERSION', 'unsafe'],
    ['prefix assignment is scoped to its command', 'DEBIAN_FRONTEND=noninteractive apt-get update', 'ls', 'safe'],
    ['set -e carries errexit', 'set -e', 'false; true', 'unsafe'],
    ['set -eux', 'set -eux; apk add curl', 'ls', 'unsafe'],
    ['set -o pipefail', 'set -o pipefail && curl x | sh', 'ls', 'unsafe'],
    ['set -x only traces', 'set -x && ls', 'ls', 'safe'],
    ['set +x only traces', 'set +x; ls', 'ls', 'safe'],
    ['options the second RUN sets again first', 'set -eux; apk add curl', 'set -eux; curl --version', 'safe'],
    ['a superset is fine too', 'set -e; apk add curl', 'set -eux && ls', 'safe'],
    ['an option the second RUN does not set', 'set -eux; apk add curl', 'set -ex; ls', 'unsafe'],
    ['-o pipefail set again', 'set -o pipefail; curl x | sh', 'set -eo pipefail; ls', 'safe'],
    ['-o pipefail not set again', 'set -o pipefail; curl x | sh', 'set -e; ls', 'unsafe'],
    ['turning an option off', 'set +e; ls', 'set -e; ls', 'unsafe'],
    ['set -- changes positional parameters', 'set -- a b', 'set -e; echo $1', 'unsafe'],
    ['a later set in the second RUN does not count', 'set -e; ls', 'ls; set -e', 'unsafe'],
    ['source', 'source /etc/profile', 'ls', 'unsafe'],
    ['dot', '. /etc/os-release', 'echo $ID', 'unsafe'],
    ['umask', 'umask 077', 'touch /x', 'unsafe'],
    ['ulimit', 'ulimit -n 1024', 'ls', 'unsafe'],
    ['trap', "trap 'rm -f /tmp/x' EXIT", 'ls', 'unsafe'],
    ['exit skips the rest', 'test -f /x || exit 0', 'ls', 'unsafe'],
    ['exec replaces the shell', 'exec 3>/tmp/log', 'ls', 'unsafe'],
    ['alias', "alias ll='ls -l'", 'll', 'unsafe'],
    ['shopt', 'shopt -s globstar', 'ls **', 'unsafe'],
    ['eval', 'eval "$(ssh-agent)"', 'ls', 'unsafe'],
    ['read sets a variable', 'read -r V < /etc/hostname', 'echo $V', 'unsafe'],
    ['builtin cd', 'builtin cd /tmp', 'ls', 'unsafe'],
    ['function definition', 'f() { echo hi; }', 'f', 'unsafe'],
    ['for loop variable', 'for f in a b; do touch $f; done', 'echo $f', 'unsafe'],
    ['${VAR:=default}', ': "${PREFIX:=/usr}"', 'echo $PREFIX', 'unsafe'],
    ['background job', 'sleep 5 & echo started', 'ls', 'unsafe'],
    ['dynamic command name', '$INSTALLER --quiet', 'ls', 'unsafe'],
    ['dynamic path is a program', '/tmp/install-${VERSION}.sh', 'ls', 'safe'],
    ['state in the second RUN cannot leak backwards', 'apk add curl', 'cd /src && export A=1 && ls', 'safe'],
    ['`||` in the first RUN is left-associative', 'ping -c1 x || true', 'ls', 'safe'],
    ['trailing `;` of the first RUN', 'mkdir /a; touch /a/b;', 'ls /a', 'safe'],
    ['`find -exec … \\;` is not a terminator', 'find / -name x -exec rm {} \\;', 'ls', 'safe'],
  ])('%s', (_name, first, second, expected) => {
    expect(verdict(first, second)).toBe(expected);
  });

  it.each([
    ['shell comment at the end of the first RUN', 'echo one # note', 'echo two'],
    ['trailing & in the first RUN', 'sleep 5 &', 'ls'],
    ['trailing & in the second RUN', 'ls', 'sleep 5 &'],
    ['the first RUN does not parse', 'if then fi', 'ls'],
    ['exec form', '["echo", "one"]', 'echo two'],
    ['exec form second', 'echo one', '["echo", "two"]'],
    ['a grouped second RUN ending in a comment', 'ls', 'a || b # note'],
  ])('no fix: %s', (_name, first, second) => {
    expect(verdict(first, second)).toBe('none');
  });

  it('no fix for heredocs', () => {
    expect(verdict('<<EOF\necho one\nEOF', 'echo two')).toBe('none');
  });

  it('same flags in a different order still merge', () => {
    expect(verdict('--network=none --mount=type=cache,target=/c make', '--mount=type=cache,target=/c --network=none make test')).toBe('safe');
  });

  it('no fix for a non-POSIX shell', () => {
    expect(verdict('dir', 'dir', 'FROM alpine:3.20\nSHELL ["pwsh", "-Command"]')).toBe('none');
  });

  it.each([
    ['one command', 'make', 'mkdir /a && \\\n    make'],
    ['an && chain', 'make && make install', 'mkdir /a && \\\n    make && make install'],
    ['a pipeline', 'curl x | sh', 'mkdir /a && \\\n    curl x | sh'],
    ['several statements', 'a; b', 'mkdir /a && \\\n    { a; b; }'],
    ['several statements ending in ;', 'a; b;', 'mkdir /a && \\\n    { a; b; }'],
    ['a top-level ||', 'a || true', 'mkdir /a && \\\n    { a || true; }'],
    ['|| hidden by a redirection', 'a || b > /dev/null', 'mkdir /a && \\\n    { a || b > /dev/null; }'],
  ])('joins a second RUN with %s so that a failing first RUN still fails', (_name, second, expected) => {
    const fixed = linter.fix(`FROM alpine:3.20\nRUN mkdir /a\nRUN ${second}\n`);
    expect(fixed.output).toBe(`FROM alpine:3.20\nRUN ${expected}\n`);
  });

  it('reports each RUN that follows a RUN, on its keyword', () => {
    const result = linter.lint('FROM alpine:3.20\nRUN a\nRUN b\n\nRUN c\nWORKDIR /x\nRUN d\n');
    expect(result.diagnostics.map((d) => `${d.line}:${d.column}-${d.endColumn}`)).toEqual(['3:1-4', '5:1-4']);
  });

  it('is silenced by the DL3059 alias', () => {
    const result = linter.lint('FROM alpine:3.20\nRUN a\n# hadolint ignore=DL3059\nRUN b\n');
    expect(result.diagnostics).toEqual([]);
  });
});

describe('merge-run reporting, like hadolint DL3059', () => {
  const reported = (text: string, config = {}) => linter.lint(text, { config }).diagnostics.length;

  it('stays quiet when the flags differ', () => {
    expect(reported('FROM alpine:3.20\nRUN --network=none make\nRUN make install\n')).toBe(0);
  });

  it('stays quiet when the merged RUN would have more than maxCommands steps', () => {
    const text = 'FROM alpine:3.20\nRUN set -eux; apk add curl; curl --version; ls /; ls /tmp\nRUN ls\n';
    expect(reported(text)).toBe(0);
    expect(reported(text, { rules: { 'merge-run': ['info', { maxCommands: 4 }] } })).toBe(0);
    expect(reported(text, { rules: { 'merge-run': ['info', { maxCommands: 5 }] } })).toBe(1);
    expect(reported(text, everyPair)).toBe(1);
  });

  it('does not count index refreshes and cleanups as steps', () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN curl --version\n';
    expect(reported(text, { rules: { 'merge-run': ['info', { maxCommands: 2 }] } })).toBe(1);
  });

  it('a merge chain stops at maxCommands steps', () => {
    const fixed = linter.fix('FROM alpine:3.20\nRUN a\nRUN b\nRUN c\nRUN d\nRUN e\nRUN f\n');
    expect(fixed.output).toBe('FROM alpine:3.20\nRUN a && \\\n    b && \\\n    c && \\\n    d\nRUN e && \\\n    f\n');
  });

  it('stays quiet across a comment line, which marks a group (as DL3059 does)', () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl\n# then\nRUN curl --version && ls\n';
    expect(reported(text)).toBe(0);
    const across = { rules: { 'merge-run': ['info', { mergeAcrossComments: true }] } } as const;
    expect(reported(text, across)).toBe(1);
    expect(linter.fix(text, { config: across }).output).toBe('FROM alpine:3.20\n# then\nRUN apk add curl && \\\n    curl --version && ls\n');
  });

  it.each([
    ['rm and ln of /bin/sh (W1)', 'FROM debian:bookworm-slim\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\nRUN source /etc/profile'],
    ['ln -sf over /bin/sh', 'FROM debian:bookworm-slim\nRUN ln -sf bash /bin/sh\nRUN source /etc/profile'],
    ['dpkg-reconfigure dash', 'FROM debian:bookworm-slim\nRUN dpkg-reconfigure -f noninteractive dash\nRUN ls'],
    ['a write to /bin/sh', "FROM debian:bookworm-slim\nRUN printf '#!/bin/bash\\nexec bash \"$@\"' > /bin/sh\nRUN ls"],
    ['update-alternatives for sh', 'FROM debian:bookworm-slim\nRUN update-alternatives --install /bin/sh sh /bin/bash 100\nRUN ls'],
    ['packages, then the build', 'FROM golang:1.26\nRUN apt-get install -y --no-install-recommends libpcap-dev\nRUN go build ./...'],
    ['npm ci, then npm run build', 'FROM node:22\nRUN npm ci\nRUN npm run build'],
    ['exec form without a shell', 'FROM scratch\nRUN ["/app", "migrate"]\nRUN ["/app", "seed"]'],
    ['exec form on distroless', 'FROM gcr.io/distroless/static-debian12\nRUN ["/app", "migrate"]\nRUN ["/app", "seed"]'],
    ['Windows setx', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN setx /M PATH "%PATH%;C:\\tools"\nRUN tool.exe'],
  ])('keeps apart: %s', (_name, text) => {
    expect(reported(`${text}\n`)).toBe(0);
  });
});
