import { describe, expect, it } from 'vitest';
import { ruleOptionProblem, type RuleOption } from '../src/rule.js';

const option = (type: RuleOption['type'], choices?: readonly string[]): RuleOption => ({ type, description: '', default: type === 'object' ? {} : '', ...(choices ? { choices } : {}) });

describe('ruleOptionProblem', () => {
  it.each([
    [option('boolean'), true, null],
    [option('boolean'), 'yes', 'must be a boolean'],
    [option('number'), 3, null],
    [option('string', ['a', 'b']), 'a', null],
    [option('string', ['a', 'b']), 'c', '"c" is not one of "a", "b"'],
    [option('string[]'), ['x'], null],
    [option('string[]'), ['x', 1], 'must be an array of strings'],
    [option('object', ['url', 'text']), { a: 'url' }, null],
    [option('object', ['url', 'text']), { a: 'uri' }, '"a": "uri" is not one of "url", "text"'],
    [option('object'), { a: 1 }, 'must map names to strings ("a" is not a string)'],
    [option('object'), ['a'], 'must be an object'],
    [option('object'), null, 'must be an object'],
  ])('%o with %o', (opt, value, expected) => {
    expect(ruleOptionProblem(opt, value)).toBe(expected);
  });
});
