import { specTable } from './spec-table.js';

specTable('DL3057', 'missing-healthcheck', [
  ['no HEALTHCHECK', 'FROM scratch\n', true],
  ['HEALTHCHECK explicitly disabled', 'FROM scratch\nHEALTHCHECK NONE\n', false],
  ['one HEALTHCHECK', 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n', false],
  ['HEALTHCHECK inherited from the parent stage', 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n', false],
  ['chain of stages ending with a HEALTHCHECK', 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n', false],
  [
    'chain of stages that forks, one branch without a HEALTHCHECK',
    'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\nFROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n',
    true,
  ],
  ['last stage not built on the one with the HEALTHCHECK', 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', true],
]);
