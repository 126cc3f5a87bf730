import { defineRule } from '@dockfix/core';
import { exposePorts } from '../lib/expose.js';

export default defineRule({
  meta: {
    id: 'expose-host-mapping',
    category: 'style',
    severity: 'warning',
    description: 'Expose a container port only, without a host port or IP address',
    fix: 'unsafe',
    sources: [{ tool: 'buildkit', rule: 'ExposeInvalidFormat', kind: 'same' }],
    docs: {
      rationale: [
        '`EXPOSE` records which ports the container listens on. The host side of a mapping is chosen when the',
        'container runs (`docker run -p 8080:80`), so `EXPOSE 8080:80` or `EXPOSE 127.0.0.1:80:80` does not',
        'publish anything: BuildKit drops the host part, and has announced that it will become an error.',
      ].join('\n'),
      invalid: ['FROM nginx:1.29\nEXPOSE 8080:80\n', 'FROM nginx:1.29\nEXPOSE 127.0.0.1:80:80/tcp\n'],
      valid: ['FROM nginx:1.29\nEXPOSE 80 443/tcp\n'],
      fixNotes: [
        'The fix keeps the container part (`8080:80` → `80`), which is what BuildKit records today, so the image',
        'does not change. It is offered as unsafe all the same: the author may have meant the other number.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      EXPOSE(expose) {
        for (const port of exposePorts(ctx.source, expose)) {
          if (!port.hostPart) continue;
          const kept = port.text.slice(port.hostPart.length);
          ctx.report({
            node: port.range,
            message: `\`EXPOSE ${port.text}\` maps a host port or IP; EXPOSE takes the container port only`,
            fix: { title: `Keep the container port \`${kept}\``, edits: [ctx.fix.replace(port.range, kept)] },
          });
        }
      },
    };
  },
});
