import { describe, expect, it } from 'vitest';
import { lintWith, specTable, type SpecCase } from './spec-table.js';

const schema = { labelSchema: { foo: 'text' } };
const both = (name: string, text: string, catches: boolean): SpecCase[] => [[name, text, catches], [name, text, catches, 'onbuild']];

specTable(
  'DL3049',
  'missing-label',
  [
    ...both('single stage, no label', 'FROM baseimage', true),
    ...both('single stage, another label', 'FROM baseimage\nLABEL bar="baz"', true),
    ['single stage, label present', 'FROM baseimage\nLABEL foo="bar"', false],
  ],
  schema,
);

// hadolint's ONBUILD variants wrap only RUNs, so its variant of "label present" is the plain example; the
// spec table's would wrap the LABEL too, and a trigger labels the images built from this one, not this one.
describe('missing-label and ONBUILD', () => {
  it('reports a label that only an ONBUILD trigger sets', () => {
    const found = lintWith('DL3049', 'FROM baseimage\nONBUILD LABEL foo="bar"\n', schema);
    expect(found.map((d) => d.ruleId)).toEqual(['missing-label']);
  });
});

/** hadolint's multi-stage examples count the reports: one per stage that ends without the label. */
const counted: readonly (readonly [name: string, text: string, reports: number])[] = [
  ['two stages, no labels', 'FROM stage1\nFROM stage2\n', 2],
  ['two stages, other labels only', 'FROM stage1\nLABEL bar="baz"\nFROM stage2\nLABEL buzz="fuzz"\n', 2],
  ['two stages, label in the first only', 'FROM baseimage\nLABEL foo="bar"\nFROM newimage\n', 1],
  ['two stages, label in the second only', 'FROM baseimage\nFROM newimage\nLABEL foo="bar"\n', 1],
  ['two unrelated stages, another label in one', 'FROM baseimage\nLABEL baz="bar"\nFROM newimage\nLABEL foo="bar"\n', 1],
  ['a stage built on another, no labels', 'FROM baseimage as base\nFROM base\n', 2],
  ['a stage built on another, label set in the second', 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n', 0],
  ['label in the last stage, which copies from the first', 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n', 0],
  ['label in the last stage, no connection to the first', 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\n', 1],
  ['a stage built on another, label set in the first', 'FROM baseimage as base\nLABEL foo="bar"\nFROM base\n', 0],
  [
    'two results copying from one stage, label in one result',
    'FROM baseimage as base\nFROM newimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n\nFROM newimage\nCOPY --from=base /bar /baz\n',
    1,
  ],
  ['two results built on one stage, label in the first result', 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n\nFROM base\n', 1],
  ['two results built on one stage, label in the second result', 'FROM baseimage as base\nFROM base\n\nFROM base\nLABEL foo="bar"\n', 1],
];

describe('hadolint DL3049 spec → missing-label, counted', () => {
  for (const [name, text, reports] of counted) {
    it(`${reports} report${reports === 1 ? '' : 's'}: ${name}`, () => {
      const found = lintWith('DL3049', text, schema);
      expect(found.every((d) => d.ruleId === 'missing-label')).toBe(true);
      expect(found).toHaveLength(reports);
    });
  }
});
