import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

// Fixes of several rules on one RUN: the second pass must see what the first added, so that no
// cleanup is written twice and no move breaks what another fix relied on.
const linter = createLinter({ rules });
const fixed = (text: string) => linter.fix(text, { unsafe: true }).output;

describe('fixes of several rules on one RUN', () => {
  it('one apt lists cleanup, when apt-lists-cleanup and cleanup-in-separate-layer both fix the same RUN', () => {
    const out = fixed('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nWORKDIR /x\nRUN rm -rf /var/lib/apt/lists/*\n');
    expect(out.match(/rm -rf \/var\/lib\/apt\/lists\/\*/g)).toHaveLength(1);
  });

  it('one clean all for a RUN that runs yum and dnf (EL 8+, where yum is dnf)', () => {
    const out = fixed('FROM rockylinux:9\nRUN yum install -y git && dnf install -y make\n');
    expect(out).toBe('FROM rockylinux:9\nRUN yum install -y git && dnf install -y make && dnf clean all\n');
  });

  it('the lists are not deleted before a RUN that installs from them', () => {
    const out = fixed('FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n');
    expect(out).toBe('FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n');
  });

  it('apk update goes when every add uses --no-cache', () => {
    expect(fixed('FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\n')).toBe('FROM alpine:3.20\nRUN apk add --no-cache curl\n');
  });
});
