import { specTable } from './spec-table.js';

specTable('DL3022', 'copy-from-unknown-stage', [
  ['missing alias', 'COPY --from=foo bar .', true],
  ['alias defined after', 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n', true],
  ['correctly defined aliases', 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n', false],
  ['external images', 'COPY --from=haskell:latest bar .', false],
  // hadolint's fragment is `COPY --from=0 bar .` with no stage at all; the spec table puts `FROM scratch` in
  // front, which would make 0 the current stage, so the index past every stage keeps the example's point.
  ['invalid stage count as --from=<count>', 'COPY --from=1 bar .', true],
  ['valid stage count as --from=<count> (named stage)', 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .\n', false],
  ['valid stage count as --from=<count> (unnamed stage)', 'FROM scratch\nRUN foo\nFROM node\nCOPY --from=0 foo .\n', false],
]);
