import { specTable } from './spec-table.js';

specTable('DL3066', 'numeric-user', [
  ['numeric UID', 'USER 12345', false],
  ['numeric UID and GID', 'USER 1234:5678', false],
  ['non-numeric UID', 'USER foobar', true],
  ['non-numeric UID and GID', 'USER foobar:barfoo', true],
  ['UID is a defined ARG', 'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n', false],
]);
