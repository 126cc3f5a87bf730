import { specTable } from './spec-table.js';

specTable('DL3001', 'pointless-command', [
  ['invalid cmd', 'RUN top', true],
  ['invalid cmd', 'RUN top', true, 'onbuild'],
  ['install ssh', 'RUN apt-get install ssh', false],
  ['install ssh', 'RUN apt-get install ssh', false, 'onbuild'],
]);
