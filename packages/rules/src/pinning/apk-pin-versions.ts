import { defineRule } from '@dockfix/core';
import { packageOperands, parseApk, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'apk-pin-versions',
    description: 'Pin versions in `apk add` (`pkg=version` or `pkg~version`)',
    source: { tool: 'hadolint', rule: 'DL3018', kind: 'same' },
    docs: {
      rationale: 'Without a version, `apk add curl` installs whatever the Alpine mirror has on the day of the build. A `~` pin (`curl~8.9`) accepts patch releases.',
      invalid: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n'],
      valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n', 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n'],
    },
    packages: (command) => {
      const call = parseApk(command);
      return call && subcommandOf(call) === 'add' ? { label: 'apk add', words: packageOperands(call) } : null;
    },
    isPinned: (word) => /[=~<>]/.test(word.value),
    example: '`pkg=version` or `pkg~version`',
  }),
);
