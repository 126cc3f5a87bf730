import { specTable } from './spec-table.js';

specTable('DL3044', 'env-self-reference', [
  ['normal ENV', 'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"', false],
  ['partial match 1', 'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"', false],
  ['partial match 2', 'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"', false],
  ['partial match 3', 'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"', false],
  ['partial match 4', 'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"', false],
  ['partial match 5', 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"', true],
  ['partial match 6', 'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"', false],
  ['previously defined in ARG', 'ARG BLA\nENV BLA=${BLA}', false],
  ['previously defined in ENV', 'ENV BLA blubb\nENV BLA=${BLA}', false],
  ['variable on its own right hand side', 'ENV PATH=/bla:${PATH}', false],
  ['own right side twice in different ENVs', 'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}', false],
  ['own right side twice within the same ENV', 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}', true],
  ['self-reference with curly braces', 'ENV BLA="blubb" BLUBB="${BLA}/blubb"', true],
  ['self-reference without curly braces', 'ENV BLA="blubb" BLUBB="$BLA/blubb"', true],
  ['full match 1', 'ENV BLA="blubb" BLUBB="$BLA"', true],
  ['full match 2', 'ENV BLA="blubb" BLUBB="${BLA}"', true],
]);
