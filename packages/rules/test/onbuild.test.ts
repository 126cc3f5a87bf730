// An ONBUILD trigger runs after its stage's last instruction, in the build FROM this image: the rules
// read the stage's final state for it (USER, ENV, SHELL, apt config) and never join it with the stage.
import { describe, expect, it } from 'vitest';
import { ruleById, runRule } from './helpers.js';

const lint = (id: string, text: string) => runRule(ruleById(id), text).lint.diagnostics;

describe('a trigger sees the whole stage before it runs', () => {
  it('runs as the final USER of the stage (no-sudo offers its fix only as root)', () => {
    const asRoot = lint('no-sudo', 'FROM debian:12\nONBUILD RUN sudo make\n');
    expect(asRoot.map((d) => d.fix?.title)).toEqual(['Remove `sudo` (the RUN already runs as root)']);
    const asApp = lint('no-sudo', 'FROM debian:12\nONBUILD RUN sudo make\nUSER app\n');
    expect(asApp).toHaveLength(1);
    expect(asApp[0]?.fix).toBeUndefined();
    // An earlier `ONBUILD USER` switches the triggers after it.
    expect(lint('no-sudo', 'FROM debian:12\nONBUILD USER app\nONBUILD RUN sudo make\n')[0]?.fix).toBeUndefined();
  });

  it('sees ENV and config written after the ONBUILD line', () => {
    expect(lint('pip-no-cache-dir', 'FROM python:3.12\nONBUILD RUN pip install -r requirements.txt\nENV PIP_NO_CACHE_DIR=1\n')).toEqual([]);
    // A plain RUN before the ENV is still reported: it runs before the ENV is set.
    expect(lint('pip-no-cache-dir', 'FROM python:3.12\nRUN pip install -r requirements.txt\nENV PIP_NO_CACHE_DIR=1\n')).toHaveLength(1);
    const yes = 'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends curl\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\n';
    expect(lint('apt-get-yes', yes)).toEqual([]);
  });

  it('sees a SHELL set after the ONBUILD line (exec-form-cmd and pipefail)', () => {
    expect(lint('exec-form-cmd', 'FROM node:22\nONBUILD CMD node server.js\nSHELL ["/bin/bash", "-c"]\n')).toEqual([]);
    expect(lint('pipefail', 'FROM debian:12\nONBUILD RUN curl -fsSL https://x | sh\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n')).toEqual([]);
  });
});

describe('a trigger is not part of the stage', () => {
  it('is not merged with a RUN of the stage, nor the stage RUN with it', () => {
    expect(lint('merge-run', 'FROM debian:12\nRUN echo a\nONBUILD RUN echo b\nRUN echo c\n')).toEqual([]);
  });

  it('does not make a stage RUN clean up what a trigger left, or the reverse', () => {
    expect(lint('cleanup-in-separate-layer', 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
  });

  it('does not count its USER as the stage\'s (no-root-user)', () => {
    const text = 'FROM node:22-slim\nONBUILD USER node\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';
    expect(lint('no-root-user', text).map((d) => d.message)).toEqual(['No USER in the final stage: the container runs as root unless the base image sets a user']);
  });

  it('leaves a trigger\'s apt lists to the trigger: a later stage RUN does not count as using them', () => {
    const text = 'FROM debian:12\nONBUILD RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';
    expect(lint('apt-update-separate', text)).toEqual([]);
  });
});
