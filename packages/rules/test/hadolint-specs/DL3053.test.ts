import { specTable } from './spec-table.js';

specTable(
  'DL3053',
  'invalid-label-date',
  [
    ['not an RFC 3339 date', 'LABEL datelabel="not-date"', true],
    ['not an RFC 3339 date', 'LABEL datelabel="not-date"', true, 'onbuild'],
    ['an RFC 3339 date', 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"', false],
    ['an RFC 3339 date', 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"', false, 'onbuild'],
    ['a label the schema does not name', 'LABEL other="doo"', false],
    ['a label the schema does not name', 'LABEL other="bar"', false, 'onbuild'],
  ],
  { labelSchema: { datelabel: 'rfc3339' } },
);
