import { existsSync } from 'node:fs';
import type { Argv, Options } from 'yargs';
import type { CheckArgs } from './commands/common.js';
import type { FixArgs } from './commands/fix.js';
import type { FormatArgs } from './commands/format.js';
import type { RuleArgs } from './commands/rule.js';
import type { RulesArgs } from './commands/rules.js';
import { parseOutputs } from './report/outputs.js';
import { REPORTER_NAMES } from './report/registry.js';
import { FAIL_ON_VALUES, type FailOn } from './fail-on.js';
import type { SeverityOverrides } from './settings.js';
import type { PrintConfigArgs } from './commands/config.js';
import { parseSize } from './size.js';
import { dockfixVersion } from './version.js';
import { AUTO_MIN_FILES, CACHE_STRATEGIES, DEFAULT_CACHE_FILE, type CacheStrategy, type Jobs } from './scale-options.js';
import { stderr } from './stdio.js';

const EXIT_CODES = `Exit codes:
  0  nothing at or above --fail-on, at most --max-warnings warnings (or --exit-zero / --no-fail)
  1  problems found (fix: problems remain; with --check: something would change)
  2  usage, configuration, I/O or parse error (a file could not be read or is not a Dockerfile);
     report files (--format name:path, -o) are then not written

Formats: ${REPORTER_NAMES.join(', ')}. Repeat --format name:path to write several reports at once.`;

const FORMAT_EXIT_CODES = `Exit codes:
  0  formatted (or, with --check, already formatted)
  1  with --check: some file would be reformatted
  2  usage, configuration, I/O or parse error`;

/** A coercion that splits `--select a,b --select c` into `['a', 'b', 'c']` and refuses an empty list. */
function ruleList(option: string): (value: string | readonly string[]) => string[] {
  return (value) => {
    rejectNegated(option, value);
    const list = [value]
      .flat()
      .flatMap((item) => String(item).split(','))
      .map((item) => item.trim())
      .filter(Boolean);
    if (list.length === 0) throw new Error(`--${option} needs rule ids, aliases or categories, like --${option} DL3059,npm-ci`);
    return list;
  };
}

/**
 * yargs reads `--no-<name>` as `<name>: false` for every option; for one that takes a value that is a
 * usage error, not the value "false" (`--no-select` once meant `unknown rule "false"`).
 */
function rejectNegated(option: string, value: unknown): void {
  if (value === false || (Array.isArray(value) && value.includes(false))) throw new Error(`--no-${option} is not an option: --${option} takes a value`);
}

/**
 * The same check for every option that is not a boolean and has no coercion doing it (yargs
 * applies coercions first); `--no-config` is the one negation with a meaning: no config file.
 */
function rejectNegatedValues(argv: Record<string, unknown>, parser: Argv): void {
  // getOptions() is public yargs API that @types/yargs does not declare.
  const declared = (parser as unknown as { getOptions(): { key: Record<string, unknown>; boolean: string[] } }).getOptions();
  for (const option of Object.keys(declared.key)) {
    // One-letter keys are aliases of long options, which are checked under their own names.
    if (option.length > 1 && option !== 'config' && !declared.boolean.includes(option)) rejectNegated(option, argv[option]);
  }
}

