import { specTable } from './spec-table.js';

specTable('DL3021', 'copy-dest-slash', [
  ['no warn on 2 args', 'COPY foo bar', false],
  ['warn on 3 args', 'COPY foo bar baz', true],
  ['no warn on 3 args', 'COPY foo bar baz/', false],
  ['warn on 3 args with quotes', 'COPY foo bar "baz"', true],
  ['no warn on 3 args with quotes', 'COPY foo bar "baz/"', false],
]);
