// The hand-written parser for simple RUN bodies (src/shell-fast.ts) against tree-sitter-bash: for every
// body it accepts it must build the very tree shell.ts would have copied out of tree-sitter (mirror),
// so that the commands, words and ranges every rule sees cannot depend on which parser ran.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model.js';
import { FIELD_IDS, parseSimpleShell } from '../src/shell-fast.js';
import { loadedShellLanguage, loadShellParser, parseWithTreeSitter, prepareShellText } from '../src/shell.js';
import { Source } from '../src/source.js';
import type { SyntaxNode } from '../src/syntax-node.js';
import { corpusRoot, listCorpusFiles, repoRoot } from '../../../test/helpers/paths.js';
import { prng } from '../../../test/helpers/prng.js';

beforeAll(() => loadShellParser());

/** A node without its parent back-pointer, so that trees compare as data. */
interface Plain {
  type: string;
  isNamed: boolean;
  startIndex: number;
  endIndex: number;
  fieldId: number;
  index: number;
  children: Plain[];
}
const plain = (node: SyntaxNode): Plain => ({
  type: node.type,
  isNamed: node.isNamed,
  startIndex: node.startIndex,
  endIndex: node.endIndex,
  fieldId: node.fieldId,
  index: node.index,
  children: node.children.map(plain),
});

/** Every parent pointer leads back to the node that lists the child, at its index. */
function parentsConsistent(node: SyntaxNode): boolean {
  return node.children.every((child, index) => child.parent === node && child.index === index && parentsConsistent(child));
}

/** What went wrong for one body, or null when the fast path bailed or agreed with tree-sitter. */
function disagreement(prepared: string): string | null {
  const fast = parseSimpleShell(prepared);
  if (!fast) return null;
  const reference = parseWithTreeSitter(prepared);
  if (!reference) return 'tree-sitter gave no tree';
  if (reference.hasError) return 'accepted a body tree-sitter parses with an error';
  if (!parentsConsistent(fast)) return 'parent pointers do not match the children';
  const a = JSON.stringify(plain(fast));
  const b = JSON.stringify(plain(reference.root));
  return a === b ? null : `fast ${a}\ntree-sitter ${b}`;
}

/** The prepared text of every shell-parsed RUN body (ONBUILD triggers included) of a Dockerfile, as model.ts hands it over. */
function runBodies(dockerfile: string): string[] {
  const source = new Source(dockerfile);
  const bodies: string[] = [];
  for (const instruction of buildModel(source).instructions) {
    for (const run of [instruction.run, instruction.trigger?.run]) {
      if (!run?.body || !run.script) continue;
      bodies.push(prepareShellText(source.slice(run.body), source.escapeChar, run.form === 'shell'));
    }
  }
  return bodies;
}

function corpusAndExampleBodies(): { file: string; body: string }[] {
  const examples = path.join(repoRoot, 'examples');
  const files = [
    ...listCorpusFiles().map((file) => path.join(corpusRoot, file)),
    ...readdirSync(examples, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(examples, entry.name, 'Dockerfile')),
  ];
  return files.flatMap((file) => runBodies(readFileSync(file, 'utf8')).map((body) => ({ file, body })));
}

