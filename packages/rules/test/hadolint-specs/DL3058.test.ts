import { specTable } from './spec-table.js';

specTable(
  'DL3058',
  'invalid-label-email',
  [
    ['not an email address', 'LABEL maintainer="not-email"', true],
    ['not an email address', 'LABEL maintainer="not-email"', true, 'onbuild'],
    ['an email address', 'LABEL maintainer="abcd@google.com"', false],
    ['an email address', 'LABEL maintainer="abcd@google.com"', false, 'onbuild'],
    ['a label the schema does not name', 'LABEL other="doo"', false],
    ['a label the schema does not name', 'LABEL other="bar"', false, 'onbuild'],
  ],
  { labelSchema: { maintainer: 'email' } },
);
