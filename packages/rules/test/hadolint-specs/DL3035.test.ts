import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3035', 'zypper-no-dist-upgrade', [
  ...both('zypper dist-upgrade', 'RUN zypper dist-upgrade', true),
  ...both('zypper dup', 'RUN zypper dup', true),
]);