// Random bodies made of what the fast path accepts, plus pieces that make it bail, so that the
// generator also walks the edges between the two (the quirks of tree-sitter-bash listed in shell-fast.ts).
const PARTS = ['a', '-', '/x', '.c', '1', '-y', '--a=b', 'x=1', '*', '~', ':', '@', '%', ',', '+', '-1', 'a#b', '=', '0x1'];
const EXPANSIONS = ['$A', '$B_c', '${C}', "'q'", "''", '"s"', '"$A"', '"a ${B} c"', '""', '$(a b)', '"$(x | y)"', '$(c)', '"a $(b) c"', '$( d && e )', '$(f 2>/dev/null)', '"$A $B"', '" ${C}"', '"$(a) "'];
const NAMES = ['apt-get', 'echo', 'rm', 'a', '"$CMD"', 'x', '$(which pip)'];
const PREFIXES = ['X=1 ', 'Y= ', 'Z="$A" ', 'A=b C=$D ', 'P=$(a) '];
const BARE = ['X=1', 'A=1 B=2', 'C=', 'X=$(a)', 'export A=1', 'export B', 'export A=$(x y) B', 'unset A', 'local a=1', 'readonly X', 'export', 'declare -x A'];
const REDIRECTS = [' > f', ' 2>&1', ' >/dev/null 2>&1', ' >> "$L"', ' < in', ' &> o', ' 1>&2', ' > f g', ' 2> /dev/null'];
const JOINS = [' && ', ' || ', ' | ', '; ', '\n', ' \\\n  && ', ' \\\n  | ', ';', ' &&\n ', ' & ', ' |& '];
// Word-level shapes (perf/fast-words): special parameters, `${…}` operators and their operands,
// backslash escapes in words and strings, `{}`, `!`, and `$(…)` holding several statements or lines.
// Each list mixes what is taken with its near misses, which must bail.
const WORD_SPECIALS = ['$1', '$10', '$1a', '$@', '$?', '$#', '$$', '$!', '$*', '$-', '$0', '$_', '$_a', '"$@"', '"$1"', '"$#"', '"$-"', '"$_"', '${1}', '${10}', '${1a}', '${@}', '${*}', '${?}', '${#}', '${_}', '${!}', '${#A}', '${!A}', '${#@}', '${!A*}'];
const WORD_OPERATORS = [':-', '-', ':=', '=', ':+', '+', ':?', '?', '#', '##', '%', '%%', ':', '/', '//', '/#', '/%', '/x/', '/-/', '/./', '/a*/', '/[a]/', '/a', '/a b/', '/$B/', ',', '^', '@Q', ': -'];
const WORD_OPERANDS = ['', 'x', '-1', '1', '--x-y', 'a-b', 'a+b', 'a.b-c', '/usr/local', '1.2.3', '_', '_-x', 'a=b', 'a#b', '#', '*', '*-', '*/', '.*', '[a-z]*', '[', ']', 'a]', '=*', '~*', '!', '?', '@', '$B', '${B}', '$(b)', '"x"', "'x'", '" x"', 'a b', ' x', 'x ', '$1', '$@', '$$', '$_', '$_a', 'a$B', '$B/c', '\\}', '{x}', '(x)', 'x}y'];
const WORD_ESCAPES = ['\\;', '\\(', '\\)', '\\"', "\\'", '\\$', '\\\\', '\\ ', 'a\\ b', '\\#', '\\!', '\\x', 'a\\', '"a\\"b"', '"\\$x"', '"a\\\\"', '"\\n"', '"a \\\n b"', '"$A\\"x"', '"$A\\x"', '{}', '{', '}', '!', '!=', 'a!b', '!a', '=2775', '==', '=~', '=a=b', '"a\nb"', '"a $B "', '" "', '"\t$A"', '"$A \n"', '"$A $(b) ${C} "', '"$A \\\n  "', '" \\\n $A"', '"\\\n$A"', '"x\\\n"', '"$A \\\\"', '"a\n  b"', '"\n\t$A\n"', '"$A \n b"', '"\n"', '"a \n\n"', '" \\\n\n $A"'];
const WORD_SUBSTITUTIONS = ['$(a; b)', '$(a\nb)', '$(a;)', '$(\na)', '$( \\\n  a \\\n  | b)', '$(a | b | c)', '$(a | b | c; d)', '$(a | b | c > f)', '$(a | b | c 2>&1)', '$(a | b > f)', '$(a | b | c\nd)', '"$(a && b; c)"', '$(a &)', '$(;)', '$(a\n\n b)', '$(A=1\nb)', '$(a # c\n)', '`a`', '$((1))'];
const wordShape = (random: () => number): string => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const roll = random();
  if (roll < 0.25) return pick(WORD_SPECIALS);
  if (roll < 0.55) return `\${${pick(['A', 'a_1', '1', '@', '_'])}${pick(WORD_OPERATORS)}${pick(WORD_OPERANDS)}}`;
  if (roll < 0.85) return pick(WORD_ESCAPES);
  return pick(WORD_SUBSTITUTIONS);
};

