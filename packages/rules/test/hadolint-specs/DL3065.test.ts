import { specTable } from './spec-table.js';

specTable('DL3065', 'redundant-target-platform', [
  ['FROM without --platform', 'FROM alpine:3.24', false],
  ['--platform=$FOOBAR', 'FROM --platform=$FOOBAR alpine:3.24', false],
  ['--platform=foobar', 'FROM --platform=foobar alpine:3.24', false],
  ['--platform=foobar/arm64', 'FROM --platform=foobar/arm64 alpine:3.24', false],
  ['--platform=$TARGETPLATFORM', 'FROM --platform=$TARGETPLATFORM alpine:3.24', true],
  ['--platform=${TARGETPLATFORM}', 'FROM --platform=${TARGETPLATFORM} alpine:3.24', true],
]);
