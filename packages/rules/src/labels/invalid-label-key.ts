import { defineRule } from '@dockfix/core';
import { labelPairs } from '../lib/labels.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key format, or null when it follows it. */
function labelKeyProblem(key: string): string | null {
  if (RESERVED.some((prefix) => key.startsWith(prefix))) return `uses the namespace \`${key.split('.').slice(0, 2).join('.')}\` reserved for Docker`;
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit';
  if (/[^a-z0-9._/-]/.test(key)) return 'may only hold lower-case letters, digits, `.`, `-`, `_` and `/`';
  if (key.includes('..') || key.includes('--')) return 'must not repeat `.` or `-`';
  return null;
}

export default defineRule({
  meta: {
    id: 'invalid-label-key',
    category: 'labels',
    severity: 'style',
    description: 'Write label keys in lower-case reverse-DNS form, outside the namespaces Docker reserves',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3048', kind: 'same' }],
    docs: {
      rationale: [
        "Docker's object-label guidelines ask for keys made of lower-case letters, digits, `.` and `-`, that",
        'start with a letter and end with a letter or digit, with no repeated separators, prefixed with the',
        'reverse DNS name of whoever owns them (`org.opencontainers.image.source`, `com.example.team`). Tools',
        'that query labels (`docker images --filter label=…`, registries, scanners) then find them reliably,',
        'and keys from different vendors do not collide. The prefixes `com.docker.`, `io.docker.` and',
        '`org.dockerproject.` are reserved for Docker itself.',
        '',
        'As hadolint does, the rule also accepts `_` and `/` in a key.',
      ].join('\n'),
      invalid: ['FROM alpine:3.22\nLABEL com.docker.extension.title="My tool"\n', 'FROM alpine:3.22\nLABEL Maintainer="jo@example.com"\n'],
      valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.title="My tool" maintainer="jo@example.com"\n'],
      fixNotes: 'No automatic fix: renaming a label breaks whatever reads it by its current key.',
    },
  },
  create(ctx) {
    return {
      LABEL(instruction) {
        for (const pair of labelPairs(ctx.source, instruction)) {
          const problem = labelKeyProblem(pair.name);
          if (problem) ctx.report({ node: pair.nameRange, message: `label key \`${pair.name}\` ${problem}` });
        }
      },
    };
  },
});