// Compound commands and tests (the statement lists inside them are random bodies again, nested up to
// two deep): what ends a statement in them, case patterns (tree-sitter-bash's scanner makes some an
// extglob_pattern), test expressions, and openers, closers and glued forms that bail.
const COMPOUND_TERMINATORS = ['; ', '\n', '\n  \n', ' ;\n  ', '; \\\n  ', '\n\n', ' \\\n\n  ', '\n \\\n ', ';', ' &\n'];
const CASE_PATTERNS = ['a', 'amd64', '*', '*.c', 'c*', 'x86_64', 'arm64|aarch64', 'a|b', '"$A"', "'q'", '$A', '${A}', 'esac', 'e', 'es', 'esa', 'a-b', 'a-1', '-x', '1', 'a.b', '?', '*/x', 'linux/amd64', 'v1.*', 'ab|*.c|c', '"a"*', '[ab]', '+(a)', '(a'];
const TEST_EXPRESSIONS = ['-f x', '-n "$A"', '-z $(a b)', '"$A" = b', '"$A" = amd64', 'x = a.b', '"$A" != amd64', '"$A" != "b"', '"$A" == *.c', '$A -eq 1', 'a -nt b', '! -d /x', '! a = b', 'x', '"$A"', '-f x -a -f y', 'a = -n', '-n', '( a )', '! x', 'a = b=c', 'a == c*', 'a != $B'];
// Comments between and after statements (tree-sitter-bash puts each in the innermost node around it).
const COMMENTS = [' # c\n', '\n# c\n', '; # c\n', ';# c\n', '\n  # c\n\n', ' # c \\\n', ' #c\n # d\n', ' a#b\n', '\n#\n', ' # c'];
const SUBSTITUTION_LISTS = ['$(a; b)', '$(a\nb)', '$(\n a\n)', '"$(a | b | c)"', '$(a | b | c)', '$(a | b | c > f)', '$(a | b | c && d)', '$(a;)', '$( )', '$(a &)', '$(if a; then b; fi)', '"$(a\nb)"', '$(case x in a) b;; esac)', '$(a;;)', '$({ a; })'];
const COMPOUND_SHAPES = ['if', 'if-else', 'if-elif', 'for', 'while', 'until', 'case', 'brace', 'subshell', 'negation', 'function', 'function-keyword', 'test', 'test-list'];
const COMPOUND_EDGES = ['if a; then fi', '{ }', '{a; }', 'for x; do a; done', 'for ((i=0;i<2;i++)); do a; done', 'case a in (a) b;; esac', 'case a in a) b;& esac', 'case a in a) b; esac', '((1))', '! ! a', 'f() ( a )', 'select x in a; do b; done', '[[ -f x ]]', '[ -f x]', 'echo }', 'a; }', 'if a; then b; fi c'];

