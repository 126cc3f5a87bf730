import { defineRule, type Instruction } from '@dockfix/core';
import { keyValues } from '../lib/properties.js';

/** Comment lines that are instructions to a tool, never descriptions. */
const PRAGMA = /^#\s*(?:hadolint\s|dockfix-ignore\b|check\s*=|syntax\s*=|escape\s*=)/i;

export default defineRule({
  meta: {
    id: 'invalid-definition-description',
    category: 'style',
    severity: 'style',
    description: 'Start a comment right above a named `FROM` or an `ARG` with the stage or argument name',
    fix: 'safe',
    optIn: true,
    sources: [{ tool: 'buildkit', rule: 'InvalidDefinitionDescription', kind: 'same' }],
    docs: {
      rationale: [
        '`docker build --call=outline` and `--call=targets` show the comment right above an `ARG` or a named',
        '`FROM` as its description, when the comment starts with the argument or stage name',
        '(`# VERSION the release to package`). A comment there that does not start with the name is not shown,',
        'which is usually an accident. The rule reports it; BuildKit has the check as experimental, so it is',
        'opt-in here too. An empty `#` line, or a blank line as the BuildKit documentation says, between comment',
        'and instruction marks the comment as not a description. Tool pragmas (`# hadolint ignore=…`,',
        '`# check=…`, `# dockfix-ignore …`) are never taken for descriptions.',
      ].join('\n'),
      invalid: ['# the version to build\nARG VERSION=1.0\n# build the binary\nFROM golang:1.26 AS build\n'],
      valid: ['# VERSION the version to build\nARG VERSION=1.0\n# build compiles the binary\nFROM golang:1.26 AS build\n', '# the version to build\n\nARG VERSION=1.0\nFROM golang:1.26\n'],
      fixNotes: [
        'The fix inserts an empty `#` line between the comment and the instruction. The BuildKit documentation',
        "also allows a blank line, but BuildKit's parser (at 73ed6825) keeps a comment across blank lines and",
        'forgets it only at an empty `#`, so that is the separator both accept. Safe: only comments change.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const directives = new Set(ctx.source.directives.map((directive) => ctx.source.lineStartAt(directive.range.start)));
    const commentAt = new Map(ctx.model.comments.map((comment) => [ctx.source.lineStartAt(comment.range.start), comment]));
    const check = (instruction: Instruction, keyword: string, names: readonly string[]) => {
      const lineStart = ctx.source.lineStartAt(instruction.range.start);
      if (lineStart === 0 || names.length === 0) return;
      const above = commentAt.get(ctx.source.lineStartAt(lineStart - 1));
      if (!above || directives.has(above.range.start) || PRAGMA.test(above.text)) return;
      const text = above.text.replace(/^#/, '').trim();
      if (text === '' || names.includes(text.split(' ')[0] ?? '')) return;
      const example = names.length > 1 ? '<arg_key>' : names[0];
      ctx.report({
        node: above.range,
        message: `comment above ${keyword} is not a description; write \`# ${example} <description>\``,
        fix: { title: 'Separate the comment with an empty `#` line', edits: [ctx.fix.insertBefore(lineStart, `#${ctx.source.eolAt(above.range.start)}`)] },
      });
    };
    return {
      ARG(arg) {
        check(arg, 'ARG', keyValues(ctx.source, arg).map((pair) => pair.name));
      },
      FROM(from) {
        if (from.from.stageName) check(from, 'FROM', [from.from.stageName]);
      },
    };
  },
});
