import { defineRule } from '@dockfix/core';
import { keyValues } from '../lib/properties.js';

/** True when `text` refers to `$name` or `${name…}` (not `$nameX`). */
function refersTo(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$\\{${escaped}([:}]|[-+?=])|\\$${escaped}(?![A-Za-z0-9_])`).test(text);
}

export default defineRule({
  meta: {
    id: 'env-self-reference',
    category: 'instructions',
    severity: 'error',
    description: 'Do not use a variable in the same `ENV` that defines it',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3044', kind: 'same' }],
    docs: {
      rationale: [
        'All values of one `ENV` are expanded before any of its variables is set. In',
        '`ENV APP=/opt/app BIN=$APP/bin`, `$APP` is still empty (or the value from before), so `BIN` becomes `/bin`.',
        'The rule reports a variable that another pair of the same ENV refers to (or that the ENV sets twice',
        'while referring to it), unless an earlier ENV or ARG already defined it, as hadolint does.',
      ].join('\n'),
      invalid: ['FROM alpine:3.22\nENV APP=/opt/app BIN=$APP/bin\n'],
      valid: ['FROM alpine:3.22\nENV APP=/opt/app\nENV BIN=$APP/bin\n', 'FROM alpine:3.22\nENV PATH=/opt/app/bin:$PATH\n'],
      fixNotes: 'No automatic fix: splitting the ENV changes the value (though probably to what was meant), so it needs a person.',
    },
  },
  create(ctx) {
    const defined = new Set<string>();
    return {
      ARG(instruction) {
        for (const pair of keyValues(ctx.source, instruction)) defined.add(pair.name);
      },
      ENV(instruction) {
        const pairs = keyValues(ctx.source, instruction);
        const reported = new Set<string>();
        pairs.forEach((pair, index) => {
          if (defined.has(pair.name) || reported.has(pair.name)) return;
          const user = pairs.find((other, j) => j !== index && other.valueRange && refersTo(ctx.source.slice(other.valueRange), pair.name));
          if (!user) return;
          reported.add(pair.name);
          ctx.report({ node: pair.nameRange, message: `\`${pair.name}\` is used by \`${user.name}\` in the same ENV, where it is not set yet` });
        });
        for (const pair of pairs) defined.add(pair.name);
      },
    };
  },
});
