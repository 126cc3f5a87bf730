// The raw material of docs/reviews/fix-review-unsafe.md: every hunk of `dockfix fix --unsafe --diff`
// on the reviewed corpus files, for two builds, each hunk with the rule(s) that made it. It prints
// hunks and counts, never verdicts: those are the reviewer's, in the review document.
//
//   node bench/review-hunks.mjs --before /tmp/review-before [--after .] [--pick] [--json] [files..]
//
// --before/--after: checkouts with a built CLI (packages/cli/bin/dockfix.js); --after defaults to this
// repository. Files are corpus-relative (`<owner>__<repo>/<file>`); with none, the review's twenty
// (the selection rule below, which --pick recomputes and prints with its figures).
//
// A hunk is what `--diff` prints under one `@@` line (three lines of context), so the counts are of
// what a reviewer reads; a file the fix would create (a .dockerignore) is one hunk. Attribution is
// per change inside a hunk (a maximal run of `-`/`+` lines): the combined run is compared with one
// run per rule (`--select <rule>`, for every rule the files report), and a change belongs to each
// rule whose own run changes an overlapping range of the original lines, or creates the same file.
// A hunk counts once for each rule that made one of its changes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');

/**
 * Selection rule (reproducible, computed from the after build at d4df8d4 over the whole corpus by
 * --pick): per repository, the file with the most changes (runs of `-`/`+` lines, what `diff -U0`
 * would count) in its own diff (ties: first by name); the twenty repositories whose pick has the
 * most changes (ties: file name). Listed here so the
 * review's counts can be re-checked without re-running the pick, which depends on the build.
 */
const REVIEWED = [
  'docker-library__mongo/8.0__Dockerfile',
  'docker-library__postgres/18__bookworm__Dockerfile',
  'moby__buildkit/frontend__dockerfile__parser__testfiles__docker__Dockerfile',
  'docker-library__busybox/latest-1__uclibc__Dockerfile.builder',
  'jessfraz__dockerfiles/consul__Dockerfile',
  'docker-library__php/8.2__bookworm__apache__Dockerfile',
  'containers__buildah/tests__conformance__testdata__Dockerfile.edgecases',
  'docker-library__ghost/6__alpine3.23__Dockerfile',
  'docker-library__python/3.10__alpine3.23__Dockerfile',
  'docker-library__ruby/3.3__alpine3.22__Dockerfile',
  'StefanScherer__dockerfiles-windows/node__8__Dockerfile',
  'devcontainers__images/src__universal__.devcontainer__Dockerfile',
  'docker-library__golang/1.26__alpine3.23__Dockerfile',
  'docker__labs/developer-tools__java-debugging__registration-webserver__Dockerfile',
  'docker-library__drupal/10.6__php8.3__fpm-alpine3.24__Dockerfile',
  'docker-library__openjdk/27__bookworm__Dockerfile',
  'docker-library__tomcat/10.1__jdk11__temurin-jammy__Dockerfile',
  'nginxinc__docker-nginx/mainline__alpine-slim__Dockerfile',
  'open-telemetry__opentelemetry-demo/src__ad__Dockerfile',
  'carlossg__docker-maven/amazoncorretto-11-debian__Dockerfile',
];

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const flag = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return false;
  args.splice(at, 1);
  return true;
};
const builds = { before: option('--before'), after: option('--after') ?? repoRoot };
const pick = flag('--pick');
const asJson = flag('--json');
if (!builds.before && !pick) {
  console.error('usage: node bench/review-hunks.mjs --before DIR [--after DIR] [--pick] [--json] [files..]');
  process.exit(2);
}
for (const dir of Object.values(builds)) {
  if (dir && !existsSync(cli(dir))) throw new Error(`no built CLI in ${dir} (run npm run build there)`);
}

function cli(dir) {
  return path.join(path.resolve(dir), 'packages', 'cli', 'bin', 'dockfix.js');
}

/**
 * Runs a build's CLI in the corpus directory. Exit 1 (problems remain) is not a failure, nor is 2
 * when the diff came out (some file reported an error, e.g. one it cannot read as a Dockerfile).
 */
