import { defineRule } from '@dockfix/core';
import { packageOperands, parsePip, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'pip-pin-versions',
    description: 'Pin versions in `pip install` (`pkg==version`), or install from a requirements file',
    source: { tool: 'hadolint', rule: 'DL3013', kind: 'same' },
    docs: {
      rationale: 'Without a version, `pip install flask` installs the newest release on the day of the build, which may break the application. Any version specifier (`==`, `~=`, `>=`, `<`) counts; a VCS URL (`git+https://…/repo.git`) needs an `@ref`; `-r requirements.txt` is not checked.',
      invalid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn\n'],
      valid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn>=22,<23"\n', 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n'],
    },
    packages: (command) => {
      const call = parsePip(command);
      return call && subcommandOf(call) === 'install' ? { label: 'pip install', words: [...packageOperands(call).filter((word) => word.value !== '.'), ...call.operands.filter((word) => !word.dynamic && /^(git|hg|svn|bzr)\+/.test(word.value))].sort((a, b) => a.range.start - b.range.start) } : null;
    },
    isPinned: (word) => {
      // A VCS URL is pinned by `@ref` after the repository path (`git+https://host/r.git@v1.2`); the `=` of
      // `#egg=name` and the `@` of `git@host` pin nothing.
      const vcs = /^(git|hg|svn|bzr)\+[a-z]+:\/\/([^/]*)(\/[^#]*)?/i.exec(word.value.replace(/^["']|["']$/g, ''));
      if (vcs) return (vcs[3] ?? '').includes('@');
      return /[=<>~!@]/.test(word.value);
    },
    example: '`pkg==version`',
  }),
);
