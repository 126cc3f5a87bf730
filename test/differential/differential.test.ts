// Differential test: a fix declared safe must not change what the build does.
//
// For each generated Dockerfile (see generate.ts) the sandbox runs the original and the fixed file the
// way `docker build` would (each RUN in a fresh `sh -c` from the WORKDIR, with the ENV so far), against
// stub programs that record their effects and working directory (see stubs.ts), and compares:
//   - whether the build succeeds,
//   - the stubs' trace (packages installed or removed, downloads, npm/yarn/pnpm installs, make, … each
//     with its working directory), and
//   - every file left in the image, except cache directories (apt lists, /var/cache, ~/.cache, ~/.npm,
//     …): making those smaller is what safe fixes are for.
// A build that failed before may succeed after a safe fix (`apt-get install -y` is the point); a build
// that succeeded must succeed and leave the same trace and files.
//
// Fixes are checked the way `dockfix fix` applies them: all rules' safe fixes together (when that changes
// a build, each rule's safe fixes alone too, to name the culprit), and each rule's unsafe fixes alone.
// Safe fixes must never differ; for unsafe ones the test measures and prints how often they do.
//
// Environment: DIFF_CASES (default 200), DIFF_SEED (default 20251125), DIFF_CASE (run one case, by
// index), DIFF_VERBOSE=1 (print every divergence), DIFF_UNSAFE_EVERY (measure unsafe fixes on every Nth
// case; default 2).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter, type Rule } from '@dockfix/core';
import { rules } from '@dockfix/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDockerfile } from './generate.js';
import { build, type BuildResult, plan, prepareBase, sandboxAvailable } from './sandbox.js';

const CASES = Number(process.env.DIFF_CASES ?? 200);
const SEED = Number(process.env.DIFF_SEED ?? 20251125);
const ONLY = process.env.DIFF_CASE === undefined ? null : Number(process.env.DIFF_CASE);
const VERBOSE = process.env.DIFF_VERBOSE === '1';
/** Unsafe fixes are measured on every Nth case (they are not pass/fail; this keeps the default run under a minute). */
const UNSAFE_EVERY = Math.max(1, Number(process.env.DIFF_UNSAFE_EVERY ?? 2));
const CONCURRENCY = Math.max(4, 2 * availableParallelism());

const available = sandboxAvailable();
const allRules = createLinter({ rules: rules as readonly Rule[] });
const ALL = { select: ['ALL'] };
const single = new Map(rules.map((rule) => [rule.meta.id, createLinter({ rules: [rule as Rule] })]));

/** Why two builds differ, or null when they do the same thing. */
function difference(before: BuildResult, after: BuildResult): string | null {
  if (after.unsupported) return `the fixed file cannot be run here: ${after.unsupported}`;
  if (!after.ok) return `the fixed build fails (RUN #${after.exits.length}, exit ${after.exits.at(-1)}: ${after.error})`;
  const trace = firstDifference(before.trace, after.trace);
  if (trace) return `trace differs: ${trace}`;
  const files = firstDifference(before.files, after.files);
  if (files) return `files differ: ${files}`;
  return null;
}

function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const onlyA = a.filter((line) => !b.includes(line));
  const onlyB = b.filter((line) => !a.includes(line));
  if (onlyA.length === 0 && onlyB.length === 0) {
    const i = a.findIndex((line, index) => line !== b[index]);
    return i === -1 ? null : `order differs at ${i}: ${a[i]} / ${b[i]}`;
  }
  return [...onlyA.slice(0, 3).map((line) => `- ${line}`), ...onlyB.slice(0, 3).map((line) => `+ ${line}`)].join('  ');
}

interface RuleStats {
  safeApplied: number;
  safeCompared: number;
  safeDiverged: number;
  unsafeApplied: number;
  unsafeCompared: number;
  unsafeDiverged: number;
}

const stats = new Map<string, RuleStats>();
const statsFor = (id: string): RuleStats => {
  let entry = stats.get(id);
  if (!entry) {
    entry = { safeApplied: 0, safeCompared: 0, safeDiverged: 0, unsafeApplied: 0, unsafeCompared: 0, unsafeDiverged: 0 };
    stats.set(id, entry);
  }
  return entry;
};
const totals = { cases: 0, unsupported: 0, originalFailed: 0, allSafeChanged: 0, allSafeCompared: 0, builds: 0 };
const failures: string[] = [];
const unsafeExamples: string[] = [];

