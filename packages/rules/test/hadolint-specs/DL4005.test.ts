import { specTable } from './spec-table.js';

specTable('DL4005', 'use-shell-instruction', [
  ['RUN ln', 'RUN ln -sfv /bin/bash /bin/sh', true],
  ['RUN ln', 'RUN ln -sfv /bin/bash /bin/sh', true, 'onbuild'],
  ['RUN ln with unrelated symlinks', 'RUN ln -sf /bin/true /sbin/initctl', false],
  ['RUN ln with unrelated symlinks', 'RUN ln -sf /bin/true /sbin/initctl', false, 'onbuild'],
  ['RUN ln with multiple acceptable commands', 'RUN ln -s foo bar && unrelated && something_with /bin/sh', false],
  ['RUN ln with multiple acceptable commands', 'RUN ln -s foo bar && unrelated && something_with /bin/sh', false, 'onbuild'],
]);
