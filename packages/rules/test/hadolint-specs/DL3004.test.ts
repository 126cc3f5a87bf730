import { specTable } from './spec-table.js';

specTable('DL3004', 'no-sudo', [
  ['sudo', 'RUN sudo apt-get update', true],
  ['sudo', 'RUN sudo apt-get update', true, 'onbuild'],
  ['install sudo', 'RUN apt-get install sudo', false],
  ['install sudo', 'RUN apt-get install sudo', false, 'onbuild'],
  ['sudo chained programs', 'RUN apt-get update && sudo apt-get install', true],
  ['sudo chained programs', 'RUN apt-get update && sudo apt-get install', true, 'onbuild'],
]);
