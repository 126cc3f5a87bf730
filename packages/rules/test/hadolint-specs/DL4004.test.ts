import { specTable } from './spec-table.js';

specTable('DL4004', 'duplicate-entrypoint', [
  ['no cmd', 'FROM busybox', false],
  ['many entrypoints', 'FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n', true],
  ['single entrypoint, different stages', 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian as distro2\nENTRYPOINT another\n', false],
  ['many entrypoints, different stages', 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\nFROM debian as distro2\nENTRYPOINT another\n', true],
  ['single entry', 'ENTRYPOINT /bin/true', false],
  ['no entry', 'FROM busybox', false],
]);
