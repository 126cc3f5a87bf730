import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, text: string, catches: boolean): SpecCase[] => [[name, text, catches], [name, text, catches, 'onbuild']];

specTable('DL3048', 'invalid-label-key', [
  ...both('reserved namespace com.docker', 'LABEL com.docker.label="foo"', true),
  ...both('reserved namespace io.docker', 'LABEL io.docker.label="foo"', true),
  ...both('reserved namespace org.dockerproject', 'LABEL org.dockerproject.label="foo"', true),
  ...both('invalid character', 'LABEL invalid$character="foo"', true),
  // hadolint's plain variants have a space before the `=`, its ONBUILD variants none.
  ['starts with .', 'LABEL .invalid ="foo"', true],
  ['starts with -', 'LABEL -invalid ="foo"', true],
  ['starts with a digit', 'LABEL 1invalid ="foo"', true],
  ['starts with .', 'LABEL .invalid="foo"', true, 'onbuild'],
  ['starts with -', 'LABEL -invalid="foo"', true, 'onbuild'],
  ['starts with a digit', 'LABEL 1invalid="foo"', true, 'onbuild'],
  ...both('consecutive dots', 'LABEL invalid..character="foo"', true),
  ...both('consecutive dashes', 'LABEL invalid--character="foo"', true),
  ...both('valid namespaced key', 'LABEL org.valid-key.label3="foo"', false),
  ...both('valid plain key', 'LABEL validlabel="foo"', false),
]);
