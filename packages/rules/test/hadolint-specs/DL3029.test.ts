import { specTable } from './spec-table.js';

specTable('DL3029', 'from-platform-flag', [
  ['explicit platform flag', 'FROM --platform=linux debian:jessie', true],
  ['no platform flag', 'FROM debian:jessie', false],
  ['platform $BUILDPLATFORM', 'FROM --platform=$BUILDPLATFORM debian:jessie', false],
  ['platform "$BUILDPLATFORM"', 'FROM --platform="$BUILDPLATFORM" debian:jessie', false],
  ['platform ${BUILDPLATFORM}', 'FROM --platform=${BUILDPLATFORM} debian:jessie', false],
  ['platform ${BUILDPLATFORM:-}', 'FROM --platform=${BUILDPLATFORM:-} debian:jessie', false],
  ['platform "${BUILDPLATFORM:-}"', 'FROM --platform="${BUILDPLATFORM:-}" debian:jessie', false],
  ['platform $TARGETPLATFORM', 'FROM --platform=$TARGETPLATFORM debian:jessie', false],
]);
