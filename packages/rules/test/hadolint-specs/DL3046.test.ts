import { specTable } from './spec-table.js';

specTable('DL3046', 'useradd-no-log-init', [
  ['useradd alone', 'RUN useradd luser', false],
  ['useradd short uid', 'RUN useradd -u 12345 luser', false],
  ['useradd long uid and flag -l', 'RUN useradd -l -u 123456 luser', false],
  ['useradd and just flag -l', 'RUN useradd -l luser', false],
  ['useradd and long uid without flag -l', 'RUN useradd -u 123456 luser', true],
]);