// Repeatable string options are declared as plain strings (yargs collects repeats into an array):
// `type: 'array'` would swallow the paths that follow, as in `--select DL3059 Dockerfile`.
const CHECK_OPTIONS = {
  format: {
    alias: 'f',
    type: 'string',
    describe: `Report format (${REPORTER_NAMES.join(', ')}; default stylish); name:path writes that report to a file; repeatable`,
    group: 'Output:',
  },
  'output-file': { alias: 'o', type: 'string', describe: 'Write the report (the --format without a path) to a file instead of stdout', group: 'Output:' },
  color: { type: 'boolean', describe: 'Force colour on or off (default: on for a terminal; NO_COLOR and FORCE_COLOR are respected)', group: 'Output:' },
  quiet: { alias: 'q', type: 'boolean', describe: 'Report errors only', group: 'Output:' },
  statistics: { type: 'boolean', describe: 'Print how many problems each rule found instead of the problems (JSON with --format json)', group: 'Output:' },
  verbose: { alias: 'show-fixes', type: 'boolean', describe: 'Under each problem, show why (its help), the lines and the fix as a diff', group: 'Output:' },
  select: { type: 'string', describe: 'Rules to run instead of the defaults: ids, aliases (DL3059), categories or ALL; comma-separated or repeated', coerce: ruleList('select'), group: 'Rules:' },
  'extend-select': { type: 'string', describe: 'Rules to run in addition (e.g. opt-in rules)', coerce: ruleList('extend-select'), group: 'Rules:' },
  ignore: { type: 'string', describe: 'Rules not to run', coerce: ruleList('ignore'), group: 'Rules:' },
  shellcheck: { type: 'boolean', describe: 'Also run ShellCheck on RUN commands (the shellcheck rule; needs the shellcheck binary)', group: 'Rules:' },
  config: {
    alias: 'c',
    type: 'string',
    describe: 'Config file for every Dockerfile (default: the nearest dockfix config up from each file, else .hadolint.yaml); --no-config: none at all',
    group: 'Config:',
  },
  'config-lookup': { type: 'boolean', describe: 'Search for config files (--no-config-lookup: only --config applies)', group: 'Config:' },
  'report-unused-pragmas': { type: 'boolean', describe: 'Report pragmas that silence nothing (rule unused-pragma)', group: 'Rules:' },
  error: { type: 'string', describe: 'Report these rules (ids or aliases) as errors (hadolint --error); comma-separated or repeated', coerce: ruleList('error'), group: 'Rules:' },
  warning: { type: 'string', describe: 'Report these rules as warnings', coerce: ruleList('warning'), group: 'Rules:' },
  info: { type: 'string', describe: 'Report these rules as info', coerce: ruleList('info'), group: 'Rules:' },
  style: { type: 'string', describe: 'Report these rules as style', coerce: ruleList('style'), group: 'Rules:' },
  'fail-on': {
    alias: ['failure-threshold', 't'],
    choices: FAIL_ON_VALUES,
    describe: 'Lowest severity that makes the exit code 1; none never fails (default: style, i.e. any problem; error with --max-warnings)',
    group: 'Exit status:',
  },
  'max-warnings': {
    // No `type: 'number'`: yargs would turn `--no-max-warnings` into 0, a valid limit, before the coercion sees it.
    describe: 'Exit 1 when more than this many warnings are found (errors always fail unless --fail-on says otherwise)',
    coerce: (value: unknown) => {
      rejectNegated('max-warnings', value);
      const last = [value].flat().at(-1);
      const number = typeof last === 'boolean' ? Number.NaN : Number(last);
      if (!Number.isInteger(number) || number < 0) throw new Error('--max-warnings must be a whole number of warnings, like --max-warnings 0');
      return number;
    },
    group: 'Exit status:',
  },
  'exit-zero': { type: 'boolean', describe: 'Exit 0 even when problems are found (hadolint spelling: --no-fail); 2 still reports errors', group: 'Exit status:' },
  // Only its negation is meant to be used: `--no-fail`, as hadolint spells --exit-zero.
  fail: { type: 'boolean', default: true, hidden: true },
  'respect-gitignore': { type: 'boolean', default: true, describe: 'Skip files ignored by .gitignore when searching directories and globs (--no-respect-gitignore to lint them)', group: 'Input:' },
  'max-file-size': {
    type: 'string',
    describe: 'Largest file read as a Dockerfile: bytes or with a unit (512k, 5mb; default 1mb)',
    group: 'Input:',
    coerce: (value: string | readonly string[]) => {
      rejectNegated('max-file-size', value);
      const text = String([value].flat().at(-1));
      const size = parseSize(text);
      if (size === null) throw new Error(`--max-file-size: "${text}" is not a size; use bytes or a unit, like 5mb or 512k`);
      return size;
    },
  },
  'stdin-filename': { type: 'string', describe: 'Name of the file read from stdin (`-`), for messages and rules', group: 'Input:' },
  jobs: {
    alias: ['j', 'concurrency'],
    type: 'string',
    describe: `Worker threads checking files: a number (1: none, all in the main thread) or auto (default: none below ${AUTO_MIN_FILES} files to check, then one per 100 files, up to one per two logical cores); output is the same either way`,
    group: 'Performance:',
    coerce: (value: string | readonly string[]) => {
      rejectNegated('jobs', value);
      const text = String([value].flat().at(-1)).trim();
      if (text === 'auto') return 'auto';
      // ESLint's --concurrency spells one thread `off`.
      if (text === 'off') return 1;
      const number = Number(text);
      if (!/^\d+$/.test(text) || number < 1 || number > 256) throw new Error(`--jobs must be auto or a whole number of threads from 1 to 256, like --jobs 4 (got "${text}")`);
      return number;
    },
  },
  cache: { type: 'boolean', describe: 'Reuse the results of files unchanged since the last run with --cache (kept in .dockfixcache)', group: 'Performance:' },
  'cache-location': { type: 'string', describe: `The cache file, or a directory to keep ${DEFAULT_CACHE_FILE} in (default: ${DEFAULT_CACHE_FILE} in the current directory)`, group: 'Performance:' },
  'cache-strategy': {
    choices: CACHE_STRATEGIES,
    describe: 'How a file counts as unchanged: metadata (content, size and mtime: a touched file is checked again) or content (the content alone; for CI, where a checkout sets new mtimes)',
    defaultDescription: 'metadata',
    group: 'Performance:',
  },
} satisfies Record<string, Options>;

