import { defineRule, type Instruction } from '@dockfix/core';
import { dropQuotes, isAbsoluteOrVariable } from '../lib/instructions.js';
import { workdirAt } from '../lib/stages.js';
import { TRAILING_SLASHES } from '../lib/text.js';

export default defineRule({
  meta: {
    id: 'relative-workdir',
    category: 'instructions',
    severity: 'error',
    description: 'Give `WORKDIR` an absolute path',
    fix: 'safe',
    sources: [
      { tool: 'hadolint', rule: 'DL3000', kind: 'same' },
      { tool: 'buildkit', rule: 'WorkdirRelativePath', kind: 'inspired' },
    ],
    docs: {
      rationale: [
        'A relative `WORKDIR` is resolved against the WORKDIR in effect, and when no absolute one was set in the',
        'build that is whatever the base image chose: `WORKDIR app` lands in `/app` on one image and in',
        '`/usr/src/app` on another, and moves when the base image changes. An absolute path says where files go.',
        'As hadolint does, the rule reports every WORKDIR that does not start with `/`, a drive letter (`C:\\`) or',
        'a variable.',
        '',
        'BuildKit\'s WorkdirRelativePath reports only a relative WORKDIR with no absolute WORKDIR before it in the',
        'stage or the stages it builds on; after one, the path is known. dockfix reports that case too (with no',
        'fix, as BuildKit\'s concern applies), so the check is related, not an alias.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nWORKDIR app\n', 'FROM node:22-slim\nWORKDIR /srv\nWORKDIR app\n'],
      valid: ['FROM node:22-slim\nWORKDIR /srv/app\n', 'FROM node:22-slim\nWORKDIR $APP_HOME\n'],
      fixNotes: [
        'When an earlier WORKDIR in the stage (or a stage it builds on) fixes the directory, the fix writes the',
        'path it resolves to (`WORKDIR /srv` then `WORKDIR app` → `WORKDIR /srv/app`): the same directory, so',
        'safe. With no known absolute WORKDIR before it, the directory depends on the base image and there is no fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      WORKDIR(instruction: Instruction) {
        const arg = instruction.args[0];
        if (!arg || instruction.args.length !== 1 || isAbsoluteOrVariable(arg.value)) return;
        const base = workdirAt(instruction);
        const path = dropQuotes(arg.value);
        if (base === null || path.includes('\\') || /["']/.test(path)) {
          return ctx.report({ node: arg.range, message: `relative WORKDIR \`${path}\` depends on the base image's working directory; use an absolute path` });
        }
        const resolved = `${base === '/' ? '' : base}/${path.replace(/^\.\/?/, '')}`.replace(TRAILING_SLASHES, '') || '/';
        const quoted = /^["']/.test(arg.value) ? `${arg.value[0]}${resolved}${arg.value[0]}` : resolved;
        ctx.report({
          node: arg.range,
          message: `relative WORKDIR \`${path}\`: write the absolute path \`${resolved}\``,
          fix: { title: `Write \`WORKDIR ${resolved}\``, edits: [ctx.fix.replace(arg.range, quoted)] },
        });
      },
    };
  },
});
