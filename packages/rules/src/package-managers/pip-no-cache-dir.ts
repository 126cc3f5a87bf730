import { defineRule } from '@dockfix/core';
import { hasOption, mayHideOptions } from '../lib/cli.js';
import { shippedStages } from '../lib/images.js';
import { parsePip, subcommandOf } from '../lib/packages.js';
import { cacheMountTargets, configuredBefore, inShippedStage } from '../lib/stages.js';

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    category: 'package-managers',
    severity: 'warning',
    description: 'Pass `--no-cache-dir` to `pip install` so that its download cache does not end up in the image',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3042', kind: 'same' }],
    docs: {
      rationale: [
        'pip keeps every wheel it downloads or builds in `~/.cache/pip` (`/root/.cache/pip` for root). In an',
        'image layer that is a second copy of everything installed, in compressed form: about 30 MB for',
        '`numpy` + `pandas`, hundreds of MB for `torch`. No later build reuses it, since each build starts',
        'from a clean layer. `--no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`) turns the cache off.',
        '',
        'Checked in the stages that ship. The rule accepts `PIP_NO_CACHE_DIR` set by ENV, in the RUN or as a',
        'prefix of the command, a `no-cache-dir` setting written by an earlier RUN, and a',
        '`RUN --mount=type=cache,target=/root/.cache/pip` (or `/root/.cache`), which keeps the cache out of the',
        'image and also speeds up rebuilds.',
      ].join('\n'),
      invalid: [
        'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
        'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip setuptools\n',
      ],
      valid: [
        'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
        'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
      ],
      fixNotes: [
        'Safe: the fix inserts ` --no-cache-dir` after `install`. The same packages are installed; only the',
        'cache directory is no longer written. (pip has had the option since 6.0, 2014.)',
      ].join('\n'),
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || !inShippedStage(run, shipped)) return;
        if (cacheMountTargets(run).some((target) => /(^|\/)\.cache(\/pip)?$/.test(target) || target === '/root')) return;
        if (configuredBefore(run, ctx.source, /PIP_NO_CACHE_DIR|no-cache-dir/)) return;
        for (const command of script.commands) {
          const call = parsePip(command);
          if (!call?.subcommand || subcommandOf(call) !== 'install') continue;
          if (hasOption(call, { long: ['no-cache-dir', 'cache-dir'] }) || mayHideOptions(call)) continue;
          if (command.assignments.some((word) => word.text.startsWith('PIP_NO_CACHE_DIR='))) continue;
          // Set earlier in this RUN: `export PIP_NO_CACHE_DIR=1 && pip install …`.
          if (/PIP_NO_CACHE_DIR/.test(ctx.source.text.slice(script.offset, command.range.start))) continue;
          ctx.report({
            node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
            message: '`pip install` keeps its download cache in the image; add `--no-cache-dir`',
            fix: { title: 'Add `--no-cache-dir` after `install`', edits: [ctx.fix.insertAfter(call.subcommand, ' --no-cache-dir')] },
          });
        }
      },
    };
  },
});