function randomBody(random: () => number, depth = 0): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let nested = 0;
  const word = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const roll = random();
      if (roll < 0.03 && nested === 0) return substitution();
      return roll < 0.5 ? pick(PARTS) : roll < 0.8 ? pick(random() < 0.1 ? SUBSTITUTION_LISTS : EXPANSIONS) : wordShape(random);
    }).join('');
  // `$(…)` of random statements and separators (perf/fast-words), one level deep.
  const substitution = (): string => {
    nested++;
    let inside = pick(['', ' ', '\n', ' \\\n ']) + unit();
    for (let n = Math.floor(random() * 3); n > 0; n--) inside += pick(JOINS) + unit();
    nested--;
    return `$(${inside}${pick(['', ' ', ';', '\n', ' ;\n'])})`;
  };
  // Half the inner lists are one plain command, or nested bodies would nearly always hold something that bails.
  const inner = (): string => (random() < 0.5 ? randomBody(random, depth + 1) : `${pick(NAMES)} ${pick(PARTS)}`);
  const list = (): string => inner() + pick(random() < 0.2 ? COMMENTS : COMPOUND_TERMINATORS);
  const compound = (): string => {
    const t = pick(COMPOUND_TERMINATORS);
    switch (pick(COMPOUND_SHAPES)) {
      case 'if':
        return `if ${list()}then${pick([' ', '\n  '])}${list()}fi`;
      case 'if-else':
        return `if ${list()}then ${list()}else${pick([' ', '\n'])}${list()}fi`;
      case 'if-elif':
        return `if ${list()}then ${list()}elif ${list()}then ${list()}${random() < 0.5 ? `else ${list()}` : ''}fi`;
      case 'for':
        return `for ${pick(['x', 'a_1', '1x', 'x '])} in ${Array.from({ length: 1 + Math.floor(random() * 3) }, word).join(' ')}${t}do ${list()}done`;
      case 'while':
        return `while ${list()}do${pick([' ', '\n'])}${list()}done`;
      case 'until':
        return `until ${list()}do ${list()}done`;
      case 'case': {
        let items = '';
        for (let n = Math.floor(random() * 3); n >= 0; n--) items += `${pick(CASE_PATTERNS)}${pick(['', ' '])}) ${random() < 0.2 ? '' : inner()}${pick([' ', '\n  ', ';', ...COMMENTS])};;${pick([' ', '\n  ', ' \\\n  ', ...COMMENTS])}`;
        return `case ${pick(['"$A"', '$A', 'x', '"$(a)"'])} in${pick([' ', '\n  ', ' \\\n  ', ...COMMENTS])}${items}esac`;
      }
      case 'brace':
        return `{ ${list()}}`;
      case 'subshell':
        return `(${pick(['', ' '])}${inner()}${pick(['', ' ', ';', '\n'])})`;
      case 'negation':
        return `! ${random() < 0.5 ? `[ ${pick(TEST_EXPRESSIONS)} ]` : pick(NAMES)}`;
      case 'function':
        return `${pick(['f', 'do_it', 'a-b'])}${pick(['', ' '])}() ${pick(['', '\n'])}{ ${list()}}`;
      case 'function-keyword':
        return `function ${pick(['f', 'g'])}${pick(['', '()'])} { ${list()}}`;
      case 'test':
        return `[ ${pick(TEST_EXPRESSIONS)} ]`;
      default:
        return `[ ${pick(TEST_EXPRESSIONS)} ] ${pick(['&&', '||'])} ${pick(NAMES)}`;
    }
  };
  const unit = (): string => {
    if (depth < 2 && random() < 0.25) return (random() < 0.05 ? pick(COMPOUND_EDGES) : compound()) + (random() < 0.15 ? pick(REDIRECTS) : '');
    if (random() < 0.15) return pick(BARE) + (random() < 0.2 ? pick(REDIRECTS) : '');
    // Assignments of random words (perf/fast-words), alone, before a command, or exported.
    if (random() < 0.05) return `${pick(['V=', 'export V='])}${word()}`;
    let command = (random() < 0.2 ? pick(PREFIXES) : random() < 0.05 ? `V=${word()} ` : '') + pick(NAMES);
    for (let n = Math.floor(random() * 4); n > 0; n--) command += ` ${word()}`;
    return command + (random() < 0.2 ? pick(REDIRECTS) : '');
  };
  let body = unit();
  for (let n = Math.floor(random() * (depth > 0 ? 3 : 4)); n > 0; n--) body += pick(random() < 0.1 ? COMMENTS : JOINS) + unit();
  return depth > 0 ? body : pick(['', ' ', '\n ']) + body + pick(['', ' ', ';', '\n', ' ; ']);
}

