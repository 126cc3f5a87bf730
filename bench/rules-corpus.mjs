// Evidence for the rules on real files: runs every rule (opt-in ones included) over the shared corpus and
// prints, per rule, how many files it fires on, how many reports it makes, and how many of those carry a
// safe fix, an unsafe fix or none. Not a test; it asserts nothing.
//
//   npm run build && node bench/rules-corpus.mjs                 the table
//   node bench/rules-corpus.mjs --samples apt-get-yes [N]       N sample reports of one rule, with the line
//   node bench/rules-corpus.mjs --markdown                       the table as Markdown
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, decodeDockerfile } from '@dockfix/core';
import { rules } from '@dockfix/rules';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(repoRoot, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const samplesOf = args[0] === '--samples' ? args[1] : null;
const sampleCount = Number(args[2] ?? 15);
const markdown = args.includes('--markdown');

function corpusFiles() {
  if (!existsSync(root)) throw new Error(`the corpus is missing at ${root}`);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(dir === root && ['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv'].includes(name))) files.push(path.relative(root, full));
    }
  };
  walk(root);
  return files;
}

const linter = createLinter({ rules });
const config = { select: ['ALL'] };
const table = new Map(rules.map((rule) => [rule.meta.id, { files: 0, reports: 0, safe: 0, unsafe: 0, none: 0 }]));
const samples = [];
let fatal = 0;
const files = corpusFiles();
const started = performance.now();
for (const relative of files) {
  const text = decodeDockerfile(readFileSync(path.join(root, relative)));
  const result = linter.lint(text, { config, filePath: relative });
  if (result.fatal) {
    fatal++;
    continue;
  }
  const seen = new Set();
  for (const d of result.diagnostics) {
    const row = table.get(d.ruleId);
    if (!row) continue;
    row.reports++;
    row[d.fix ? d.fix.safety : 'none']++;
    if (!seen.has(d.ruleId)) row.files++;
    seen.add(d.ruleId);
    if (d.ruleId === samplesOf) {
      const line = text.split('\n')[d.line - 1]?.replace(/\r$/, '').trim() ?? '';
      samples.push(`${relative}:${d.line}  [${d.fix ? d.fix.safety : 'no fix'}] ${d.message}\n    ${line.slice(0, 160)}`);
    }
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (samplesOf) {
  // A spread of samples across the corpus rather than the first N.
  const step = Math.max(1, Math.floor(samples.length / sampleCount));
  console.log(`${samples.length} reports of ${samplesOf}; every ${step}th:\n`);
  for (let i = 0; i < samples.length && i / step < sampleCount; i += step) console.log(samples[i]);
} else {
  const rows = [...table.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(`${files.length} corpus files (${fatal} not lintable), every rule selected, ${seconds} s\n`);
  if (markdown) {
    console.log('| rule | files | reports | safe | unsafe | no fix |\n|---|---:|---:|---:|---:|---:|');
    for (const [id, r] of rows) console.log(`| \`${id}\` | ${r.files} | ${r.reports} | ${r.safe} | ${r.unsafe} | ${r.none} |`);
  } else {
    console.log(`${'rule'.padEnd(28)} ${'files'.padStart(6)} ${'reports'.padStart(8)} ${'safe'.padStart(6)} ${'unsafe'.padStart(7)} ${'no fix'.padStart(7)}`);
    for (const [id, r] of rows) {
      console.log(`${id.padEnd(28)} ${String(r.files).padStart(6)} ${String(r.reports).padStart(8)} ${String(r.safe).padStart(6)} ${String(r.unsafe).padStart(7)} ${String(r.none).padStart(7)}`);
    }
  }
}
