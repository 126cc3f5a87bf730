import { specTable } from './spec-table.js';

specTable('DL3024', 'duplicate-stage-name', [
  ['duplicate aliases', 'FROM node as foo\nRUN something\nFROM scratch as foo\nRUN something\n', true],
  ['unique aliases', 'FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz\n', false],
]);
