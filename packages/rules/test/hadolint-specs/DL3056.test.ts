import { specTable } from './spec-table.js';

specTable(
  'DL3056',
  'invalid-label-version',
  [
    ['not a semantic version', 'LABEL semver="not-sem-ver"', true],
    ['not a semantic version', 'LABEL semver="not-sem-ver"', true, 'onbuild'],
    ['a semantic version', 'LABEL semver="1.0.0"', false],
    ['a semantic version', 'LABEL semver="2.0.1-rc1"', false, 'onbuild'],
    ['a label the schema does not name', 'LABEL other="foo"', false],
    ['a label the schema does not name', 'LABEL other="bar"', false, 'onbuild'],
  ],
  { labelSchema: { semver: 'semver' } },
);
