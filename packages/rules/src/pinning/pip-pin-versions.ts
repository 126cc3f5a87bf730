import { defineRule } from '@dockfix/core';
import { packageOperands, parsePip, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

export default defineRule(
  pinRule({
    id: 'pip-pin-versions',
    description: 'Pin versions in `pip install` (`pkg==version`), or install from a requirements file',
    source: { tool: 'hadolint', rule: 'DL3013', kind: 'same' },
    docs: {
      rationale: 'Without a version, `pip install flask` installs the newest release on the day of the build, which may break the application. Any version specifier (`==`, `~=`, `>=`, `<`) counts; `-r requirements.txt` is not checked.',
      invalid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn\n'],
      valid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn>=22,<23"\n', 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n'],
    },
    packages: (command) => {
      const call = parsePip(command);
      return call && subcommandOf(call) === 'install' ? { label: 'pip install', words: packageOperands(call).filter((word) => word.value !== '.') } : null;
    },
    isPinned: (word) => /[=<>~!@]/.test(word.value),
    example: '`pkg==version`',
  }),
);
