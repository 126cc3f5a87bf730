import { specTable } from './spec-table.js';

specTable('DL3027', 'apt-use-apt-get', [
  ['apt', 'FROM ubuntu\nRUN apt install python\n', true],
  ['apt', 'FROM ubuntu\nRUN apt install python\n', true, 'onbuild'],
]);
