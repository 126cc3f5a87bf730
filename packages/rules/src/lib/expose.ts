import type { Instruction, Source, TextRange } from '@dockfix/core';

/** One port of an EXPOSE, split the way BuildKit splits `[ip:][hostPort:]containerPort[/proto]`. */
export interface ExposedPort {
  readonly text: string;
  readonly range: TextRange;
  /** `ip:hostPort:` or `hostPort:` with its colon; '' when there is none. */
  readonly hostPart: string;
  readonly protocol: string;
  readonly protocolRange: TextRange | null;
}

/** The ports of an EXPOSE written plainly: no variable (known only at build time), no quotes or escapes. */
export function exposePorts(source: Source, expose: Instruction): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const arg of expose.args) {
    const text = arg.value;
    if (text.includes('$') || source.slice(arg.range) !== text) continue;
    const colon = text.lastIndexOf(':');
    const hostPart = colon === -1 ? '' : text.slice(0, colon + 1);
    const slash = text.indexOf('/', colon + 1);
    const protocol = slash === -1 ? '' : text.slice(slash + 1);
    ports.push({
      text,
      range: arg.range,
      hostPart,
      protocol,
      protocolRange: slash === -1 ? null : { start: arg.range.start + slash + 1, end: arg.range.end },
    });
  }
  return ports;
}
