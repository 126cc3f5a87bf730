import { specTable } from './spec-table.js';

specTable(
  'DL3052',
  'invalid-label-url',
  [
    ['not a URL', 'LABEL urllabel="not-url"', true],
    ['not a URL', 'LABEL urllabel="not-url"', true, 'onbuild'],
    ['a URL', 'LABEL urllabel="http://example.com"', false],
    ['a URL', 'LABEL urllabel="http://example.com"', false, 'onbuild'],
    ['a label the schema does not name', 'LABEL other="foo"', false],
    ['a label the schema does not name', 'LABEL other="bar"', false, 'onbuild'],
  ],
  { labelSchema: { urllabel: 'url' } },
);
