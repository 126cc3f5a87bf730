import { specTable } from './spec-table.js';

specTable('DL3020', 'prefer-copy', [
  ['add for tar', 'ADD file.tar /usr/src/app/', false],
  ['add for gzip', 'ADD file.gz /usr/src/app/', false],
  ['add for bz2', 'ADD file.bz2 /usr/src/app/', false],
  ['add for xz', 'ADD file.xz /usr/src/app/', false],
  ['add for tgz', 'ADD file.tgz /usr/src/app/', false],
  ['add for url', 'ADD http://file.com /usr/src/app/', false],
  ['using add', 'ADD file /usr/src/app/', true],
  ['warn for zip', 'ADD file.zip /usr/src/app/', true],
  ['add for tgz with quotes', 'ADD "file.tgz" /usr/src/app/', false],
  ['add for url with quotes', 'ADD "http://file.com" /usr/src/app/', false],
  ['warn for zip with quotes', 'ADD "file.zip" /usr/src/app/', true],
]);
