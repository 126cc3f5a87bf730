import { defineRule, findStage, parseImageRef, type TextRange } from '@dockfix/core';

type Options = {
  readonly trustedRegistries: readonly string[];
};

/** hadolint's registry patterns: `*` alone, `*.example.com` (suffix), `example.*` (prefix), or an exact host. */
function matches(pattern: string, registry: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1));
  return registry === pattern;
}

export default defineRule<Options>({
  meta: {
    id: 'untrusted-registry',
    category: 'base-image',
    severity: 'error',
    description: 'Pull images only from the registries in `trustedRegistries`',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3026', kind: 'same' }],
    options: {
      trustedRegistries: {
        type: 'string[]',
        description: 'Registry hosts images may come from; `*.example.com` and `example.*` match by suffix and prefix. Empty: the rule checks nothing.',
        default: [],
      },
    },
    docs: {
      rationale: [
        'Organisations that mirror and scan their base images want every `FROM`, `COPY --from=<image>` and',
        '`RUN --mount=from=<image>` to pull from their registry, not straight from the internet. List the allowed',
        'hosts in `trustedRegistries` (hadolint\'s `trustedRegistries` in `.hadolint.yaml` maps to it); with the',
        'list empty, the default, the rule checks nothing. An image without a host comes from Docker Hub and is',
        'allowed when `docker.io` or `hub.docker.com` is listed; `scratch` and earlier stages are always allowed.',
      ].join('\n'),
      invalid: ['FROM ghcr.io/acme/base:1.2\nRUN echo hi\n'],
      valid: ['FROM registry.example.com/acme/base:1.2\nRUN echo hi\n'],
      fixNotes: 'No automatic fix: where a mirror of the image lives is site knowledge.',
      exampleOptions: { trustedRegistries: ['registry.example.com'] },
    },
  },
  create(ctx) {
    const allowed = ctx.options.trustedRegistries ?? [];
    const trusted = (registry: string) => allowed.some((pattern) => matches(pattern, registry));
    const check = (reference: string, range: TextRange, stageReference: boolean) => {
      if (allowed.length === 0 || reference.includes('$')) return;
      // `--from=` may name a stage (by name or index) rather than an image.
      if (stageReference && findStage(ctx.model.stages, reference)) return;
      const image = parseImageRef(reference, ctx.model.globalArgs);
      if (image.scratch || image.unresolved) return;
      const ok = image.registry ? trusted(image.registry) : trusted('docker.io') || trusted('hub.docker.com');
      if (ok) return;
      ctx.report({ node: range, message: `\`${reference}\` comes from ${image.registry ?? 'Docker Hub'}, which is not in trustedRegistries` });
    };
    return {
      FROM(instruction) {
        if (instruction.from.parentStage) return;
        const arg = instruction.args[0];
        if (arg) check(arg.value, arg.range, false);
      },
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from');
        if (from?.value) check(from.value, from.range, true);
      },
      RUN(instruction) {
        for (const flag of instruction.flags) {
          const match = flag.name === 'mount' && flag.value ? /(?:^|,)from=([^,]+)/.exec(flag.value) : null;
          if (match?.[1]) check(match[1], flag.range, true);
        }
      },
    };
  },
});
