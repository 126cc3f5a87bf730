import { buildModel, createLinter, Source } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import pipefail from '../src/shell/pipefail.js';

const linter = createLinter({ rules: [pipefail] });
const fixed = (text: string) => linter.fix(text, { unsafe: true }).output;

// The review of `fix --unsafe` on real files (docs/reviews/fix-review-unsafe.md) rejected a bash SHELL
// left open in published base images (mongo, postgres, php): it changed shell-form CMD and the shell of
// every child image. The fix now confines bash to the RUNs that need it.
describe('pipefail: the SHELL fix is confined to the RUNs that need it', () => {
  it('wraps a lone RUN and restores the default shell after it', () => {
    expect(fixed('FROM debian:bookworm-slim\nRUN curl -fsSL https://x | tar -xz\nCMD echo "$HOME"\n')).toBe(
      'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\nSHELL ["/bin/sh", "-c"]\nCMD echo "$HOME"\n',
    );
  });

  it('wraps consecutive RUNs once, starting at the first that needs it', () => {
    expect(fixed('FROM debian:12\nRUN mkdir /a\nRUN curl x | sh\nRUN ls\nRUN wget -O- y | tar -x\nRUN make\n')).toBe(
      'FROM debian:12\nRUN mkdir /a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | sh\nRUN ls\nRUN wget -O- y | tar -x\nSHELL ["/bin/sh", "-c"]\nRUN make\n',
    );
  });

  it('never lets a group span an instruction that uses the shell', () => {
    expect(fixed('FROM debian:12\nRUN curl x | sh\nHEALTHCHECK CMD curl -f localhost || exit 1\nRUN wget -O- y | tar -x\n')).toBe(
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | sh\nSHELL ["/bin/sh", "-c"]\nHEALTHCHECK CMD curl -f localhost || exit 1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O- y | tar -x\nSHELL ["/bin/sh", "-c"]\n',
    );
  });

  it('keeps line endings, indentation, continuation lines and a last line with no line break', () => {
    expect(fixed('FROM debian:12\r\n  RUN curl x | sh\r\n')).toBe('FROM debian:12\r\n  SHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\n  RUN curl x | sh\r\n  SHELL ["/bin/sh", "-c"]\r\n');
    expect(fixed('FROM debian:12\nRUN curl x | sh')).toBe('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | sh\nSHELL ["/bin/sh", "-c"]');
    expect(fixed('FROM debian:12\nRUN curl x \\\n  | sh \\\n  && ls\nCMD ["x"]\n')).toBe(
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x \\\n  | sh \\\n  && ls\nSHELL ["/bin/sh", "-c"]\nCMD ["x"]\n',
    );
  });

  it('the output is clean for pipefail and re-parses', () => {
    const output = fixed('FROM debian:12\nRUN curl x | sh\nRUN a | b\n');
    expect(linter.lint(output).diagnostics).toEqual([]);
    expect(buildModel(new Source(output)).syntaxProblems).toEqual([]);
  });

  it('still sets pipefail in the RUN itself on BusyBox ash, and on an existing SHELL', () => {
    expect(fixed('FROM alpine:3.20\nRUN wget -qO- x | tar -xz\n')).toBe('FROM alpine:3.20\nRUN set -o pipefail && wget -qO- x | tar -xz\n');
    expect(fixed('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN curl x | sh\n')).toBe('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | sh\n');
  });
});