const FIX_OPTIONS = {
  unsafe: { type: 'boolean', describe: 'Also apply unsafe fixes (they may change what the image does)', group: 'Fixing:' },
  diff: { type: 'boolean', describe: 'Print a unified diff of the fixes; write nothing', group: 'Fixing:' },
  stdout: { type: 'boolean', describe: 'Print the fixed file instead of writing it (one file, or stdin)', conflicts: 'diff', group: 'Fixing:' },
  check: { type: 'boolean', describe: 'Write nothing; exit 1 if anything would change (use with --diff to see what)', conflicts: 'stdout', group: 'Fixing:' },
} satisfies Record<string, Options>;

type Command =
  | { readonly name: 'lint'; readonly args: CheckArgs }
  | { readonly name: 'fix'; readonly args: FixArgs }
  | { readonly name: 'format'; readonly args: FormatArgs }
  | { readonly name: 'rules'; readonly args: RulesArgs }
  | { readonly name: 'rule'; readonly args: RuleArgs }
  | { readonly name: 'print-config'; readonly args: PrintConfigArgs }
  | { readonly name: 'init' };

/** A coercion for `--tab-width 2`: a whole number in a range, or a usage error naming the option. */
function wholeNumber(option: string, min: number, max: number): (value: unknown) => number {
  return (value) => {
    rejectNegated(option, value);
    const number = Number([value].flat().at(-1));
    if (!Number.isInteger(number) || number < min || number > max) throw new Error(`--${option} must be a whole number from ${min} to ${max}, like --${option} ${min === 1 ? 4 : min}`);
    return number;
  };
}

