import { specTable } from './spec-table.js';

specTable('DL3000', 'relative-workdir', [
  ['workdir relative', 'WORKDIR relative/dir', true],
  ['workdir absolute', 'WORKDIR /usr/local', false],
  ['workdir variable', 'WORKDIR ${work}', false],
  ['workdir relative single quotes', "WORKDIR 'relative/dir'", true],
  ['workdir absolute single quotes', "WORKDIR '/usr/local'", false],
  ['workdir relative double quotes', 'WORKDIR "relative/dir"', true],
  ['workdir absolute double quotes', 'WORKDIR "/usr/local"', false],
  ['workdir variable double quotes', 'WORKDIR "${dir}"', false],
  ['workdir absolute windows', "WORKDIR 'C:\\'", false],
  ['workdir absolute windows quotes', 'WORKDIR "C:\\"', false],
  ['workdir absolute windows alternative', 'WORKDIR C:/', false],
  ['workdir absolute windows quotes alternative', 'WORKDIR "C:/"', false],
]);
