import { specTable } from './spec-table.js';

specTable('DL3063', 'reserved-stage-name', [
  ['stage name scratch', 'FROM foo:bar AS scratch', true],
  ['stage name context', 'FROM foo:bar AS context', true],
  ['stage name foobar', 'FROM foo:bar AS foobar', false],
]);
