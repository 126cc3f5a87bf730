import { createLinter } from '@dockfix/core';
import { rules } from '@dockfix/rules';
const linter = createLinter({ rules });
const text = process.argv[2].replace(/\\n/g, '\n');
const r = linter.fix(text, { unsafe: process.argv[3] !== 'safe' });
console.log(r.output); console.log(r.applied.map((a) => a.ruleId ?? a).join(' '));
