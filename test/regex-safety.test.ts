// Every regular expression in packages/*/src, timed on pathological strings of 100k characters:
// nothing may backtrack super-linearly (ReDoS). Regexes are collected from the TypeScript AST (regex
// literals and `new RegExp(…)`), so a new one is checked the day it is written.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

interface Found {
  readonly where: string;
  readonly regex: RegExp;
}

/**
 * Values to try for the variables a dynamic `new RegExp(…)` interpolates that are not string
 * constants of their file. A dynamic regex over an unknown variable fails the test until it is listed
 * here, so none goes unchecked.
 */
const DYNAMIC_VALUES: Readonly<Record<string, readonly string[]>> = {
  escapeChar: ['\\', '`'],
  // A variable name, escaped for a regex (env-self-reference).
  escaped: ['PATH', 'A_1'],
  // `new RegExp(spec.cleanText.source, 'g')` in rpm-rules: the cleanText regexes of the yum, dnf and zypper rules.
  source: [String.raw`\byum\s+clean\s+all\b|\/var\/cache\/yum`, String.raw`\b(micro)?dnf5?\s+clean\s+all\b|\/var\/cache\/(dnf|yum|libdnf5)`, String.raw`\bzypper\s+(-\S+\s+)*(clean|cc)\b|\/var\/cache\/zypp`],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The string value of an expression made of literals and same-file string constants, per choice of the dynamic variables. */
function evaluate(node: ts.Expression, constants: ReadonlyMap<string, ts.Expression>, where: string, depth = 0): string[] {
  if (depth > 10) throw new Error(`${where}: constant chain too deep`);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return evaluate(node.expression, constants, where, depth + 1);
  // `a ? b : c`: both branches.
  if (ts.isConditionalExpression(node)) return [...evaluate(node.whenTrue, constants, where, depth + 1), ...evaluate(node.whenFalse, constants, where, depth + 1)];
  // String.raw`…`: the template's raw text, with the substitutions evaluated.
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return [template.rawText ?? template.text];
    let results = [template.head.rawText ?? template.head.text];
    for (const span of template.templateSpans) {
      const values = evaluate(span.expression, constants, where, depth + 1);
      results = results.flatMap((prefix) => values.map((value) => prefix + value + (span.literal.rawText ?? span.literal.text)));
    }
    return results;
  }
  if (ts.isTemplateExpression(node)) {
    let results = [node.head.text];
    for (const span of node.templateSpans) {
      const values = evaluate(span.expression, constants, where, depth + 1);
      results = results.flatMap((prefix) => values.map((value) => prefix + value + span.literal.text));
    }
    return results;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(node.left, constants, where, depth + 1);
    const right = evaluate(node.right, constants, where, depth + 1);
    return left.flatMap((l) => right.map((r) => l + r));
  }
  if (ts.isIdentifier(node)) {
    const values = DYNAMIC_VALUES[node.text];
    if (values) return [...values];
    const constant = constants.get(node.text);
    if (constant) return evaluate(constant, constants, where, depth + 1);
  }
  if (ts.isPropertyAccessExpression(node) && DYNAMIC_VALUES[node.name.text]) return [...(DYNAMIC_VALUES[node.name.text] as string[])];
  throw new Error(`${where}: cannot evaluate \`${node.getText()}\` in new RegExp(…); give its variable sample values in DYNAMIC_VALUES`);
}

/** Every regex literal and `new RegExp(…)`/`RegExp(…)` of the packages' sources. */
function collectRegexes(): Found[] {
  const found: Found[] = [];
  const packages = path.join(repoRoot, 'packages');
  for (const pkg of readdirSync(packages)) {
    const src = path.join(packages, pkg, 'src');
    if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const constants = new Map<string, ts.Expression>();
      const visitConstants = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) !== 0) {
          constants.set(node.name.text, node.initializer);
        }
        ts.forEachChild(node, visitConstants);
      };
      visitConstants(sourceFile);
      const visit = (node: ts.Node): void => {
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
        const where = `${path.relative(repoRoot, file)}:${line + 1}`;
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText();
          const slash = literal.lastIndexOf('/');
          found.push({ where, regex: new RegExp(literal.slice(1, slash), literal.slice(slash + 1)) });
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern, flags] = node.arguments ?? [];
          if (!pattern) throw new Error(`${where}: RegExp without a pattern`);
          const flagValues = flags ? evaluate(flags, constants, where) : [''];
          for (const source of evaluate(pattern, constants, where)) for (const flag of flagValues) found.push({ where, regex: new RegExp(source, flag) });
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
  }
  return found;
}

/** Characters a regex mentions, as text that exercises them (`\s` → space, `\d` → a digit, …). */
function charactersOf(regex: RegExp): string[] {
  const chars = new Set<string>();
  const source = regex.source;
  const classes: Record<string, string> = { s: ' ', S: 'x', d: '7', D: 'x', w: 'a', W: '-', n: '\n', r: '\r', t: '\t', b: 'a', B: ' ' };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[++i] ?? '';
      chars.add(classes[next] ?? next);
    } else if (!'^$()[]{}|?*+.'.includes(c)) chars.add(c);
  }
  return [...chars];
}

