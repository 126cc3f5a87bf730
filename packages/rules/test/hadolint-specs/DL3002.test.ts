import { specTable } from './spec-table.js';

specTable('DL3002', 'no-root-user', [
  ['last user should not be root', 'FROM scratch\nUSER root', true],
  ['no root', 'FROM scratch\nUSER foo', false],
  ['no root UID', 'FROM scratch\nUSER 0', true],
  ['no root:root', 'FROM scratch\nUSER root:root', true],
  ['no UID:GID', 'FROM scratch\nUSER 0:0', true],
  ['can switch back to non root', 'FROM scratch\nUSER root\nRUN something\nUSER foo', false],
  ['warns on transitive root user', 'FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else', true],
  ['warns on multiple stages', 'FROM debian as base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else', true, undefined, 'only the final image runs; a builder stage\'s user never does'],
  ['does not warn when switching in multiple stages', 'FROM debian as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else', false],
]);
