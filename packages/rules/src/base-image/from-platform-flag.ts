import { defineRule } from '@dockfix/core';

export default defineRule({
  meta: {
    id: 'from-platform-flag',
    category: 'base-image',
    severity: 'warning',
    description: 'Do not pin `FROM --platform` to a fixed platform; use `$BUILDPLATFORM` or `$TARGETPLATFORM`',
    fix: 'none',
    sources: [
      { tool: 'hadolint', rule: 'DL3029', kind: 'same' },
      { tool: 'buildkit', rule: 'FromPlatformFlagConstDisallowed', kind: 'inspired' },
    ],
    docs: {
      rationale: [
        '`FROM --platform=linux/amd64 …` builds that stage for one platform whatever `docker build --platform`',
        'asks for, so a multi-platform build silently ships amd64 binaries on arm64 (run under emulation, or',
        'not at all). The platform flag is meant for `$BUILDPLATFORM` (cross-compiling in a build stage) and',
        'its relatives. As hadolint does, the rule reports any `--platform` value that names neither',
        '`BUILDPLATFORM` nor `TARGETPLATFORM`.',
        '',
        'BuildKit\'s FromPlatformFlagConstDisallowed is narrower: it reports only constant values and stays quiet',
        'when the stage name contains the platform\'s OS or architecture (`AS build_amd64`), a sign the pin is',
        'deliberate. So it is listed as related, not as an alias.',
      ].join('\n'),
      invalid: ['FROM --platform=linux/amd64 debian:bookworm-slim\nRUN echo hi\n'],
      valid: ['FROM --platform=$BUILDPLATFORM golang:1.26 AS build\nRUN go version\n\nFROM debian:bookworm-slim\n'],
      fixNotes: 'No automatic fix: removing the pin changes which image is pulled, and some pins are deliberate.',
    },
  },
  create(ctx) {
    return {
      FROM(instruction) {
        const platform = instruction.from.platform;
        if (platform?.value == null) return;
        if (/BUILDPLATFORM|TARGETPLATFORM/.test(platform.value)) return;
        ctx.report({ node: platform.range, message: `\`--platform=${platform.value}\` pins the stage to one platform whatever the build targets` });
      },
    };
  },
});
