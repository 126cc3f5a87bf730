import { specTable } from './spec-table.js';

specTable('DL4003', 'duplicate-cmd', [
  ['many cmds', 'FROM debian\nCMD bash\nRUN foo\nCMD another\n', true],
  ['single cmds, different stages', 'FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n', false],
  ['many cmds, different stages', 'FROM debian as distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian as distro2\nCMD another\n', true],
  ['single cmd', 'CMD /bin/true', false],
]);
