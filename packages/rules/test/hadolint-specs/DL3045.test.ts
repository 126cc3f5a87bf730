import { specTable, type SpecCase } from './spec-table.js';

/**
 * hadolint runs most DL3045 examples twice, as written and inside ONBUILD. Fragments get a Debian FROM
 * rather than the table's default `FROM scratch`: on scratch the working directory is always `/`, so
 * dockfix (deliberately, see the rule's doc page) does not report there.
 */
function both(name: string, text: string, catches: boolean): SpecCase[] {
  const file = /^FROM\s/i.test(text) ? text : `FROM debian:buster\n${text}`;
  return [[name, file, catches], [name, file, catches, 'onbuild']];
}

specTable('DL3045', 'copy-relative-without-workdir', [
  ...both('absolute destination, no WORKDIR', 'COPY bla.sh /usr/local/bin/blubb.sh', false),
  ...both('absolute destination with quotes, no WORKDIR', 'COPY bla.sh "/usr/local/bin/blubb.sh"', false),
  ...both('absolute windows destination, no WORKDIR', 'COPY bla.sh c:\\system32\\blubb.sh', false),
  ...both('absolute windows destination with quotes', 'COPY bla.sh "c:\\system32\\blubb.sh"', false),
  ...both('absolute windows destination, alternative separators', 'COPY bla.sh c:/system32/blubb.sh', false),
  ...both('relative destination, WORKDIR set', 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh', false),
  ...both('relative destination, windows WORKDIR set', 'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh', false),
  // Not in hadolint's spec (hadolint reports it): a relative destination on scratch, always below `/`.
  ['relative destination on scratch (hadolint: reported)', 'FROM scratch\nCOPY bla.sh blubb.sh', false],
  ...both('destination is a variable 1', 'COPY src.sh ${SRC_BASE_ENV}', false),
  ...both('destination is a variable 2', 'COPY src.sh $SRC_BASE_ENV', false),
  ...both('destination is a variable 3', 'COPY src.sh "${SRC_BASE_ENV}"', false),
  ...both('destination is a variable 4', 'COPY src.sh "$SRC_BASE_ENV"', false),
  ...both('relative destination, no WORKDIR', 'COPY bla.sh blubb.sh', true),
  ...both('relative destination with quotes, no WORKDIR', 'COPY bla.sh "blubb.sh"', true),
  ...both('WORKDIR set in a previous stage but not inherited', 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n', true),
  ...both('WORKDIR set in a previous stage but not inherited - windows', 'FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n', true),
  ...both('WORKDIR set in base stage', 'FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n', false),
  ...both('WORKDIR set in base stage - windows', 'FROM microsoft/windowsservercore as base\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n', false),
  ...both('WORKDIR set in a previous stage, deep case', 'FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n', false),
  ...both('WORKDIR set in a previous stage, deep case - windows', 'FROM microsoft/windowsservercore as base1\nWORKDIR c:\\system32\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n', false),
  // hadolint runs this one as written (the ONBUILD lines are the point) and wrapped again; both expect no report.
  ['WORKDIR and COPY both inside ONBUILD', 'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n', false],
  ...both('regression: single character paths', 'COPY a b', true),
]);
