import { specTable } from './spec-table.js';

specTable('DL3012', 'duplicate-healthcheck', [
  ['no HEALTHCHECK instruction', 'FROM scratch', false],
  ['one HEALTHCHECK instruction', 'FROM scratch\nHEALTHCHECK CMD /bin/bla', false],
  ['two HEALTHCHECK instructions in two stages', 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2', false],
  ['two HEALTHCHECK instructions', 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2', true],
]);
