import { specTable } from './spec-table.js';

specTable('DL3015', 'apt-no-install-recommends', [
  ['apt-get install recommends', 'RUN apt-get install --no-install-recommends python', false],
  ['apt-get install recommends', 'RUN apt-get install --no-install-recommends python', false, 'onbuild'],
  ['apt-get no install recommends', 'RUN apt-get install python', true],
  ['apt-get no install recommends', 'RUN apt-get install python', true, 'onbuild'],
  ['apt-get no install recommends: -y before install', 'RUN apt-get -y install python', true],
  ['apt-get no install recommends: -y before install', 'RUN apt-get -y install python', true, 'onbuild'],
  ['apt-get no install recommends via option', 'RUN apt-get -o APT::Install-Recommends=false install python', false],
  ['apt-get no install recommends via option', 'RUN apt-get -o APT::Install-Recommends=false install python', false, 'onbuild'],
]);
