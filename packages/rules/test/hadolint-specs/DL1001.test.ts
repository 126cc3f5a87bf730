import { specTable } from './spec-table.js';

specTable('DL1001', 'no-inline-ignore', [
  ['catches inline ignore pragma', '# hadolint ignore=DL3003\nRUN foo bar', true],
  ['does not catch other pragma', '# hadolint shell=powershell\nRUN foo bar', false],
  ['does not catch other comment', '# foobar\nRUN foo bar', false],
  ['does not catch when inline ignore pragma is absent', 'FROM debian\nRUN foo bar', false],
]);
