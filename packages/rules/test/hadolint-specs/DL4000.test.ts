import { specTable } from './spec-table.js';

specTable('DL4000', 'maintainer-deprecated', [
  ['deprecated maintainer', 'FROM busybox\nMAINTAINER hudu@mail.com', true],
  ['maintainer', 'FROM debian\nMAINTAINER Lukas', true],
  // hadolint's "MAINTAINER Lukas\nFROM DEBIAN": dockfix refuses an instruction before the first FROM (a
  // syntax error for BuildKit) until fragment support lands, so the spec table puts a FROM in front.
  ['maintainer first', 'MAINTAINER Lukas\nFROM DEBIAN', true],
  ['no maintainer', 'FROM debian', false],
]);
