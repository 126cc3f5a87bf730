import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import cleanupInSeparateLayer from '../src/layers/cleanup-in-separate-layer.js';

const linter = createLinter({ rules: [cleanupInSeparateLayer] });

function messages(text: string): string[] {
  const result = linter.lint(text);
  expect(result.fatal).toBe(false);
  return result.diagnostics.map((diagnostic) => diagnostic.message);
}

// The rule only asks the kinds of leftover about commands that `mayClean` lets through (an rm, a find, a
// package manager's cleanup word): each kind's cleanup written the less common ways must still get through.
describe('cleanup-in-separate-layer finds every kind of cleanup', () => {
  it.each([
    ['rm through sudo', 'FROM debian:bookworm\nRUN apt-get update\nRUN sudo -u root rm -rf /var/lib/apt/lists/*\n', 'apt package lists'],
    ['rm by its path', 'FROM debian:bookworm\nRUN apt-get update\nRUN /bin/rm -rf /var/lib/apt/lists\n', 'apt package lists'],
    ['find -delete', 'FROM debian:bookworm\nRUN apt-get update\nRUN find /var/lib/apt/lists -mindepth 1 -delete\n', 'apt package lists'],
    ['apt-get dist-clean through env', 'FROM debian:trixie\nRUN apt-get update\nRUN env DEBIAN_FRONTEND=noninteractive apt-get dist-clean\n', 'apt package lists'],
    ['a quoted subcommand', 'FROM debian:bookworm\nRUN apt-get install -y curl\nRUN apt-get "autoclean"\n', 'downloaded .deb files'],
    ['apk cache purge', 'FROM alpine:3.20\nRUN apk add curl\nRUN apk cache purge\n', 'the apk index cache'],
    ['yum cc', 'FROM centos:7\nRUN yum install -y curl\nRUN yum cc\n', 'the yum cache'],
    ['microdnf clean', 'FROM fedora:40\nRUN microdnf install -y curl\nRUN microdnf clean all\n', 'the dnf cache'],
    ['zypper cc', 'FROM opensuse/leap:15\nRUN zypper install -y curl\nRUN zypper cc\n', 'the zypper cache'],
    ['npm by its path', 'FROM node:20\nRUN npm ci\nRUN /usr/local/bin/npm cache clean --force\n', 'the npm cache'],
    ['yarn cache clean', 'FROM node:20\nRUN yarn install\nRUN yarn cache clean\n', 'the Yarn cache'],
    ['python -m pip', 'FROM python:3.12\nRUN pip install flask\nRUN python3 -m pip cache purge\n', 'the pip cache'],
    ['a /tmp path in an assignment', 'FROM debian:bookworm\nRUN TMPDIR=/tmp/build make\nRUN rm -rf /tmp/build\n', 'files in /tmp'],
    ['a /tmp path in an env argument', 'FROM debian:bookworm\nRUN env OUT=/tmp/x.tgz ./fetch.sh\nRUN rm -f /tmp/x.tgz\n', 'files in /tmp'],
  ])('%s', (_name, text, label) => {
    expect(messages(text)).toEqual([`Deleting ${label} here leaves them in line 2's layer`]);
  });

  it('not for a word that only looks like a cleanup', () => {
    expect(messages('FROM debian:bookworm\nRUN apt-get update\nRUN echo rm -rf /var/lib/apt/lists/* cache clean\n')).toEqual([]);
    expect(messages('FROM debian:bookworm\nRUN curl --output=/tmp/x.tgz https://example.org/x.tgz\nRUN rm -f /tmp/x.tgz\n')).toEqual([]);
  });
});
