import { defineRule } from '@dockfix/core';
import { parseGo, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'go-install-pin-versions',
    description: 'Pin versions in `go install` (`pkg@version`, not `@latest`)',
    source: { tool: 'hadolint', rule: 'DL3062', kind: 'same' },
    docs: {
      rationale: '`go install example.com/cmd@latest` builds whatever is newest on the day of the build. Pin a version (`@v1.2.3`) or a commit. Installs of local packages (`./cmd/...`) are not checked.',
      invalid: ['FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n'],
      valid: ['FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n', 'FROM golang:1.22\nCOPY . .\nRUN go install ./cmd/...\n'],
    },
    packages: (command) => {
      const call = parseGo(command);
      return call && subcommandOf(call) === 'install'
        ? { label: 'go install', words: call.operands.filter((word) => !/^(\.{1,2}(\/|$)|\/)/.test(word.value)) }
        : null;
    },
    isPinned: (word) => /@./.test(word.value) && !/@(latest|master|main|HEAD)$/.test(word.value),
    example: '`pkg@v1.2.3`',
  }),
);
