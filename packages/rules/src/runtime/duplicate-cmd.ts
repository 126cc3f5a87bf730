import { defineRule } from '@dockfix/core';
import { duplicateInstructionRule } from '../lib/duplicates.js';

export default defineRule(duplicateInstructionRule({
  id: 'duplicate-cmd',
  keyword: 'CMD',
  severity: 'warning',
  hadolint: 'DL4003',
  invalid: 'FROM debian:bookworm-slim\nCMD ["bash"]\nRUN echo build\nCMD ["./server"]\n',
  valid: 'FROM debian:bookworm-slim AS base\nCMD ["bash"]\n\nFROM base\nCMD ["./server"]\n',
}));
