import { defineRule } from '@dockfix/core';
import { TABLE_DATE } from '../data/base-images.js';
import { deprecationOf, describeImage, endOfLife } from '../lib/images.js';

export default defineRule({
  meta: {
    id: 'eol-base-image',
    category: 'base-image',
    severity: 'info',
    description: 'Move off base images whose language, server or distribution release is past its end of life',
    fix: 'none',
    docs: {
      rationale: [
        `Past its end of life a release gets no security fixes: Node.js 18 stopped on 2025-04-30, Python 3.8 on`,
        '2024-10-07 and 3.9 on 2025-10-31, Debian 10 (buster) on 2024-06-30. Images of such releases stay on',
        'Docker Hub, and rebuilding on them keeps working, so nothing in the build says the base has stopped',
        'getting patches; scanners then report its CVEs for good.',
        '',
        `The rule reports every \`FROM\` whose tag names a release line that dockfix's base-image table lists as`,
        `past its end of life on the table's date (${TABLE_DATE}): Node.js, Python, Ruby, Go (older than the two`,
        'newest releases), PHP, PostgreSQL, MySQL, non-LTS Java on eclipse-temurin, and the Debian, Ubuntu',
        'and Alpine releases named in tags (`node:18-buster`, `python:3.12-alpine3.17`, `ubuntu:18.04`,',
        '`gcr.io/distroless/base-debian10`). An ARG-templated image is checked with the ARG\'s default.',
        'Deprecated images are left to `deprecated-base-image`.',
      ].join('\n'),
      invalid: ['FROM node:18-alpine\nCMD ["node", "server.js"]\n', 'FROM python:3.11-buster\n', 'ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}\n'],
      valid: ['FROM node:24-slim\nCMD ["node", "server.js"]\n', 'FROM python:3.13-slim-bookworm\n', 'FROM golang:1.26-alpine\n'],
      fixNotes: 'No automatic fix: moving to a new major version needs testing. The message names the supported lines.',
    },
  },
  create(ctx) {
    return {
      FROM(instruction) {
        const { from } = instruction;
        if (from.parentStage || !from.imageRange || deprecationOf(from.image)) return;
        const findings = endOfLife(from.image);
        if (findings.length === 0) return;
        const parts = findings.map((finding) => (finding.date ? `${finding.what} reached its end of life on ${finding.date}` : `${finding.what} is past its end of life`));
        const supported = findings.find((finding) => finding.supported.length > 0)?.supported ?? [];
        ctx.report({
          node: from.imageRange,
          message: `${describeImage(from.image)} is past its end of life: no more security fixes`,
          help: `${parts.join(' and ')}. Move to a supported release${supported.length > 0 ? ` (${supported.join(', ')} as of ${TABLE_DATE})` : ''}.`,
        });
      },
    };
  },
});
