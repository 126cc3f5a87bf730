import { defineRule } from '@dockfix/core';
import { duplicateInstructionRule } from '../lib/duplicates.js';

export default defineRule(duplicateInstructionRule({
  id: 'duplicate-entrypoint',
  keyword: 'ENTRYPOINT',
  severity: 'error',
  hadolint: 'DL4004',
  invalid: 'FROM debian:bookworm-slim\nENTRYPOINT ["/bin/sh"]\nRUN echo build\nENTRYPOINT ["/usr/bin/server"]\n',
  valid: 'FROM debian:bookworm-slim AS base\nENTRYPOINT ["/bin/sh"]\n\nFROM base\nENTRYPOINT ["/usr/bin/server"]\n',
}));