function run(dir, cliArgs) {
  try {
    return execFileSync(process.execPath, [cli(dir), ...cliArgs], {
      cwd: corpusRoot,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    if (typeof error.stdout === 'string' && (error.status === 1 || error.status === 2)) return error.stdout;
    throw new Error(`${cli(dir)} ${cliArgs.slice(0, 4).join(' ')} ... exited ${error.status}`);
  }
}

/** The path a diff header names, without the a/ b/ prefix (the before build writes a//abs for absolute paths). */
function headerPath(line) {
  const name = line.slice(4).split('\t')[0];
  if (name === '/dev/null') return null;
  return name.replace(/^[ab]\//, '');
}

/**
 * Splits a multi-file unified diff into its hunks ({ file, created, text, changes }) and their
 * changes ({ file, created, oldStart, oldEnd, removed, added }). oldStart..oldEnd are the original
 * lines removed; a pure insertion has oldEnd = oldStart - 1 and goes before line oldStart.
 */
function parseDiff(text) {
  const changes = [];
  const hunks = [];
  const lines = text.split('\n');
  let file = null;
  let created = false;
  let oldLine = 0;
  let current = null;
  let hunkNow = null;
  const close = () => {
    if (current) {
      changes.push(current);
      hunkNow?.changes.push(current);
    }
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      close();
      const from = headerPath(line);
      file = headerPath(lines[i + 1]);
      created = from === null;
      hunkNow = null;
      i++;
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(line);
    if (hunk) {
      close();
      hunkNow = { file, created, text: [line], changes: [] };
      hunks.push(hunkNow);
      oldLine = Number(hunk[1]);
      // The before build heads a created file `--- a/<path>`, not `--- /dev/null`: `-0,0` tells.
      if (hunk[1] === '0' && hunk[2] === '0') {
        created = true;
        hunkNow.created = true;
        current = { file, created, oldStart: 0, oldEnd: -1, removed: [], added: [] };
        continue;
      }
      // `-0,0` (or `-N,0`) means the insertion comes after line N.
      if (hunk[2] === '0') oldLine += 1;
      continue;
    }
    if (file === null || hunkNow === null) continue;
    const kind = line[0];
    if (kind === '-' || kind === '+' || kind === ' ' || kind === '\\') hunkNow.text.push(line);
    if (kind === '-' || kind === '+') {
      if (created && current) {
        current.added.push(line.slice(1));
        continue;
      }
      current ??= { file, created, oldStart: oldLine, oldEnd: oldLine - 1, removed: [], added: [] };
      if (kind === '-') {
        current.removed.push(line.slice(1));
        current.oldEnd = oldLine;
        oldLine++;
      } else {
        current.added.push(line.slice(1));
      }
    } else if (kind === ' ' || kind === '\\') {
      if (kind === ' ') {
        close();
        oldLine++;
      }
    } else {
      close();
    }
  }
  close();
  return { changes, hunks };
}

/** The Dockerfile a created file belongs to: `X.dockerignore` is X's; `.dockerignore` is its directory's reviewed file. */
function ownerOf(change, files) {
  if (!change.created) return change.file;
  const own = change.file.replace(/\.dockerignore$/, '');
  if (files.includes(own)) return own;
  const dir = path.dirname(change.file);
  return files.find((file) => path.dirname(file) === dir) ?? change.file;
}

function overlaps(a, b) {
  if (a.created || b.created) return a.created && b.created && a.file === b.file;
  const aInsert = a.removed.length === 0;
  const bInsert = b.removed.length === 0;
  if (aInsert && bInsert) return a.oldStart === b.oldStart;
  if (aInsert) return b.oldStart <= a.oldStart && a.oldStart <= b.oldEnd + 1;
  if (bInsert) return a.oldStart <= b.oldStart && b.oldStart <= a.oldEnd + 1;
  return a.oldStart <= b.oldEnd && b.oldStart <= a.oldEnd;
}

/** Every rule a file reports (fixable or not: a rule may create a file without an edit). */
function reportedRules(dir, files) {
  const report = JSON.parse(run(dir, ['lint', '-f', 'json', ...files]));
  return [...new Set(report.flatMap((entry) => entry.messages.map((message) => message.ruleId)))]
    .filter(Boolean)
    .sort();
}

function review(dir, files) {
  const combined = parseDiff(run(dir, ['fix', '--unsafe', '--diff', ...files]));
  const perRule = new Map();
  for (const rule of reportedRules(dir, files)) {
    const { changes } = parseDiff(run(dir, ['fix', '--unsafe', '--diff', '--select', rule, ...files]));
    if (changes.length > 0) perRule.set(rule, changes);
  }
  const byFile = new Map(files.map((file) => [file, []]));
  for (const hunk of combined.hunks) {
    const owner = ownerOf(hunk, files);
    const changes = hunk.changes.map((change) => {
      const rules = [...perRule]
        .filter(([, own]) => own.some((that) => ownerOf(that, files) === owner && overlaps(change, that)))
        .map(([rule]) => rule);
      return { ...change, rules: rules.length > 0 ? rules : ['(unattributed)'] };
    });
    const rules = [...new Set(changes.flatMap((change) => change.rules))].sort();
    if (!byFile.has(owner)) byFile.set(owner, []);
    byFile.get(owner).push({ file: hunk.file, created: hunk.created, text: hunk.text, changes, rules });
  }
  return byFile;
}

function counts(byFile) {
  const perRule = new Map();
  for (const changes of byFile.values()) {
    for (const change of changes) {
      for (const rule of change.rules) perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
    }
  }
  return new Map([...perRule].sort(([a], [b]) => a.localeCompare(b)));
}

function printHunks(name, byFile) {
  console.log(`# ${name} (${builds[name]})\n`);
  for (const [file, changes] of byFile) {
    console.log(`## ${file}: ${changes.length} hunk(s)\n`);
    changes.forEach((hunk, index) => {
      const where = hunk.created ? `new file ${hunk.file}` : hunk.text[0];
      console.log(`### ${name} ${path.basename(file)} #${index + 1} [${hunk.rules.join(', ')}] ${where}`);
      for (const change of hunk.changes) {
        if (change.created) continue;
        const lines =
          change.removed.length > 0 ? `lines ${change.oldStart}-${change.oldEnd}` : `insert before ${change.oldStart}`;
        console.log(`    ${lines}: ${change.rules.join(', ')}`);
      }
      console.log('```diff');
      for (const line of hunk.text.slice(1)) console.log(line);
      console.log('```\n');
    });
  }
  console.log(`## ${name}: hunks per rule (a hunk two rules made counts for both)\n`);
  for (const [rule, count] of counts(byFile)) console.log(`${rule.padEnd(32)} ${count}`);
  console.log('');
}

function manifestFiles() {
  return readFileSync(path.join(corpusRoot, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split('\t')[0]);
}

if (pick) {
  const all = manifestFiles();
  // Changes, not hunks, rank the files: unified hunks tie at two or three on most files, and a
  // hunk with one change weighs as much as one with eight.
  const changes = parseDiff(run(builds.after, ['fix', '--unsafe', '--diff', ...all])).changes.filter((c) => !c.created);
  const perFile = new Map();
  for (const change of changes) perFile.set(change.file, (perFile.get(change.file) ?? 0) + 1);
  const best = new Map();
  for (const file of [...all].sort()) {
    const repo = file.split('/')[0];
    const hunks = perFile.get(file) ?? 0;
    if (hunks > 0 && hunks > (best.get(repo)?.hunks ?? 0)) best.set(repo, { file, hunks });
  }
  const picked = [...best.values()]
    .sort((a, b) => b.hunks - a.hunks || a.file.localeCompare(b.file))
    .slice(0, 20);
  for (const { file, hunks } of picked) console.log(`${String(hunks).padStart(3)}  ${file}`);
  process.exit(0);
}

const files = args.length > 0 ? args : REVIEWED;
const result = {};
for (const name of ['before', 'after']) {
  const byFile = review(builds[name], files);
  result[name] = byFile;
  if (!asJson) printHunks(name, byFile);
}
if (asJson) {
  const plain = Object.fromEntries(
    Object.entries(result).map(([name, byFile]) => [name, Object.fromEntries(byFile)]),
  );
  console.log(JSON.stringify(plain, null, 2));
} else {
  console.log('# hunks per rule, before -> after\n');
  const before = counts(result.before);
  const after = counts(result.after);
  for (const rule of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    console.log(`${rule.padEnd(32)} ${String(before.get(rule) ?? 0).padStart(3)} -> ${after.get(rule) ?? 0}`);
  }
}
