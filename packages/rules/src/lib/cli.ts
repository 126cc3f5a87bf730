import type { ShellCommand, ShellWord } from '@dockfix/core';

/** One option of a command line: `-y`, `-qq` (a cluster), `--no-cache`, `--index-url=x`, `-o Dpkg::Options=…`. */
export interface CliOption {
  /** Without leading dashes; a short cluster keeps its letters together (`qy`). */
  readonly name: string;
  readonly long: boolean;
  /** The value after `=`, attached to a short option, or in the next word; null for a switch. */
  readonly value: string | null;
  /** The words it spans: one, or two when the value is the next word. */
  readonly words: readonly ShellWord[];
}

/** A command line split into the program, an optional subcommand, options and operands. */
export interface CliCall {
  readonly command: ShellCommand;
  /** The program's base name after wrappers (`sudo`, `env`, …) are skipped: `apt-get`, `pip3`. */
  readonly tool: string;
  readonly toolWord: ShellWord;
  /** True when the program runs through `sudo`. */
  readonly sudo: boolean;
  /** The first operand when the spec asks for one (`install` in `apt-get -q install x`); null when there is none. */
  readonly subcommand: ShellWord | null;
  readonly options: readonly CliOption[];
  /** Operands after the subcommand. */
  readonly operands: readonly ShellWord[];
  /** Every word after the program, in order. */
  readonly words: readonly ShellWord[];
  /** True when some word after the program expands at build time to something unknown (`$OPTS`, `"$@"`). */
  readonly dynamic: boolean;
}

/** How to read one program's command line. */
export interface CliSpec {
  /** Options that take a value (`o`, `index-url`); `--name value` consumes the next word for these only. */
  readonly valueOptions?: ReadonlySet<string>;
  /** True when the first operand is a subcommand (`apt-get install`). */
  readonly subcommand?: boolean;
  /** Go-style flags: `-ldflags` is one long option, not a cluster of letters. */
  readonly singleDashLong?: boolean;
}

/**
 * Wrappers that run the rest of their arguments as a command: `sudo apt-get …`, `env X=1 pip …`. A Map,
 * not an object: a command named `constructor` or `toString` is no wrapper.
 */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    // The options of each wrapper that take a value.
    sudo: new Set(['u', 'user', 'g', 'group', 'C', 'close-from', 'p', 'prompt', 'r', 'role', 't', 'type', 'D', 'chdir', 'h', 'host', 'U', 'other-user', 'T', 'command-timeout']),
    env: new Set(['u', 'unset', 'C', 'chdir', 'S', 'split-string']),
    command: new Set(),
    nice: new Set(['n', 'adjustment']),
    nohup: new Set(),
    time: new Set(['f', 'format', 'o', 'output']),
    eatmydata: new Set(),
    stdbuf: new Set(['i', 'o', 'e', 'input', 'output', 'error']),
  }),
);

/** The base name of a program path: `/usr/bin/apt-get` → `apt-get`. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * The program a command really runs and its arguments, after `sudo`, `env`, `command`, `nice`,
 * `time`, … (with their options and `VAR=value` words). Null when a wrapper's target is only known at build time.
 */
export function unwrap(command: ShellCommand): Unwrapped | null {
  return factsOf(command);
}

function factsOf(command: ShellCommand): CommandFacts | null {
  // Dozens of rules ask this of every command: answer each command once.
  const holder = command as ShellCommand & { [FACTS]?: CommandFacts | null };
  let facts = holder[FACTS];
  if (facts === undefined) {
    facts = unwrapUncached(command);
    // Not enumerable: a copy of the command (`{ ...command }`, as a fix pass makes of a moved body)
    // must not take along facts whose words have the old ranges.
    Object.defineProperty(holder, FACTS, { value: facts, writable: true });
  }
  return facts;
}

/** A command's real program and its arguments (see {@link unwrap}). */
export interface Unwrapped {
  readonly nameWord: ShellWord;
  readonly args: readonly ShellWord[];
  readonly sudo: boolean;
  /** The program's base name (`apt-get` for `/usr/bin/apt-get`); null when `nameWord` is dynamic. */
  readonly tool: string | null;
}

