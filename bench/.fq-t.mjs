import { createLinter } from '@dockfix/core';
import { rules } from '@dockfix/rules';
const ids = process.argv[2].split(',');
const linter = createLinter({ rules: rules.filter((r) => ids.includes(r.meta.id)) });
const text = process.argv[3].replace(/\\n/g, '\n');
for (const d of linter.lint(text, { config: { select: ['ALL'] } }).diagnostics) console.log(`${d.line}:${d.column} ${d.ruleId} [${d.fix?.safety ?? '-'}] ${d.message}${d.help ? `\n   help: ${d.help}` : ''}`);
if (process.argv[4]) console.log(linter.fix(text, { config: { select: ['ALL'] }, unsafe: true }).output);
