import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { fix, lint, format } from 'dockfix';
const root = '/work/wt/shared/corpus';
const texts = [];
const walk = (d) => { for (const n of readdirSync(d).sort()) { const f = path.join(d, n); if (statSync(f).isDirectory()) walk(f); else if (!(d === root && /\.(md|tsv)$/.test(n))) texts.push(readFileSync(f, 'utf8')); } };
walk(root);
const only = process.argv[2];
const sc = { parse: (t) => DockerfileParser.parse(t), lint: (t) => lint(t), fix: (t) => fix(t), unsafe: (t) => fix(t, { unsafe: true }), format: (t) => format(t) };
const round = (w) => { const s = performance.now(); for (const t of texts) { try { w(t); } catch {} } return performance.now() - s; };
if (only) { for (let i = 0; i < 4; i++) round(sc[only]); process.exit(0); }
const r = Object.fromEntries(Object.keys(sc).map((k) => [k, []]));
for (const k in sc) round(sc[k]);
for (let i = 0; i < 5; i++) for (const k in sc) r[k].push(round(sc[k]));
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
const p = med(r.parse);
console.log(Object.entries(r).map(([k, v]) => `${k} ${med(v).toFixed(0)}ms ${(med(v) / p).toFixed(2)}x`).join(' | '));