const FORMAT_OPTIONS = {
  check: { type: 'boolean', describe: 'Write nothing; list the files that would change and exit 1 if any would', group: 'Formatting:' },
  diff: { type: 'boolean', describe: 'Print a unified diff of the changes; write nothing', group: 'Formatting:' },
  fixes: {
    choices: ['none', 'safe'] as const,
    default: 'none' as const,
    describe: 'Also apply the safe fixes of the rules the config turns on, before formatting (`safe`: what prettier-plugin-dockfix does on save)',
    group: 'Formatting:',
  },
  'tab-width': { type: 'number', describe: 'Columns per continuation-line indentation level (default 4)', coerce: wholeNumber('tab-width', 1, 16), group: 'Formatting:' },
  'use-tabs': { type: 'boolean', describe: 'Indent continuation lines with tabs', group: 'Formatting:' },
  'print-width': { type: 'number', describe: 'Width within which a broken exec-form array is joined onto one line (default 80)', coerce: wholeNumber('print-width', 1, 1000), group: 'Formatting:' },
  'end-of-line': { choices: ['auto', 'lf', 'crlf'] as const, default: 'auto' as const, describe: "Line breaks of the output (auto: keep the file's)", group: 'Formatting:' },
  'operator-position': {
    choices: ['auto', 'start', 'end', 'preserve'] as const,
    default: 'auto' as const,
    describe: 'Where && and || go at continuation breaks (auto: where most of the file has them)',
    group: 'Formatting:',
  },
  config: CHECK_OPTIONS.config,
  color: { type: 'boolean', describe: 'Accepted for symmetry with lint and fix; format prints no colour', group: 'Output:' },
  'respect-gitignore': CHECK_OPTIONS['respect-gitignore'],
  'config-lookup': CHECK_OPTIONS['config-lookup'],
  'max-file-size': CHECK_OPTIONS['max-file-size'],
  'stdin-filename': { ...CHECK_OPTIONS['stdin-filename'], describe: 'Name of the file read from stdin (`-`), for messages, the config search and fixes' },
} satisfies Record<string, Options>;

/** Runs the command line (without `node` and the script) and returns the exit code. */
export async function main(commandLine: readonly string[]): Promise<number> {
  let argv = commandLine;
  // Start loading the linter while yargs parses: most of its cost is compiling WebAssembly, which
  // runs off the main thread. A failed or unneeded prefetch is harmless.
  argv = withDefaultCommand(argv);
  prefetchCommand(argv);
  const unknown = unknownCommand(argv);
  if (unknown) {
    stderr.write(`dockfix: ${unknown}\n`);
    return 2;
  }
  const plain = plainCommand(argv);
  const { command, usageError } = plain ? { command: plain, usageError: null } : await parseCommandLine(argv);
  if (usageError !== null) {
    const helpFor = (COMMANDS as readonly (string | undefined)[]).includes(argv[0]) ? `dockfix ${argv[0]} --help` : 'dockfix --help';
    stderr.write(`dockfix: ${usageError}; see \`${helpFor}\`\n`);
    return 2;
  }
  // --help and --version were answered by yargs.
  if (!command) return 0;
  // Each command module is imported only when it runs (see the pattern in report/registry.ts).
  switch (command.name) {
    case 'lint':
      return (await withEngine(import('./commands/lint.js'))).runLint(command.args);
    case 'fix':
      return (await withEngine(import('./commands/fix.js'))).runFix(command.args);
    case 'format':
      return (await withEngine(import('./commands/format.js'))).runFormat(command.args);
    case 'rules':
      return (await withEngine(import('./commands/rules.js'))).runRules(command.args);
    case 'rule':
      return (await withEngine(import('./commands/rule.js'))).runRule(command.args);
    case 'print-config':
      return (await withEngine(import('./commands/config.js'))).runPrintConfig(command.args);
    case 'init':
      return (await withEngine(import('./commands/config.js'))).runInit();
  }
}

/**
 * The command of a line that is `lint` or `fix` and paths alone (a pre-commit hook's
 * `dockfix lint FILE…`), read without yargs; null for any other line, which
 * {@link parseCommandLine} reads. Loading yargs, declaring the commands and parsing were ~8 ms of
 * such a run. The command must be the one yargs gives (test/cli/plain-command.test.ts compares them),
 * so an argument yargs would read as anything but a path leaves the line to yargs: an option, `-`,
 * `--`, `help`, an empty one, or one that may look like a number (yargs-parser turns `0123` into 123).
 */