/**
 * What the rules derived from one command, kept with its {@link Unwrapped}: a dozen rules ask each
 * command whether it is an apt, apk, rpm, … call or an `rm`, and one entry per command (rather than one
 * per question, see {@link FACTS}) keeps the asking to a lookup.
 */
interface CommandFacts extends Unwrapped {
  /** The command split by each spec (module constants), no words skipped. */
  calls?: Map<CliSpec, CliCall>;
  rm?: readonly string[];
}

/**
 * Where a command's facts are kept: on the command itself, under this module's own symbol. It was a
 * WeakMap, and its lookups, asked of every command by dozens of rules, were ~3% of lint(); a property
 * read is an inline-cached load. Commands are plain objects, made once per parse and never frozen; a
 * non-enumerable symbol key is invisible to Object.keys, JSON.stringify and object spread.
 */
const FACTS = Symbol('dockfix.commandFacts');

function unwrapUncached(command: ShellCommand): CommandFacts | null {
  let nameWord = command.nameWord;
  let args = command.args;
  let sudo = false;
  for (let depth = 0; depth < 4; depth++) {
    if (nameWord.dynamic) return null;
    const wrapper = baseName(nameWord.value);
    const valueOptions = WRAPPERS.get(wrapper);
    if (!valueOptions) return { nameWord, args, sudo, tool: wrapper };
    if (wrapper === 'sudo') sudo = true;
    let i = 0;
    for (; i < args.length; i++) {
      const word = args[i] as ShellWord;
      const text = word.value;
      if (word.dynamic) return null;
      if (wrapper === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) continue;
      if (text === '--') {
        i++;
        break;
      }
      if (!text.startsWith('-') || text === '-') break;
      const long = text.startsWith('--');
      const name = long ? text.slice(2).split('=')[0] ?? '' : text.slice(1);
      if (long ? valueOptions.has(name) && !text.includes('=') : name.length === 1 && valueOptions.has(name)) i++;
    }
    const next = args[i];
    if (!next) return null;
    nameWord = next;
    args = args.slice(i + 1);
  }
  return { nameWord, args, sudo, tool: nameWord.dynamic ? null : baseName(nameWord.value) };
}

/** Splits a command line by `spec`; null when a wrapper hides the program. */
export function parseCli(command: ShellCommand, spec: CliSpec = {}, skip = 0): CliCall | null {
  const unwrapped = factsOf(command);
  if (!unwrapped || unwrapped.tool === null) return null;
  return split(command, unwrapped, spec, skip);
}

/**
 * {@link parseCli} for a program named in `tools` (base names), else null; each (command, spec) pair is
 * split once. `spec` must be a module constant: the cache is keyed by its identity. Every
 * package-manager rule asks this of every command of every RUN.
 */
export function toolCall(command: ShellCommand, tools: readonly string[], spec: CliSpec): CliCall | null {
  const unwrapped = factsOf(command);
  if (!unwrapped || unwrapped.tool === null || !tools.includes(unwrapped.tool)) return null;
  return cachedCall(command, unwrapped, spec);
}

/** {@link parseCli} with a module-constant `spec`, split once per command (see {@link toolCall}). */
export function parseCliOnce(command: ShellCommand, spec: CliSpec): CliCall | null {
  const unwrapped = factsOf(command);
  if (!unwrapped || unwrapped.tool === null) return null;
  return cachedCall(command, unwrapped, spec);
}

function cachedCall(command: ShellCommand, unwrapped: CommandFacts, spec: CliSpec): CliCall {
  const calls = (unwrapped.calls ??= new Map());
  let call = calls.get(spec);
  if (call === undefined) {
    call = split(command, unwrapped, spec, 0);
    calls.set(spec, call);
  }
  return call;
}

const NO_VALUES: ReadonlySet<string> = new Set();

