import { defineRule } from '@dockfix/core';
import { TABLE_DATE } from '../data/base-images.js';
import { describeImage, imageFacts } from '../lib/images.js';

export default defineRule({
  meta: {
    id: 'pin-base-image',
    category: 'base-image',
    severity: 'warning',
    description: 'Pin base images to a version tag (or a digest) instead of an implicit or explicit `latest`',
    fix: 'none',
    sources: [
      { tool: 'hadolint', rule: 'DL3006', kind: 'same' },
      { tool: 'hadolint', rule: 'DL3007', kind: 'same' },
    ],
    docs: {
      rationale: [
        '`FROM node` means `FROM node:latest`, and `latest` moves: it pointed at Node.js 20 in 2023, at 22 in',
        '2024 and at 24 in 2025. A rebuild of an unchanged Dockerfile can therefore jump a major version of the',
        'runtime and the distribution under it (Debian 12 to 13 in 2025), and two machines building the same',
        'commit on different days ship different images. A version tag (`node:24-slim`) keeps the major',
        'version; a digest (`node:24-slim@sha256:…`) pins the exact bytes.',
        '',
        'The rule reports every `FROM` of an image (not of an earlier stage, not `scratch`) that has no tag or the',
        'tag `latest`, unless a digest pins it. An image written with an ARG (`FROM node:${NODE_VERSION}`) is',
        'checked with the ARG\'s default; without a default the reference is only known at build time and is',
        'left alone.',
      ].join('\n'),
      invalid: ['FROM node\nCMD ["node", "server.js"]\n', 'FROM python:latest\nCMD ["python", "app.py"]\n', 'ARG BASE=alpine\nFROM ${BASE}\n'],
      valid: [
        'FROM node:24-slim\nCMD ["node", "server.js"]\n',
        'FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\n',
        'FROM golang:1.26 AS build\nFROM build\n',
        'ARG BASE\nFROM ${BASE}\n',
      ],
      fixNotes: 'No automatic fix: which version to pin is a decision (the message lists the supported lines dockfix knows of).',
    },
  },
  create(ctx) {
    return {
      FROM(instruction) {
        const { from } = instruction;
        const image = from.image;
        if (from.parentStage || image.scratch || image.unresolved || image.digest !== null || !from.imageRange) return;
        const tag = image.tag;
        if (tag !== null && tag.toLowerCase() !== 'latest') return;
        const facts = imageFacts(image);
        const versions = facts?.versions ?? [];
        const example = versions[0] ? ` For example \`${image.name}:${versions[0]}\` (supported lines as of ${TABLE_DATE}: ${versions.join(', ')}).` : '';
        ctx.report({
          node: from.imageRange,
          message:
            tag === null ? `${describeImage(image)} has no tag (\`:latest\`); pin a version tag or a digest` : `${describeImage(image)} uses \`:latest\`; pin a version tag or a digest`,
          help: `\`:latest\` moves to new major versions, so the same Dockerfile builds a different image tomorrow.${example}`,
        });
      },
    };
  },
});
