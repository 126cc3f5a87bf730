import { specTable } from './spec-table.js';

specTable(
  'DL3054',
  'invalid-label-license',
  [
    ['not an SPDX identifier', 'LABEL spdxlabel="not-spdx"', true],
    ['not an SPDX identifier', 'LABEL spdxlabel="not-spdx"', true, 'onbuild'],
    ['an SPDX identifier', 'LABEL spdxlabel="BSD-3-Clause"', false],
    ['an SPDX identifier', 'LABEL spdxlabel="MIT"', false, 'onbuild'],
    ['a label the schema does not name', 'LABEL other="fooo"', false],
    ['a label the schema does not name', 'LABEL other="bar"', false, 'onbuild'],
  ],
  { labelSchema: { spdxlabel: 'spdx' } },
);
