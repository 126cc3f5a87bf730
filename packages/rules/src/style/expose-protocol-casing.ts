import { defineRule } from '@dockfix/core';
import { exposePorts } from '../lib/expose.js';

export default defineRule({
  meta: {
    id: 'expose-protocol-casing',
    category: 'style',
    severity: 'style',
    description: 'Write the protocol of an `EXPOSE` port in lower case',
    fix: 'safe',
    sources: [{ tool: 'buildkit', rule: 'ExposeProtoCasing', kind: 'same' }],
    docs: {
      rationale: [
        '`EXPOSE 53/UDP` works: BuildKit lower-cases the protocol when it records the port. Writing `53/udp`',
        'shows what ends up in the image config (`ExposedPorts: {"53/udp": {}}`) and what `docker run -p`',
        'expects. BuildKit reports it as a warning; dockfix classes it as style.',
      ].join('\n'),
      invalid: ['FROM alpine:3.22\nEXPOSE 80/TCP 53/Udp\n'],
      valid: ['FROM alpine:3.22\nEXPOSE 80/tcp 53/udp 8080\n'],
      fixNotes: 'The fix lower-cases the protocol. Safe: the image records the same port either way.',
    },
  },
  create(ctx) {
    return {
      EXPOSE(expose) {
        for (const port of exposePorts(ctx.source, expose)) {
          if (!port.protocolRange || port.protocol === port.protocol.toLowerCase()) continue;
          ctx.report({
            node: port.range,
            message: `protocol of \`${port.text}\` should be lower case`,
            fix: { title: `Write \`${port.protocol.toLowerCase()}\``, edits: [ctx.fix.replace(port.protocolRange, port.protocol.toLowerCase())] },
          });
        }
      },
    };
  },
});
