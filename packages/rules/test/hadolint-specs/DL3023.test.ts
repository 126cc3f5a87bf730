import { specTable } from './spec-table.js';

specTable('DL3023', 'copy-from-self', [
  ['copying from the same FROM', 'FROM node as foo\nCOPY --from=foo bar .\n', true],
  ['copying from other sources', 'FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz\n', false],
]);
