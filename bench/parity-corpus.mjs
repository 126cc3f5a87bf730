// Parity evidence for issue 8: over the shared corpus, the diagnostics per hadolint / BuildKit code (every
// rule alias) of two builds of dockfix, "before" and "after", side by side; then the ShellCheck findings of
// the `shellcheck` rule and the time it adds per file. Not a test; it asserts nothing.
//
//   git worktree add /tmp/dockfix-before 6f58a0f && ln -s "$PWD/node_modules" /tmp/dockfix-before/ \
//     && (cd /tmp/dockfix-before && npx tsc -b)
//   npm run build && node bench/parity-corpus.mjs --before /tmp/dockfix-before [--markdown]
//
// Without --before only this checkout's counts are printed. Both builds lint with `select: ["ALL"]`
// (opt-in rules included), without shellcheck; fatal files count separately.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const beforeRoot = args.includes('--before') ? path.resolve(args[args.indexOf('--before') + 1]) : null;
const markdown = args.includes('--markdown');

function corpusFiles() {
  if (!existsSync(corpus)) throw new Error(`the corpus is missing at ${corpus}`);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(dir === corpus && ['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv'].includes(name))) files.push(full);
    }
  };
  walk(corpus);
  return files;
}

/** The linter of a built checkout, and its rules. */
async function load(root) {
  const core = await import(pathToFileURL(path.join(root, 'packages/core/dist/index.js')).href);
  const { rules } = await import(pathToFileURL(path.join(root, 'packages/rules/dist/index.js')).href);
  return { core, rules, linter: core.createLinter({ rules }) };
}

/** Diagnostics per upstream code (a rule's `same` sources), over every corpus file. */
function countByCode({ core, rules, linter }, files) {
  const ids = new Set(rules.map((rule) => rule.meta.id));
  const config = { select: ['ALL'], ...(ids.has('shellcheck') ? { ignore: ['shellcheck'] } : {}) };
  const codes = new Map();
  for (const rule of rules) for (const source of rule.meta.sources ?? []) if (source.kind === 'same' && source.tool !== 'shellcheck') codes.set(source.rule, 0);
  let fatal = 0;
  for (const file of files) {
    let text;
    try {
      text = core.decodeDockerfile(readFileSync(file), file);
    } catch {
      continue;
    }
    const result = linter.lint(text, { config, filePath: file });
    if (result.fatal) fatal++;
    for (const d of result.diagnostics) for (const alias of d.aliases) if (codes.has(alias)) codes.set(alias, codes.get(alias) + 1);
  }
  return { codes, fatal };
}

/** ShellCheck findings over the corpus, and the time the rule adds per file (its run alone vs. nothing). */
function shellcheckFigures({ core, linter }, files) {
  const texts = files.flatMap((file) => {
    try {
      return [[file, core.decodeDockerfile(readFileSync(file), file)]];
    } catch {
      return [];
    }
  });
  const codes = new Map();
  let findings = 0;
  const started = performance.now();
  for (const [file, text] of texts) {
    for (const d of linter.lint(text, { config: { select: ['shellcheck'] }, filePath: file }).diagnostics) {
      if (d.ruleId !== 'shellcheck') continue;
      findings++;
      const code = d.aliases.at(-1);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  const withShellcheck = performance.now() - started;
  const baseline = performance.now();
  for (const [file, text] of texts) linter.lint(text, { config: { select: [] }, filePath: file });
  const without = performance.now() - baseline;
  return { findings, files: texts.length, codes, msPerFile: (withShellcheck - without) / texts.length };
}

const files = corpusFiles();
const after = await load(repoRoot);
const afterCounts = countByCode(after, files);
const beforeCounts = beforeRoot ? countByCode(await load(beforeRoot), files) : null;

const allCodes = [...new Set([...afterCounts.codes.keys(), ...(beforeCounts?.codes.keys() ?? [])])].sort((a, b) => {
  const dl = (code) => (/^DL\d/.test(code) ? 0 : 1);
  return dl(a) - dl(b) || (a < b ? -1 : a > b ? 1 : 0);
});
const header = beforeCounts ? ['code', 'before', 'after'] : ['code', 'diagnostics'];
const rows = allCodes.map((code) => {
  const afterValue = afterCounts.codes.has(code) ? String(afterCounts.codes.get(code)) : '—';
  if (!beforeCounts) return [code, afterValue];
  return [code, beforeCounts.codes.has(code) ? String(beforeCounts.codes.get(code)) : '—', afterValue];
});
rows.push(beforeCounts ? ['fatal files', String(beforeCounts.fatal), String(afterCounts.fatal)] : ['fatal files', String(afterCounts.fatal)]);
console.log(`${files.length} corpus files; "—": no rule with that alias in that build`);
if (markdown) {
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} else {
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

if (after.rules.some((rule) => rule.meta.id === 'shellcheck')) {
  const problem = (await import('@dockfix/rules/shellcheck')).shellcheckProblem();
  if (problem) console.log(`\nShellCheck: ${problem}`);
  else {
    const sc = shellcheckFigures(after, files);
    const top = [...sc.codes].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(`\nShellCheck: ${sc.findings} findings over ${sc.files} files; ${sc.msPerFile.toFixed(1)} ms added per file (one process per file)`);
    console.log(`most frequent: ${top.map(([code, count]) => `${code} ${count}`).join(', ')}`);
  }
}