export function plainCommand(argv: readonly string[]): Command | null {
  const [name, ...paths] = argv;
  if ((name !== 'lint' && name !== 'fix') || !paths.every(isPlainPath)) return null;
  return name === 'lint' ? { name, args: checkArgs({ paths }) } : { name, args: fixArgs({ paths }) };
}

/** Not `help` (yargs shows help for a last positional `help`), no option, `-` or `--`, not empty, not a number to yargs-parser. */
function isPlainPath(arg: string): boolean {
  return arg !== '' && arg !== 'help' && !arg.startsWith('-') && !/^(?:[+.\d]|0x)/i.test(arg);
}

/** The command yargs reads from the line (null for --help and --version, which it answers), or why the line is wrong. */
export async function parseCommandLine(argv: readonly string[]): Promise<{ readonly command: Command | null; readonly usageError: string | null }> {
  // Imported here, not at the top: a plain `dockfix lint FILE` never needs yargs (see plainCommand).
  const { default: yargs } = await import('yargs');
  let usageError: string | null = null;
  let command: Command | null = null;
  const instance = yargs(argv.map((arg) => (arg === '-' ? STDIN_ARG : arg)));
  const parser = instance
    .scriptName('dockfix')
    .usage('Usage: $0 <command> [options]\n\nLint Dockerfiles and fix what is wrong: smaller, faster, safer images.')
    .command(
      'lint [paths..]',
      'Report problems in Dockerfiles',
      (y) =>
        checkPositionals(y)
          .options(CHECK_OPTIONS)
          .example('$0 lint', 'Lint every Dockerfile under the current directory')
          .example('$0 lint docker/api.Dockerfile --format json', 'Lint one file, JSON report')
          .example('$0 lint --select DL3059,npm-ci', 'Run only these rules (ids or hadolint codes)')
          .example('$0 lint --fail-on error', 'Exit 1 only for errors (-t/--failure-threshold: hadolint spelling)')
          .example('$0 lint --max-warnings 10', 'Fail on errors, or on more than 10 warnings (ESLint)')
          .example('$0 lint -f stylish -f sarif:dockfix.sarif', 'Console report, plus SARIF for code scanning')
          .example('$0 lint -f github', 'Annotations on the pull request in GitHub Actions')
          .example('$0 lint --error DL3008 --statistics', 'Raise a rule to error; show counts per rule')
          .example("$0 lint 'services/**/Dockerfile'", 'Quoted globs are expanded by dockfix; .gitignore is respected')
          .example('$0 lint - < Dockerfile', 'Lint standard input (name it with --stdin-filename)')
          .example('$0 lint --cache', 'Check only what changed since the last --cache run (.dockfixcache)')
          .epilogue(EXIT_CODES),
      (parsed) => {
        command = { name: 'lint', args: checkArgs(parsed) };
      },
    )
    .command(
      'fix [paths..]',
      'Fix problems in place, then report what remains',
      (y) =>
        checkPositionals(y)
          .options(CHECK_OPTIONS)
          .options(FIX_OPTIONS)
          .example('$0 fix', 'Apply safe fixes to every Dockerfile under the current directory')
          .example('$0 fix --diff', 'Show what would change; write nothing')
          .example('$0 fix --diff --check', 'In CI: fail when a fix would change something')
          .example('$0 fix --unsafe Dockerfile', 'Also apply fixes that may change behaviour')
          .example('$0 fix --stdout Dockerfile', 'Print the fixed file instead of writing it')
          .example('$0 fix - < Dockerfile > fixed', 'Fix standard input, print the result')
          .example('$0 fix --exit-zero -f rdjson:dockfix.rdjson', 'Fix, keep going, write what remains for reviewdog')
          .epilogue(EXIT_CODES),
      (parsed) => {
        command = { name: 'fix', args: fixArgs(parsed) };
      },
    )
    .command(
      'format [paths..]',
      'Format Dockerfiles in place (optionally with the safe fixes)',
      (y) =>
        checkPositionals(y)
          .options(FORMAT_OPTIONS)
          .example('$0 format', 'Format every Dockerfile under the current directory')
          .example('$0 format --check', 'In CI: list unformatted files, exit 1 if there are any')
          .example('$0 format --diff Dockerfile', 'Show what would change; write nothing')
          .example('$0 format --fixes safe', 'Apply the safe fixes too, as prettier-plugin-dockfix does on save')
          .example('$0 format - --stdin-filename Dockerfile < Dockerfile', 'Format standard input, print the result')
          .epilogue(FORMAT_EXIT_CODES),
      (parsed) => {
        command = {
          name: 'format',
          args: {
            paths: (parsed.paths ?? []).map((path) => restoreDash(String(path)) as string),
            ...configArgs(parsed),
            maxFileSize: parsed.maxFileSize as number | undefined,
            stdinFilename: restoreDash(parsed.stdinFilename),
            check: parsed.check === true,
            diff: parsed.diff === true,
            fixes: parsed.fixes,
            respectGitignore: parsed.respectGitignore !== false,
            formatOptions: {
              ...(parsed.tabWidth !== undefined ? { tabWidth: parsed.tabWidth } : {}),
              ...(parsed.useTabs !== undefined ? { useTabs: parsed.useTabs } : {}),
              ...(parsed.printWidth !== undefined ? { printWidth: parsed.printWidth } : {}),
              endOfLine: parsed.endOfLine,
              operatorPosition: parsed.operatorPosition,
            },
          },
        };
      },
    )
    .command(
      'rules',
      'List the built-in rules',
      (y) =>
        y
          .options({
            format: { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' },
            color: { type: 'boolean', describe: 'Force colour on or off' },
          })
          .example('$0 rules', 'Table of rules: category, severity, fix safety, aliases, opt-in')
          .example('$0 rules --format json', 'The same as JSON'),
      (parsed) => {
        command = { name: 'rules', args: { format: parsed.format, color: parsed.color } };
      },
    )
    .command(
      'rule <id>',
      "Print a rule's documentation (by id or alias)",
      (y) =>
        y
          .positional('id', { type: 'string', describe: 'Rule id or alias (npm-ci, DL3059)', demandOption: true })
          .options({ format: { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' } })
          .example('$0 rule DL3059', 'What merge-run checks, why, examples, fix safety')
          .example('$0 rule npm-ci --format json', 'The rule metadata as JSON'),
      (parsed) => {
        command = { name: 'rule', args: { id: String(parsed.id), format: parsed.format } };
      },
    )
    .middleware((argv) => rejectNegatedValues(argv, instance), true)
    // Configuration commands.
    .command(
      'print-config <file>',
      'Print the configuration that applies to a Dockerfile, as JSON',
      (y) =>
        y
          .positional('file', { type: 'string', describe: 'A Dockerfile path (it need not exist)' })
          .options({ config: CHECK_OPTIONS.config, 'config-lookup': CHECK_OPTIONS['config-lookup'] })
          .example('$0 print-config services/api/Dockerfile', 'Which config file applies, and every rule that runs with its severity and options'),
      (parsed) => {
        command = { name: 'print-config', args: { file: String(parsed.file), ...configArgs(parsed) } };
      },
    )
    .command(
      'init',
      'Write a starter .dockfix.json here (converted from .hadolint.yaml when there is one)',
      (y) => y.example('$0 init', 'Create .dockfix.json; an existing config is never overwritten'),
      () => {
        command = { name: 'init' };
      },
    )
    .demandCommand(1, 'no command given; use `dockfix lint`, `dockfix fix`, `dockfix format`, `dockfix rules`, `dockfix rule <id>`, `dockfix print-config <file>` or `dockfix init`')
    .strict()
    .version(dockfixVersion())
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      usageError = (message || error?.message || 'invalid command line').replace(/\s+/g, (blank) => (blank.includes('\n') ? ' ' : blank)).replaceAll(STDIN_ARG, '-');
    });

  skipHelpPrerender(instance);
  try {
    await parser.parseAsync();
  } catch (error) {
    usageError ??= (error as Error).message;
  }
  return { command, usageError };
}

/**
 * A command module once the engine is loaded. In the bundle (scripts/bundle-cli.mjs) that does not
 * load the shell parser's WebAssembly: a file whose RUN bodies need it loads it (shell-parser.ts).
 */
async function withEngine<T>(command: Promise<T>): Promise<T> {
  const [module] = await Promise.all([command, import('@dockfix/core')]);
  engineLoaded = true;
  return module;
}

let engineLoaded = false;

/**
 * True once a command of this process has loaded the engine. bin/load-bundle.js writes a code
 * cache only after such a run: one made after `--version` would hold none of the engine's code,
 * and would then be the cache every later run uses.
 */
export function ranEngine(): boolean {
  return engineLoaded;
}

/**
 * yargs renders the matched command's whole help text after running its handler (yargs 17
 * command.js, `cacheHelpMessage`), to print it if the handler's promise fails later. dockfix's
 * handlers are synchronous and its fail handler never prints help, so the text was thrown away,
 * and laying out every option's description was a tenth of a one-file run's CPU time. `--help`
 * renders it as before. The usage object is yargs' internal API, hence the guard.
 */
function skipHelpPrerender(instance: Argv): void {
  const internal = instance as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

// yargs drops a bare `-` from variadic positionals, so it travels through the parser in disguise.
const STDIN_ARG = '\u0000stdin';
const restoreDash = (value: string | undefined) => (value === STDIN_ARG ? '-' : value);

const COMMANDS = ['lint', 'fix', 'format', 'rules', 'rule', 'print-config', 'init'] as const;

/**
 * `dockfix Dockerfile` and `dockfix --format json Dockerfile` mean `dockfix lint …`, as in hadolint:
 * a first argument that is an existing path, `-`, a glob, or an option other than help/version.
 */
function withDefaultCommand(argv: readonly string[]): readonly string[] {
  const first = argv[0];
  if (first === undefined || (COMMANDS as readonly string[]).includes(first)) return argv;
  if (['--help', '-h', '--version', '-V'].includes(first)) return argv;
  const looksLikeInput = first === '-' || first.startsWith('-') || /[*?[\]{}]/.test(first) || existsSync(first);
  return looksLikeInput ? ['lint', ...argv] : argv;
}

/** A clear message for `dockfix lnt` (yargs would only say "Unknown argument"), or null. */
function unknownCommand(argv: readonly string[]): string | null {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || (COMMANDS as readonly string[]).includes(first)) return null;
  const near = COMMANDS.find((name) => name.startsWith(first.slice(0, 1)) || first.startsWith(name));
  const hint = near ? `did you mean \`dockfix ${near}\`?` : `the commands are ${COMMANDS.join(', ')}; to lint a file, run \`dockfix lint ${first}\``;
  return `unknown command "${first}"; ${hint} (see \`dockfix --help\`)`;
}

function checkPositionals<T>(y: Argv<T>) {
  return y.positional('paths', {
    type: 'string',
    array: true,
    describe: 'Files, directories (searched for Dockerfiles) or - for stdin',
    defaultDescription: '.',
  });
}

interface ParsedCheck {
  readonly paths?: readonly string[] | undefined;
  readonly format?: string | readonly string[] | undefined;
  readonly outputFile?: string | undefined;
  readonly verbose?: boolean | undefined;
  readonly color?: boolean | undefined;
  readonly select?: unknown;
  readonly extendSelect?: unknown;
  readonly ignore?: unknown;
  readonly shellcheck?: boolean | undefined;
  readonly config?: string | false | undefined;
  readonly configLookup?: boolean | undefined;
  readonly reportUnusedPragmas?: boolean | undefined;
  readonly failOn?: FailOn | undefined;
  readonly error?: unknown;
  readonly warning?: unknown;
  readonly info?: unknown;
  readonly style?: unknown;
  readonly maxWarnings?: number | undefined;
  readonly quiet?: boolean | undefined;
  readonly statistics?: boolean | undefined;
  readonly exitZero?: boolean | undefined;
  readonly fail?: boolean | undefined;
  readonly respectGitignore?: boolean | undefined;
  readonly maxFileSize?: unknown;
  readonly stdinFilename?: string | undefined;
  readonly jobs?: unknown;
  readonly cache?: boolean | undefined;
  readonly cacheLocation?: string | undefined;
  readonly cacheStrategy?: CacheStrategy | undefined;
}

function checkArgs(parsed: ParsedCheck): CheckArgs {
  return {
    paths: (parsed.paths ?? []).map((path) => restoreDash(String(path)) as string),
    // Throws a usage error (exit 2) for an unknown format or two reports on the console.
    outputs: parseOutputs([parsed.format ?? []].flat().map(String), restoreDash([parsed.outputFile].flat().at(-1))),
    color: parsed.color,
    verbose: parsed.verbose === true,
    select: parsed.select as string[] | undefined,
    // `--shellcheck` is `--extend-select shellcheck`: the rule is opt-in like any other.
    extendSelect: parsed.shellcheck ? [...((parsed.extendSelect as string[] | undefined) ?? []), 'shellcheck'] : (parsed.extendSelect as string[] | undefined),
    ignore: parsed.ignore as string[] | undefined,
    ...configArgs(parsed),
    reportUnusedPragmas: parsed.reportUnusedPragmas === true,
    failOn: [parsed.failOn].flat().at(-1),
    severityOverrides: severityOverrides(parsed),
    maxWarnings: parsed.maxWarnings,
    quiet: parsed.quiet === true,
    statistics: parsed.statistics === true,
    exitZero: parsed.exitZero === true || parsed.fail === false,
    respectGitignore: parsed.respectGitignore !== false,
    maxFileSize: parsed.maxFileSize as number | undefined,
    stdinFilename: restoreDash(parsed.stdinFilename),
    jobs: parsed.jobs as Jobs | undefined,
    cache: parsed.cache === true,
    cacheLocation: [parsed.cacheLocation].flat().at(-1),
    cacheStrategy: [parsed.cacheStrategy].flat().at(-1),
  };
}

function fixArgs(parsed: ParsedCheck & { readonly unsafe?: boolean; readonly diff?: boolean; readonly stdout?: boolean; readonly check?: boolean }): FixArgs {
  return { ...checkArgs(parsed), unsafe: parsed.unsafe === true, diff: parsed.diff === true, stdout: parsed.stdout === true, check: parsed.check === true };
}

function severityOverrides(parsed: ParsedCheck): SeverityOverrides {
  const overrides: { -readonly [K in keyof SeverityOverrides]: readonly string[] } = {};
  for (const severity of ['error', 'warning', 'info', 'style'] as const) {
    if (parsed[severity] !== undefined) overrides[severity] = parsed[severity] as string[];
  }
  return overrides;
}

/** `--config PATH`, `--no-config` (yargs' negation of --config: no config file at all) and `--no-config-lookup`. */
function configArgs(parsed: { readonly config?: string | false | undefined; readonly configLookup?: boolean | undefined }) {
  return {
    config: parsed.config === false ? undefined : restoreDash(parsed.config),
    noConfig: parsed.config === false,
    noConfigLookup: parsed.configLookup === false,
  };
}

/** Starts importing the command's module (and with it the linter); the real import later gets the same module. */
function prefetchCommand(argv: readonly string[]): void {
  const wantsHelp = argv.some((arg) => arg === '--help' || arg === '-h' || arg === '--version' || arg === '-V');
  const name = argv[0];
  if (wantsHelp || (name !== 'lint' && name !== 'fix' && name !== 'format')) return;
  // Errors surface at the real import; here they must not become unhandled rejections.
  (name === 'lint' ? import('./commands/lint.js') : name === 'fix' ? import('./commands/fix.js') : import('./commands/format.js')).catch(() => undefined);
}
