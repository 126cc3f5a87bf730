import { specTable, type SpecCase } from './spec-table.js';

function both(name: string, run: string, catches: boolean): SpecCase[] {
  const text = `FROM node as foo\n${run}\n`;
  return [[name, text, catches], [name, text, catches, 'onbuild']];
}

specTable('DL3047', 'wget-progress', [
  ...both('wget without --progress', 'RUN wget my.xyz', true),
  ...both('wget --progress', 'RUN wget --progress=dot:giga my.xyz', false),
  ...both('wget -q', 'RUN wget -q my.xyz', false),
  ...both('wget --quiet', 'RUN wget --quiet my.xyz', false),
  ...both('wget -nv', 'RUN wget -nv my.xyz', false),
  ...both('wget --no-verbose', 'RUN wget --no-verbose my.xyz', false),
  ...both('wget --output-file', 'RUN wget --output-file=/tmp/wget.log my.xyz', false),
  ...both('wget -o', 'RUN wget -o /tmp/wget.log my.xyz', false),
  ...both('wget --append-output', 'RUN wget --append-output=/tmp/wget.log my.xyz', false),
  ...both('wget -a', 'RUN wget -a /tmp/wget.log my.xyz', false),
]);
