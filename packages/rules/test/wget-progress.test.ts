import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import wgetProgress from '../src/shell/wget-progress.js';

const linter = createLinter({ rules: [wgetProgress] });

/** The fix safety offered for the first `wget` of the file; 'none' when the report has no fix. */
function safetyOf(text: string): string {
  const result = linter.lint(text);
  expect(result.fatal).toBe(false);
  expect(result.diagnostics.length).toBeGreaterThan(0);
  return result.diagnostics[0]?.fix?.safety ?? 'none';
}

// From the review of `fix --unsafe` on the corpus (docs/reviews/fix-review-unsafe.md): docker-library's
// ghost, python and ruby alpine images and nginx's alpine-slim call BusyBox's wget, which exits with
// "unrecognized option '--progress=dot:giga'"; the unsafe fix broke all four builds.
describe('wget-progress: no fix where BusyBox wget answers', () => {
  it.each([
    ['FROM alpine:3.23\nRUN wget -O /tmp/x https://example.org/x\n', 'none'],
    ['FROM node:22-alpine3.23\nRUN set -eux; apk add --no-cache --virtual .gosu-deps ca-certificates dpkg gnupg; wget -O /usr/local/bin/gosu https://example.org/gosu\n', 'none'],
    ['FROM busybox:1.37\nRUN wget -O /x https://example.org/x\n', 'none'],
    ['FROM alpine:3.23 AS base\nFROM base\nRUN wget -O /x https://example.org/x\n', 'none'],
  ])('%j: %s', (text, expected) => {
    expect(safetyOf(text)).toBe(expected);
  });

  it.each([
    // GNU wget installed earlier in the RUN, in an earlier RUN, or in the stage built on.
    ['FROM alpine:3.23\nRUN apk add --no-cache wget && wget -O /x https://example.org/x\n', 'unsafe'],
    ['FROM alpine:3.23\nRUN apk add --no-cache wget=1.25.0-r0\nRUN wget -O /x https://example.org/x\n', 'unsafe'],
    ['FROM alpine:3.23 AS base\nRUN apk add wget\nFROM base\nRUN wget -O /x https://example.org/x\n', 'unsafe'],
    // An unknown base keeps the unsafe fix; a glibc distribution the safe one.
    ['FROM example/tools:1\nRUN wget -O /x https://example.org/x\n', 'unsafe'],
    ['FROM debian:bookworm-slim\nRUN wget -O /x https://example.org/x\n', 'safe'],
  ])('%j: %s', (text, expected) => {
    expect(safetyOf(text)).toBe(expected);
  });

  it('still reports the call without a fix, as hadolint DL3047 does', () => {
    const result = linter.lint('FROM alpine:3.23\nRUN wget -O /x https://example.org/x\n');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['wget-progress']);
  });

  it('an apk add after the wget does not count', () => {
    expect(safetyOf('FROM alpine:3.23\nRUN wget -O /x https://example.org/x && apk add wget\n')).toBe('none');
  });
});
