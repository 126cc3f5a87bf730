import { defineRule } from '@dockfix/core';
import { hasOption } from '../lib/cli.js';
import { packageOperands, parsePip, parsePipx, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'pip-pin-versions',
    description: 'Pin versions in `pip install` (`pkg==version`), or install from a requirements file',
    source: { tool: 'hadolint', rule: 'DL3013', kind: 'same' },
    docs: {
      rationale: [
        'Without a version, `pip install flask` installs the newest release on the day of the build, which may break',
        'the application. Any version specifier (`==`, `~=`, `>=`, `<`) counts; a VCS URL (`git+https://…/repo.git`)',
        'needs an `@ref`; `-r requirements.txt` is not checked, and neither is a command with a constraints file',
        '(`-c constraints.txt`), which pins what pip resolves. Local directories and archives (`.`, `src/pkg`,',
        '`dist/app.whl`) are not names on an index and need no version. `pipx install black` is checked the same way.',
      ].join('\n'),
      invalid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn\n'],
      valid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn>=22,<23"\n', 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n'],
    },
    packages: (command) => {
      const pipx = parsePipx(command);
      const call = pipx ?? parsePip(command);
      if (!call || subcommandOf(call) !== 'install') return null;
      // A constraints file pins every package pip resolves, those named on the command line too.
      if (!pipx && hasOption(call, { long: ['constraint'], short: ['c'] })) return null;
      // A project name has no `/`: a word with one is a local directory or archive (`pip install src/pkg`).
      const named = packageOperands(call).filter((word) => word.value !== '.' && !word.value.includes('/'));
      const vcs = call.operands.filter((word) => !word.dynamic && /^(git|hg|svn|bzr)\+/.test(word.value));
      return { label: pipx ? 'pipx install' : 'pip install', words: [...named, ...vcs].sort((a, b) => a.range.start - b.range.start) };
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
