import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import aptNoInstallRecommends from '../src/package-managers/apt-no-install-recommends.js';

const linter = createLinter({ rules: [aptNoInstallRecommends] });

/** The file after every fix of the rule (they are all unsafe). */
function fixed(text: string): string {
  const result = linter.lint(text);
  expect(result.fatal).toBe(false);
  expect(result.diagnostics.length).toBeGreaterThan(0);
  return linter.fix(text, { unsafe: true }).output;
}

// From the review of `fix --unsafe` on the corpus (docs/reviews/fix-review-unsafe.md): docker-library's
// busybox builder and carlossg/docker-maven install curl, wget and gnupg on debian:trixie-slim and then
// download over HTTPS; with the recommends gone, ca-certificates went too and the builds failed.
describe('apt-no-install-recommends keeps the CA bundle that curl, wget and git only recommend', () => {
  it('names ca-certificates for curl on a slim base', () => {
    expect(fixed('FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y curl gnupg && curl -fsSL https://example.org/key | gpg --dearmor\n')).toBe(
      'FROM debian:trixie-slim\nRUN apt-get update && apt-get install --no-install-recommends ca-certificates -y curl gnupg && curl -fsSL https://example.org/key | gpg --dearmor\n',
    );
  });

  it('for wget and git too, with a pinned version', () => {
    expect(fixed('FROM ubuntu:24.04\nRUN apt-get install -y wget=1.21.4-1ubuntu4\n')).toContain('install --no-install-recommends ca-certificates -y wget=');
    expect(fixed('FROM ubuntu:24.04\nRUN apt-get install -y git\n')).toContain('install --no-install-recommends ca-certificates -y git');
  });

  it('not when the RUN or an earlier one installs it already', () => {
    expect(fixed('FROM debian:bookworm-slim\nRUN apt-get install -y ca-certificates curl\n')).toBe(
      'FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends -y ca-certificates curl\n',
    );
    expect(fixed('FROM debian:bookworm-slim\nRUN apt-get install -y ca-certificates\nRUN apt-get install -y curl\n')).toBe(
      'FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends -y ca-certificates\nRUN apt-get install --no-install-recommends -y curl\n',
    );
  });

  it('not for packages that do not download', () => {
    expect(fixed('FROM debian:bookworm-slim\nRUN apt-get install -y make gcc\n')).toBe('FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends -y make gcc\n');
  });
});

describe('apt-no-install-recommends: no ca-certificates where the base ships it', () => {
  it.each(['php:8.2-cli', 'python:3.12-slim', 'node:22-bookworm', 'buildpack-deps:bookworm-curl'])('%s', (image) => {
    expect(fixed(`FROM ${image}\nRUN apt-get install -y git\n`)).toBe(`FROM ${image}\nRUN apt-get install --no-install-recommends -y git\n`);
  });
});
