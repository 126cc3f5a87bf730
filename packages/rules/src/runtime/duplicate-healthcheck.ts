import { defineRule } from '@dockfix/core';
import { duplicateInstructionRule } from '../lib/duplicates.js';

export default defineRule(duplicateInstructionRule({
  id: 'duplicate-healthcheck',
  keyword: 'HEALTHCHECK',
  severity: 'error',
  hadolint: 'DL3012',
  invalid: 'FROM debian:bookworm-slim\nHEALTHCHECK CMD ["/bin/true"]\nRUN echo build\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
  valid: 'FROM debian:bookworm-slim AS base\nHEALTHCHECK CMD ["/bin/true"]\n\nFROM base\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
}));
