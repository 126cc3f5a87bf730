import { specTable } from './spec-table.js';

specTable(
  'DL3050',
  'superfluous-label',
  [
    ['no label', '', false],
    ['no label', '', false, 'onbuild'],
    ['required label', 'LABEL required="foo"', false],
    ['required label', 'LABEL required="bar"', false, 'onbuild'],
    ['only another label', 'LABEL other="bar"', true],
    ['only another label', 'LABEL other="bar"', true, 'onbuild'],
    ['another label beside the required one', 'LABEL required="foo" other="bar"', true],
    ['another label beside the required one', 'LABEL required="foo" other="bar"', true, 'onbuild'],
  ],
  { labelSchema: { required: 'text' }, strictLabels: true },
);