/** The regex's literal characters in order (`/\s*&&\s*$/` → ` && `): repeated, it is the near miss that almost matches. */
function literalRun(regex: RegExp): string {
  return regex.source
    .replace(/\\([sdwnrt])/g, (_all, c: string) => ({ s: ' ', d: '7', w: 'a', n: '\n', r: '\r', t: '\t' })[c] ?? '')
    .replace(/\\(.)/g, '$1')
    .replace(/[\^$()[\]{}|?*+.]/g, '');
}

/** The repeating units of the pathological strings for one regex. */
function attackUnits(regex: RegExp): string[] {
  const units = new Set<string>([' ', 'a', '\\', '\n', '\r\n', '\t', '-', '"', "'", '$', '{', '}', '=', '&', '/', '.', '0', '#', '`', '<', ':', ',', '@', 'é', '\u00a0']);
  const own = charactersOf(regex);
  for (const c of own) units.add(c);
  const run = literalRun(regex);
  if (run) units.add(run);
  // Pairs of the regex's own characters: alternations like `(a|b)*` blow up on "abab…".
  for (const a of own.slice(0, 6)) for (const b of own.slice(0, 6)) if (a !== b) units.add(a + b);
  return [...units];
}

/** The strings of `length` characters made of one unit: as is, and with a character at the end (and start) that stops a match at the last moment. */
function attackStrings(unit: string, length: number): string[] {
  const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return [body, `${body.slice(1)}\u0001`, `x${body.slice(2)}!`];
}

/** Milliseconds for the way the code uses the regex: one search, or every match of a global one. */
function time(regex: RegExp, input: string): number {
  const started = performance.now();
  if (regex.global || regex.sticky) {
    regex.lastIndex = 0;
    // test() rather than exec(): no match arrays, so the garbage collector does not blur the timing.
    for (let last = -1, guard = 0; regex.test(input) && guard < 200_000; guard++) {
      if (regex.lastIndex === last) regex.lastIndex++;
      last = regex.lastIndex;
    }
  } else {
    regex.exec(input);
  }
  return performance.now() - started;
}

/** 100k characters that `/[^]/g` matches one by one: the reference of {@link slowdown}. */
const REFERENCE_INPUT = 'a'.repeat(100_000);
/** What the reference scan takes on an idle 2-core machine (measured: 3.2-4.6 ms, Node 20). */
const REFERENCE_IDLE_MS = 4;

/**
 * How many times slower than idle the machine runs right now (never below 1): the best of three
 * linear scans of 100k characters, a match per character, the kind of work the bounds are for.
 * A quadratic regex takes seconds to minutes at 100k, far above any slowdown this allows for.
 */
function slowdown(): number {
  const reference = Math.min(time(/[^]/g, REFERENCE_INPUT), time(/[^]/g, REFERENCE_INPUT), time(/[^]/g, REFERENCE_INPUT));
  return Math.max(1, reference / REFERENCE_IDLE_MS);
}

const regexes = collectRegexes();

describe('regular expressions on pathological input', () => {
  it('finds the packages’ regexes', () => {
    expect(regexes.length).toBeGreaterThan(100);
  });

  it('none is super-linear on 100k-character strings', { timeout: 240_000 }, () => {
    const slow: string[] = [];
    // A slow time is measured again before it counts, against a bound scaled by how slow the
    // machine is at that moment (a loaded CI runner, a GC pause): a busy machine is not a slow regex.
    // The result is in idle milliseconds, so the bounds below keep their meaning.
    const best = (regex: RegExp, input: string, over: number) => {
      const first = time(regex, input);
      if (first <= over) return first;
      return Math.min(first, time(regex, input)) / slowdown();
    };
    for (const { where, regex } of regexes) {
      const report = (input: string, detail: string) => slow.push(`${where} ${regex}: ${detail} on ${JSON.stringify(input.slice(0, 12))}…`);
      search: for (const unit of attackUnits(regex)) {
        const smalls = attackStrings(unit, 10_000);
        const larges = attackStrings(unit, 100_000);
        for (const [i, small] of smalls.entries()) {
          // Linear matching of 10k characters takes about a millisecond at most; the quadratic ones
          // found took 130-1,100 ms, and would take seconds to minutes at 100k: report them at once.
          const smallTime = best(regex, small, 50);
          if (smallTime > 50) {
            report(small, `${smallTime.toFixed(1)} ms at 10k`);
            break search;
          }
          const large = larges[i] as string;
          const largeTime = best(regex, large, 80);
          // Linear is ~10× the time at 10k, quadratic ~100× (and then already slow at 10k, above).
          // Below 80 ms the ratio is noise: at 10k everything sits in the CPU caches, and a match per
          // character costs 3-5× more per match at 100k (measured: \n×10k 0.3 ms, ×100k 30-40 ms, ×1M 190 ms).
          if (largeTime > 150 || (largeTime > 80 && largeTime / Math.max(smallTime, 0.05) > 30)) {
            report(large, `${largeTime.toFixed(1)} ms at 100k vs ${smallTime.toFixed(2)} ms at 10k`);
            break search;
          }
        }
      }
    }
    expect(slow).toEqual([]);
  });
});