describe('differential: safe fixes do not change what a build does', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'dockfix-diff-'));
  const base = prepareBase(scratch);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`holds on ${ONLY === null ? CASES : 1} generated Dockerfiles (seed ${SEED})`, async () => {
    const started = performance.now();
    const indexes = ONLY === null ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];

    const runCase = async (index: number) => {
      const text = generateDockerfile(SEED + index);
      // Builds are keyed by what the sandbox would run, so a fix that only touches CMD or LABEL costs nothing.
      const builds = new Map<string, Promise<BuildResult>>();
      const buildOnce = (candidate: string) => {
        const steps = plan(candidate);
        const key = typeof steps === 'string' ? candidate : JSON.stringify(steps);
        let result = builds.get(key);
        if (!result) {
          totals.builds++;
          result = build(candidate, base, scratch);
          builds.set(key, result);
        }
        return result;
      };
      const original = await buildOnce(text);
      totals.cases++;
      if (original.unsupported) {
        totals.unsupported++;
        return;
      }
      if (!original.ok) totals.originalFailed++;
      const label = `case ${index} (DIFF_SEED=${SEED} DIFF_CASE=${index})`;
      /** Builds the fixed file and compares; `compared` is false when there was nothing to compare against. */
      const check = async (fixed: string, what: string, safety: 'safe' | 'unsafe') => {
        const after = await buildOnce(fixed);
        // A fix may repair a failing build (that is what `-y` is for): nothing to compare then.
        if (after.unsupported || !original.ok) return { compared: false, why: null };
        const why = difference(original, after);
        const report = `${label}, ${what}: ${why}\n--- original ---\n${text}--- fixed ---\n${fixed}`;
        if (why && safety === 'safe') failures.push(report);
        if (why && safety === 'unsafe' && (VERBOSE || unsafeExamples.length < 3)) unsafeExamples.push(report);
        return { compared: true, why };
      };

      // What `dockfix fix` does: every rule's safe fixes together.
      const together = allRules.fix(text, { config: ALL });
      let togetherFailed = false;
      if (together.changed) {
        totals.allSafeChanged++;
        const applied = [...new Set(together.applied.map((a) => a.ruleId))];
        const result = await check(together.output, `all safe fixes (${applied.join(', ')})`, 'safe');
        if (result.compared) totals.allSafeCompared++;
        togetherFailed = result.why !== null;
        for (const id of applied) {
          const entry = statsFor(id);
          entry.safeApplied++;
          if (result.compared) entry.safeCompared++;
        }
      }

      // Each rule alone: its unsafe fixes, to measure how often they change a build, and, when the safe
      // fixes together changed the build, its safe fixes, to find the rule responsible.
      const measureUnsafe = index % UNSAFE_EVERY === 0;
      if (!togetherFailed && !measureUnsafe) return;
      const fixable = new Set(allRules.lint(text, { config: ALL }).diagnostics.filter((d) => d.fix).map((d) => d.ruleId));
      for (const id of fixable) {
        const linter = single.get(id);
        if (!linter) continue;
        const entry = statsFor(id);
        const safe = linter.fix(text, { config: ALL });
        if (safe.changed && togetherFailed) {
          const result = await check(safe.output, `${id} safe fixes`, 'safe');
          if (result.why) entry.safeDiverged++;
        }
        if (!measureUnsafe) continue;
        const unsafe = linter.fix(text, { config: ALL, unsafe: true });
        if (unsafe.output !== safe.output) {
          entry.unsafeApplied++;
          const result = await check(unsafe.output, `${id} unsafe fixes`, 'unsafe');
          if (result.compared) entry.unsafeCompared++;
          if (result.why) entry.unsafeDiverged++;
        }
      }
    };

    // A few cases at a time: each build is mostly waiting for processes.
    const queue = [...indexes];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) await runCase(index);
      }),
    );

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
    const lines = [
      `differential: ${totals.cases} cases (seed ${SEED}), ${totals.builds} sandbox builds in ${seconds} s; ${totals.unsupported} not runnable here, ${totals.originalFailed} original builds fail; unsafe fixes measured on every ${UNSAFE_EVERY === 1 ? '' : `${UNSAFE_EVERY}nd `}case`,
      `all safe fixes together changed ${totals.allSafeChanged} files; ${totals.allSafeCompared} compared against a passing original`,
      '',
      `${'rule'.padEnd(28)} ${'safe: applied'.padStart(13)} ${'compared'.padStart(9)} ${'diverged'.padStart(9)}   ${'unsafe: applied'.padStart(15)} ${'compared'.padStart(9)} ${'diverged'.padStart(9)} ${'rate'.padStart(6)}`,
      ...rows.map(
        ([id, s]) =>
          `${id.padEnd(28)} ${String(s.safeApplied).padStart(13)} ${String(s.safeCompared).padStart(9)} ${String(s.safeDiverged).padStart(9)}   ${String(s.unsafeApplied).padStart(15)} ${String(s.unsafeCompared).padStart(9)} ${String(s.unsafeDiverged).padStart(9)} ${
            s.unsafeCompared ? `${Math.round((100 * s.unsafeDiverged) / s.unsafeCompared)}%`.padStart(6) : '     -'
          }`,
      ),
    ];
    console.log(lines.join('\n'));
    if (unsafeExamples.length > 0) console.log(`\nexamples of unsafe fixes changing a build:\n\n${unsafeExamples.join('\n')}`);

    expect(failures, `safe fixes changed what a build does:\n\n${failures.slice(0, 5).join('\n\n')}`).toEqual([]);
    // The suite must exercise the fixer, not pass by comparing nothing.
    if (ONLY === null) {
      expect(totals.allSafeCompared).toBeGreaterThan(CASES / 10);
      expect(totals.unsupported).toBeLessThan(CASES / 4);
    }
  }, Math.max(300_000, CASES * 2_000));
});

// Without a sandbox the differential test cannot run: that is a failure, not a skip.
it('has a sandbox to run builds in', () => {
  expect(available.ok, available.ok ? '' : available.why).toBe(true);
});
