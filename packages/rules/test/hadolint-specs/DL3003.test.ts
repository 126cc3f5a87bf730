import { specTable } from './spec-table.js';

specTable('DL3003', 'use-workdir', [
  ['ok using WORKDIR', 'WORKDIR /opt', false],
  ['not ok using cd', 'RUN cd /opt', true],
]);
