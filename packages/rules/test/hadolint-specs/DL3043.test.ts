import { specTable } from './spec-table.js';

const ok = ['ADD anything anywhere', 'USER anything', 'LABEL bla="blubb"', 'STOPSIGNAL anything', 'COPY anything anywhere', 'RUN anything', 'CMD anything', 'SHELL anything', 'WORKDIR anything', 'EXPOSE 69', 'VOLUME anything', 'ENTRYPOINT anything', 'ENV MYVAR="bla"', 'ARG anything', 'HEALTHCHECK NONE'];

specTable('DL3043', 'onbuild-trigger-disallowed', [
  ['ONBUILD within ONBUILD', 'ONBUILD ONBUILD RUN anything\n', true],
  ['FROM within ONBUILD', 'ONBUILD FROM debian:buster\n', true],
  ['MAINTAINER within ONBUILD', 'ONBUILD MAINTAINER "BoJack Horseman"\n', true],
  ...ok.map((trigger): [string, string, boolean] => [`ONBUILD ${trigger.split(' ')[0] ?? ''}`, `ONBUILD ${trigger}`, false]),
  ['FROM outside of ONBUILD', 'FROM debian:buster', false],
  ['MAINTAINER outside of ONBUILD', 'MAINTAINER "Some Guy"', false],
]);
