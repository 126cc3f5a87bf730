import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, text: string, catches: boolean): SpecCase[] => [[name, text, catches], [name, text, catches, 'onbuild']];

specTable(
  'DL3055',
  'invalid-label-hash',
  [
    ...both('not a git hash', 'LABEL githash="not-git-hash"', true),
    ...both('short git hash', 'LABEL githash="2dbfae9"', false),
    ...both('long git hash', 'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"', false),
    ['a label the schema does not name', 'LABEL other="foo"', false],
    ['a label the schema does not name', 'LABEL other="bar"', false, 'onbuild'],
  ],
  { labelSchema: { githash: 'hash' } },
);
