import { specTable } from './spec-table.js';

specTable('DL3019', 'apk-no-cache', [
  ['warn: apk add without --no-cache', 'RUN apk add flex=2.6.4-r1', true],
  ['warn: apk add without --no-cache', 'RUN apk add flex=2.6.4-r1', true, 'onbuild'],
  ['don\'t warn: apk add with --no-cache', 'RUN apk add --no-cache flex=2.6.4-r1', false],
  ['don\'t warn: apk add with --no-cache', 'RUN apk add --no-cache flex=2.6.4-r1', false, 'onbuild'],
  ['don\'t warn: apk add with BuildKit cache mount', 'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0', false],
  ['don\'t warn: apk add with BuildKit cache mount', 'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0', false, 'onbuild'],
  ['don\'t warn: apk add with BuildKit tmpfs mount', 'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0', false],
  ['don\'t warn: apk add with BuildKit tmpfs mount', 'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0', false, 'onbuild'],
  ['don\'t warn: apk add with BuildKit cache mount in wrong dir and --no-cache', 'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0', false],
  ['don\'t warn: apk add with BuildKit cache mount in wrong dir and --no-cache', 'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0', false, 'onbuild'],
  ['warn: apk add with BuildKit cache mount to wrong dir', 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0', true],
  ['warn: apk add with BuildKit cache mount to wrong dir', 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0', true, 'onbuild'],
  ['warn: apk add with BuildKit tmpfs mount to wrong dir', 'RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0', true],
  ['warn: apk add with BuildKit tmpfs mount to wrong dir', 'RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0', true, 'onbuild'],
]);
