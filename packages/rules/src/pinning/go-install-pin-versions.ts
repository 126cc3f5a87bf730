import { defineRule } from '@dockfix/core';
import { parseGo, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'go-install-pin-versions',
    description: 'Pin versions in `go install`, `go get` and `go run` (`pkg@version`, not `@latest`)',
    source: { tool: 'hadolint', rule: 'DL3062', kind: 'same' },
    docs: {
      rationale: '`go install example.com/cmd@latest` builds whatever is newest on the day of the build. Pin a version (`@v1.2.3`) or a commit. `go get` (also `go get -tool`) and `go run example.com/cmd` fetch the same way and are checked too; local packages (`./cmd/...`, `main.go`) are not.',
      invalid: ['FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n'],
      valid: ['FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n', 'FROM golang:1.22\nCOPY . .\nRUN go install ./cmd/...\n'],
    },
    packages: (command) => {
      const call = parseGo(command);
      const sub = call ? subcommandOf(call) : null;
      if (!call || !sub) return null;
      // Local paths, `.go` files and Go's package patterns (`tool` installs the tools go.mod pins, Go 1.24) fetch nothing unpinned.
      const remote = (word: { value: string }) => !/^(\.{1,2}(\/|$)|\/)/.test(word.value) && !word.value.endsWith('.go') && !['tool', 'all', 'std', 'cmd'].includes(word.value);
      if (sub === 'install' || sub === 'get') return { label: `go ${sub}`, words: call.operands.filter(remote) };
      // `go run pkg args…`: only the first operand is a package, and only a module path (`host.tld/…`) is fetched.
      const first = call.operands[0];
      if (sub === 'run' && first && remote(first) && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\//.test(first.value)) return { label: 'go run', words: [first] };
      return null;
    },
    isPinned: (word) => /@./.test(word.value) && !/@(latest|master|main|HEAD)$/.test(word.value),
    example: '`pkg@v1.2.3`',
  }),
);