describe('parseSimpleShell', () => {
  it('uses tree-sitter-bash field ids and node types', () => {
    const language = loadedShellLanguage();
    if (!language) throw new Error('the shell parser did not load');
    for (const [name, id] of Object.entries(FIELD_IDS)) expect(language.fieldIdForName(name), name).toBe(id);
    const types = new Set<string>();
    const collect = (node: SyntaxNode): void => {
      types.add(node.type);
      node.children.forEach(collect);
    };
    const random = prng(7);
    for (let n = 0; n < 2000; n++) {
      const tree = parseSimpleShell(randomBody(random));
      if (tree) collect(tree);
    }
    expect(types.size).toBeGreaterThan(20);
    for (const type of types) expect(language.types, type).toContain(type);
  });

  it('builds the tree tree-sitter builds for every RUN body of the corpus and the examples it accepts', () => {
    const bodies = corpusAndExampleBodies();
    const wrong = bodies.map(({ file, body }) => ({ file, body, problem: disagreement(body) })).filter((entry) => entry.problem !== null);
    expect(wrong).toEqual([]);
    // The point of the fast path: most bodies never reach tree-sitter (86% of 1,662 when written,
    // 66% before it took compound commands).
    const taken = bodies.filter(({ body }) => parseSimpleShell(body) !== null).length;
    expect(taken / bodies.length).toBeGreaterThan(0.8);
  });

  it('builds the tree tree-sitter builds for the mutants of corpus bodies it accepts', () => {
    // Real scripts with a character range cut out or a piece of syntax pasted in: the near misses of
    // real bodies (a keyword or quote lost, a redirection moved) that random bodies rarely make.
    const PASTES = [';', '\n', ' ', '&&', '|', ' > f', '#c', ' # c\n', 'fi', 'then', 'done', 'esac', ';;', '}', '{ ', ')', '(', '[ ', ' ]', '!', '\\\n', '"', "'", '$(', 'else ', ' -eq 1', ' == b', 'x=', '@', ':'];
    const random = prng(11);
    const wrong: { body: string; problem: string }[] = [];
    let taken = 0;
    for (const { body } of corpusAndExampleBodies()) {
      if (!parseSimpleShell(body)) continue;
      for (let n = 0; n < 3; n++) {
        const at = Math.floor(random() * body.length);
        const mutant = random() < 0.5 ? body.slice(0, at) + body.slice(at + 1 + Math.floor(random() * 4)) : body.slice(0, at) + PASTES[Math.floor(random() * PASTES.length)] + body.slice(at);
        const problem = disagreement(mutant);
        if (problem) wrong.push({ body: mutant, problem });
        if (parseSimpleShell(mutant)) taken++;
      }
    }
    expect(wrong).toEqual([]);
    expect(taken).toBeGreaterThan(1000);
  });

  it.each([1, 2, 3, 4])('builds the tree tree-sitter builds for random bodies it accepts (seed %i)', (seed) => {
    const random = prng(seed);
    const wrong: { body: string; problem: string }[] = [];
    let taken = 0;
    for (let n = 0; n < 5000; n++) {
      const body = randomBody(random);
      const problem = disagreement(body);
      if (problem) wrong.push({ body, problem });
      if (parseSimpleShell(body)) taken++;
    }
    expect(wrong).toEqual([]);
    // Neither all accepted nor all refused, or the comparison above would be idle.
    expect(taken).toBeGreaterThan(1000);
    expect(taken).toBeLessThan(4500);
  });

  it('accepts the everyday shapes', () => {
    for (const body of [
      'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \\\n  && rm -rf /var/lib/apt/lists/*',
      'npm ci --omit=dev; npm cache clean --force',
      'FOO=1 BAR="x $y/${z}" make -j"$(nproc)" install > /dev/null 2>&1',
      'export DEBIAN_FRONTEND=noninteractive PATH=$HOME/bin:$PATH',
      "curl -fsSL https://example.com/key | gpg --dearmor -o /usr/share/keyrings/k.gpg && echo 'ok'",
      'A=1 B=2',
      '',
      // Word shapes (perf/fast-words):
      'echo a\\ b \\; \\( \\$HOME \\"q\\" && find . -name x -exec rm {} \\;',
      'echo $(a; b) "$(c && d; e)" $( \\\n  f \\\n  | g | h \\\n) x=$(a\nb)',
      'echo ${A:-x} ${B:-} "${C:+--enable-x}" ${D:-$E} ${F:-"x y"} ${G%%[a-z]*} "${H##*-}" ${I%/php} ${J#*=}',
      'echo $1 "$@" $? $# $$ $! $* $0 $_ ${10} ${#A} ${!B} ${@}',
      'echo "a\\"b\\$c\\\\" "^$confV\\$" "x \\\n y"',
      'echo "\n\tthis is the output\n" "a\n  $B\n"',
      "echo 'it'\\''s' a!b != && chmod =2775 /x",
      'echo "$a ${b}" " $c " " "',
      "echo a-${B}-${C}-d 'a'$B'c'$D'e' a$(b)c$(d)e https://x/${V}/y-${V}.tgz",
      'echo ${f/tables/legacy} ${f//-/_} "${f/#a/}" ${f/%x*}',
      // Compound commands, tests and comments, as the long `set -eux` scripts use them:
      'set -eux; \\\n\tcase "$arch" in \\\n\t\tamd64) a=x86_64 ;; \\\n\t\tarm64|aarch64) a=aarch64 ;; \\\n\t\t*) echo "no $arch"; exit 1 ;; \\\n\tesac',
      'if [ -f x ]; then a; elif [ "$v" != "1" ]; then b; else c; fi',
      'if [ -n "$A" ] && [ "$(id -u)" = 0 ]; then\n  a\nelse\n  b # why\nfi',
      'for f in a "$B" $(ls); do \\\n  [ ! -e "$f" ] || rm "$f"; \\\n done',
      'while read -r x; do echo "$x"; done < list',
      'until a; do sleep 1; done',
      '{ echo a; echo b; } > out 2>&1',
      '(cd x && make)',
      '! grep -q x f && echo none',
      'f() { a "$x"; }; f',
      'function g { b; }',
      'x=$(a; b)',
      'x=$(\n  a\n)',
      '# a comment line\na # and one after a command',
      'case "$x" in\n  # amd64 first\n  amd64) a ;;\n  "b"|\'c\') b ;;\nesac',
      'if a; then\n  b\nelse\n  c\n  \n\nfi',
    ]) {
      expect(parseSimpleShell(body), body).not.toBeNull();
      expect(disagreement(body), body).toBeNull();
    }
  });

  it.each([
    ['a continuation inside a word', 'foo\\\nbar'],
    ['a continuation with nothing after it', 'a \\\n'],
    ['backticks', 'echo `date`'],
    ['arithmetic', 'echo $((1 + 2))'],
    ['[[', '[[ -f x ]] && y'],
    ['a heredoc', 'cat <<EOF\nx\nEOF'],
    ['a here-string', 'cat <<< x'],
    ['a background job', 'a & b'],
    ['arithmetic in $((…)) and ((…))', '((i++))'],
    ['a C-style for', 'for ((i = 0; i < 3; i++)); do a; done'],
    ['a for without in', 'for x; do a; done'],
    ['select', 'select x in a b; do c; done'],
    ['an empty then', 'if a; then fi'],
    ['an empty brace group', '{ }'],
    ['a brace glued to a word', '{a; }'],
    ['a case pattern after (', 'case x in (a) b;; esac'],
    ['a case fallthrough', 'case x in a) b;& esac'],
    ['a last case item without ;;', 'case x in a) b; esac'],
    ['a case pattern mixing a word and a quote', 'case x in a"b") c;; esac'],
    ['a case pattern with a bracket', 'case x in [ab]) c;; esac'],
    ['a function with a subshell body', 'f() ( a )'],
    ['a function with a redirection', 'f() { a; } > log'],
    ['a double negation', '! ! a'],
    ['a negated compound', '! { a; }'],
    ['a test with -a', '[ -f x -a -f y ]'],
    ['a test with parentheses', '[ ( a ) ]'],
    ['a test operand starting with -', '[ x = -n ]'],
    ['a test glued to ]', '[ -f x]'],
    ['|&', 'a |& b'],
    ['a keyword as an argument', 'echo done'],
    ['a declaration with an option', 'declare -x A=1'],
    ['assignments before a declaration', 'A=1 export B'],
    ['a bare dollar', 'echo $ x'],
    ['a glob bracket', 'ls [ab]*'],
    ['a brace expansion', 'echo {a,b}'],
    ['an unterminated quote', 'echo "a'],
    ['non-ASCII text', 'echo café'],
    ['a number as a command name', '1 a'],
    ['+=', 'A+=1'],
    ['a redirection before the command name', '> f a'],
    ['a redirection after assignments only', 'A=1 > f cmd'],
    ['closing a descriptor', 'a 2>&-'],
    ['>|', 'a >| f'],
    ['a word glued to a redirection', 'a x>f'],
    // tree-sitter-bash quirks the fast path does not imitate:
    ['a $NAME late in a concatenation before a word', 'echo $A-$B-$C'],
    ['a $NAME late in a concatenation before a word, after ${…}', 'echo a/${B}$C/d'],
    ['a number in a concatenation', 'echo 1"x"'],
    ['a line break after two assignments', 'A=1 B=2\ncmd'],
    ['a line break after an empty assignment', 'A=\ncmd'],
    ['a lone - before a descriptor', 'echo - 2>&1'],
    ['a list after a long pipeline', 'a | b | c && d'],
    ['a redirection lines after a long pipeline', 'a | b | c\nd > f'],
    ['an assignment in a pipeline', 'A=1 | b'],
    ['an empty statement', 'a;;b'],
    ['a statement starting with an operator', '&& a'],
    ['a slice', 'echo ${A:1:2}'],
    ['a replacement with a quoted pattern', 'echo ${A/"x"/y}'],
    ['a case operator', 'echo ${A,,}'],
    ['a subscript', 'echo ${A[0]}'],
    ['a quoted pattern', 'echo ${A%"x"}'],
    ['an escaped blank starting a word', 'echo \\ a'],
    ['a lone brace', 'echo {'],
    ['{} as a command name', '{} a'],
    ['! glued to a command name', '!a b'],
    // tree-sitter-bash quirks in words the fast path does not imitate:
    ['an escape after an expansion (two words)', 'echo $A\\x'],
    ['$$ after the first part (a bare $ token)', 'echo x$$'],
    ['a digit parameter after the second part (a bare $ and a number)', 'echo "a"b$1'],
    ['a name glued to a special parameter (`*ax` is one name)', 'echo $*ax=1'],
    ['an operator run after a digit name', 'echo ${1#!}'],
    ['a special parameter as an expansion operand (a word)', 'echo ${A:-$@}'],
    ['a name and `-` as an expansion operand (split in two)', 'echo ${A:-a-b}'],
    ['a blank in an expansion operand', 'echo ${A:- x}'],
    ['an empty pattern', 'echo ${A##}'],
    ['a replacement starting with a digit (a number there)', 'echo ${A/x/1}'],
    ['a concatenation ending in - before $$ (the - is lost)', 'echo ${A}- $$'],
    ['an empty assignment closing $(…) (an error)', 'echo $(A=)'],
    ['a redirection after a long pipeline in $(…) (nested as a | (b | c > f))', 'echo $(a | b | c > f)'],
    ['a test operator as an argument (its own token)', 'echo == x =~ y'],
    ['$- (a blank and the next word can join it as a variable_name)', 'echo $- 0x1x=1'],
    ['a # in a command name', 'X=1 a#b'],
    ['an empty assignment before )', '( C=)'],
    ['! before a comparison in a test (tree-sitter-bash negates the left operand)', '[ ! a = b ]'],
    ['a redirection after a long pipeline in a subshell', '( a | b | c > f )'],
    ['a redirection after a long pipeline in a case item', 'case x in a) a | b | c > f;; esac'],
    ['a pipe after a redirected long pipeline', '{ c; } > f | x | d > f | y'],
    ['a redirection after a test with -op (read as [ redirected_statement ])', '[ a -eq 1 ] && c\nd > f\n[ x ]'],
    ['the same with the test in a closed compound', '{ [ a -lt 2 ]\n} | { c; } > f\n[ a == b ]'],
    ['a case inside $(…)', 'echo $(case x in a) b;; esac)x'],
    ['a test operand tree-sitter-bash reads as a unary operator', '[ "$a" = ~x ]'],
    ['a descriptor starting with 0 (an error to tree-sitter-bash)', 'a 0>f'],
    ['a command name tree-sitter-bash reads as an assignment', 'a; --input="$p"'],
    ['a command name its scanner reads as a variable name', 'touch@1 f'],
    ['the same after an assignment', 'x=1 a:b c'],
    ['an empty assignment before |', 'export A=|| b'],
    ['a lone - as a command name (dropped before an assignment)', '- A=1'],
    ['a command name starting with -', '--a%b c'],
  ])('leaves %s to tree-sitter', (_what, body) => {
    expect(parseSimpleShell(body)).toBeNull();
  });
});
