import { specTable } from './spec-table.js';

specTable('DL3010', 'copy-archive-then-extract', [
  ['copy archive then extract 1', 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n', true],
  ['copy archive then extract 2', 'COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n', true],
  ['copy archive then extract 3', 'COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n', true],
  ['copy archive then extract windows paths 1', 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n', true],
  ['copy archive then extract windows paths 2', 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n', true],
  ['copy archive without extract', 'COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\n', false],
  ['non archive', 'COPY package.json /usr/src/app', false],
  ['copy from previous stage', 'COPY --from=builder /usr/local/share/some.tar /opt/some.tar', false],
]);
