import { specTable } from './spec-table.js';

specTable(
  'DL3051',
  'empty-label',
  [
    ['label empty', 'LABEL emptylabel=""', true],
    ['label empty', 'LABEL emptylabel=""', true, 'onbuild'],
    ['label not empty', 'LABEL emptylabel="foo"', false],
    ['label not empty', 'LABEL emptylabel="bar"', false, 'onbuild'],
    ['another label empty', 'LABEL other=""', false],
    ['another label empty', 'LABEL other=""', false, 'onbuild'],
  ],
  { labelSchema: { emptylabel: 'text' } },
);
