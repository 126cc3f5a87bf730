import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, text: string, catches: boolean): SpecCase[] => [[name, text, catches], [name, text, catches, 'onbuild']];

// hadolint's ARG examples declare the ARG before the first FROM; the spec table puts a FROM in front of a
// text that does not start with one, so here they are stage ARGs, which the rule reports alike.
specTable('DL3064', 'secrets-in-env', [
  ...both('no ARG, no ENV', 'FROM debian:bullseye\nRUN foobar\n', false),
  ...both('ARG without sensitive data', 'ARG foobar\nFROM debian:bullseye\nRUN foobar\n', false),
  ...both('ENV without sensitive data', 'FROM debian:bullseye\nENV foobar=barfoo\nRUN foobar\n', false),
  ...both('ARG with sensitive data', 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye\nRUN foobar\n', true),
  ...both('ARG with sensitive data, lower case', 'ARG openai_api_key\nFROM debian:bullseye\nRUN foobar\n', true),
  ...both('ENV with sensitive data', 'FROM debian:bullseye\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n', true),
  ...both('ENV with sensitive data, lower case', 'FROM debian:bullseye\nENV my_password=abcdefghijklmnopqrstuvwxyz\nRUN foobar\n', true),
]);
