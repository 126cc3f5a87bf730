import { specTable } from './spec-table.js';

specTable('DL3025', 'exec-form-cmd', [
  ['ENTRYPOINT', 'FROM node as foo\nENTRYPOINT something\n', true],
  ['ENTRYPOINT json notation', 'FROM scratch as build\nENTRYPOINT ["foo", "bar"]\n', false],
  ['CMD', 'FROM node as foo\nCMD something\n', true],
  ['CMD json notation', 'FROM scratch as build\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]\n', false],
  ['HEALTHCHECK CMD shell notation', 'HEALTHCHECK CMD foobar\n', true, undefined, 'a health check is a short-lived child, not PID 1: no signal is lost'],
  ['HEALTHCHECK CMD json notation', 'HEALTHCHECK CMD [ "foobar" ]\n', false],
  // dockfix reads the array across its continuation lines (the point of the example), then asks the
  // `sh -c` wrapper to `exec` its last command, which hadolint does not check.
  [
    'CMD JSON notation with broken long strings',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
    false,
    undefined,
    'dockfix also asks a `sh -c` wrapper to `exec` its last command',
  ],
]);