function split(command: ShellCommand, unwrapped: Unwrapped, spec: CliSpec, skip: number): CliCall {
  const words = unwrapped.args.slice(skip);
  const valueOptions = spec.valueOptions ?? NO_VALUES;
  const options: CliOption[] = [];
  const operands: ShellWord[] = [];
  let subcommand: ShellWord | null = null;
  let onlyOperands = false;
  let dynamic = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    const text = word.value;
    if (word.dynamic) dynamic = true;
    if (onlyOperands || word.dynamic || !text.startsWith('-') || text === '-') {
      if (!word.dynamic && text === '--' && !onlyOperands) {
        onlyOperands = true;
        continue;
      }
      if (spec.subcommand && subcommand === null && !word.dynamic) subcommand = word;
      else operands.push(word);
      continue;
    }
    const next = words[i + 1];
    const takeNext = (name: string): string | null => {
      if (!next || !valueOptions.has(name)) return null;
      i++;
      return next.value;
    };
    if (text.startsWith('--') || spec.singleDashLong) {
      const body = text.replace(/^--?/, '');
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      const value = eq === -1 ? takeNext(name) : body.slice(eq + 1);
      options.push({ name, long: true, value, words: value !== null && eq === -1 ? [word, next as ShellWord] : [word] });
      continue;
    }
    // A cluster of short options; the first one that takes a value ends it (`-oFoo=1`, `-to bookworm`).
    const letters = text.slice(1);
    let name = letters;
    let value: string | null = null;
    let spanned: ShellWord[] = [word];
    const eq = letters.indexOf('=');
    if (eq > 0 && ![...letters.slice(0, eq)].some((letter) => valueOptions.has(letter))) {
      // `-q=2`: a value given to the last letter with `=`.
      options.push({ name: letters.slice(0, eq), long: false, value: letters.slice(eq + 1), words: spanned });
      continue;
    }
    for (let j = 0; j < letters.length; j++) {
      if (!valueOptions.has(letters[j] ?? '')) continue;
      name = letters.slice(0, j + 1);
      const rest = letters.slice(j + 1).replace(/^=/, '');
      if (rest) value = rest;
      else {
        value = takeNext(letters[j] ?? '');
        if (value !== null) spanned = [word, next as ShellWord];
      }
      break;
    }
    options.push({ name, long: false, value, words: spanned });
  }
  return {
    command,
    tool: unwrapped.tool as string,
    toolWord: unwrapped.nameWord,
    sudo: unwrapped.sudo,
    subcommand,
    options,
    operands,
    words,
    dynamic,
  };
}

/** True when the call has one of these options: long names exactly, short letters anywhere in a cluster. */
export function hasOption(call: CliCall, names: { long?: readonly string[]; short?: readonly string[] }): boolean {
  return call.options.some((option) =>
    option.long ? (names.long ?? []).includes(option.name) : (names.short ?? []).some((letter) => option.name.includes(letter)),
  );
}

/** The value of the first option with one of these names (long or single-letter short). */
export function optionValue(call: CliCall, names: readonly string[]): string | null {
  for (const option of call.options) {
    const name = option.long ? option.name : option.name.at(-1);
    if (name !== undefined && names.includes(name) && option.value !== null) return option.value;
  }
  return null;
}

/** How many times a short letter appears across clusters (`-qq`, `-q -q`). */
export function countShort(call: CliCall, letter: string): number {
  let count = 0;
  for (const option of call.options) if (!option.long) count += [...option.name].filter((c) => c === letter).length;
  return count;
}

/** True when a dynamic word could expand to an option (`$OPTS`, `"$@"`), so a missing flag may be there at build time. */
export function mayHideOptions(call: CliCall): boolean {
  return call.words.some((word) => word.dynamic && /^["']?[$`]/.test(word.text));
}

/** The operands of an `rm` (also through sudo), unquoted; null when the command is not rm. */
export function rmOperands(command: ShellCommand): readonly string[] | null {
  const unwrapped = factsOf(command);
  if (!unwrapped || unwrapped.tool !== 'rm') return null;
  unwrapped.rm ??= unwrapped.args.filter((word) => !word.value.startsWith('-')).map((word) => word.value.replace(/^["']|["']$/g, ''));
  return unwrapped.rm;
}
