import { defineRule } from '@dockfix/core';

export default defineRule({
  meta: {
    id: 'expose-port-range',
    category: 'instructions',
    severity: 'error',
    description: 'Expose only ports from 0 to 65535',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3011', kind: 'same' }],
    docs: {
      rationale: [
        'TCP and UDP ports are 16-bit numbers. `EXPOSE 80000` is a typo (often for `8000`); the image metadata',
        'then names a port no program can listen on. The rule checks single ports and ranges (`8000-8100/tcp`);',
        'a port written with a variable is left alone.',
      ].join('\n'),
      invalid: ['FROM nginx:1.29\nEXPOSE 80000\n'],
      valid: ['FROM nginx:1.29\nEXPOSE 8000 8443/tcp 9000-9100/udp\n'],
      fixNotes: 'No automatic fix: which port was meant needs a person.',
    },
  },
  create(ctx) {
    return {
      EXPOSE(instruction) {
        for (const arg of instruction.args) {
          const spec = arg.value.replace(/^["']|["']$/g, '').split('/')[0] ?? '';
          // `8080:80` is another rule's concern (ExposeInvalidFormat); the port is the part after the last colon.
          const ports = (spec.split(':').at(-1) ?? '').split('-');
          if (ports.some((port) => !/^\d+$/.test(port))) continue;
          const over = ports.find((port) => Number(port) > 65535);
          if (over) ctx.report({ node: arg.range, message: `port ${over} is out of range: ports go from 0 to 65535` });
        }
      },
    };
  },
});
