import { Onbuild, type Instruction as AstInstruction } from 'dockerfile-ast';
import { parseImageRef, type ImageRef } from './image-ref.js';
import { parseShell, prepareShellText, type ShellScript } from './shell.js';
import { parseCheckDirective, type Source, type TextRange } from './source.js';

/** Every instruction keyword the Dockerfile frontend accepts. */
export const KEYWORDS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;
export type Keyword = (typeof KEYWORDS)[number];
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** Instructions the frontend rejects as ONBUILD triggers (`ONBUILD ONBUILD` chains, `ONBUILD FROM`, `ONBUILD MAINTAINER`). */
export const FORBIDDEN_TRIGGERS: ReadonlySet<string> = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/** Instructions the frontend rejects when they have no arguments. */
const NEEDS_ARGUMENTS: ReadonlySet<string> = new Set(KEYWORDS.filter((k) => k !== 'CMD' && k !== 'ENTRYPOINT' && k !== 'HEALTHCHECK'));

/** A `--name=value` flag of an instruction. */
export interface Flag {
  readonly name: string;
  readonly value: string | null;
  readonly range: TextRange;
}

/** One argument of an instruction, as dockerfile-ast splits it. */
export interface Argument {
  readonly value: string;
  readonly range: TextRange;
}

/** How a RUN's command is written. */
export type RunForm = 'shell' | 'exec' | 'heredoc';

/** What dockfix knows about a RUN. */
export interface RunInfo {
  readonly form: RunForm;
  /** The command text (for `RUN <<EOF` the heredoc's content); null when empty. */
  readonly body: TextRange | null;
  /** The body parsed as POSIX shell; null for exec form or a non-POSIX SHELL (PowerShell, cmd). */
  readonly script: ShellScript | null;
  /** The shell in effect (`SHELL`, inherited, or the platform default). */
  readonly shell: readonly string[];
}

/** What dockfix knows about a FROM. */
export interface FromInfo {
  readonly image: ImageRef;
  readonly imageRange: TextRange | null;
  readonly stageName: string | null;
  readonly stageNameRange: TextRange | null;
  readonly platform: Flag | null;
  /** The earlier stage this FROM builds on (`FROM builder`), if any. */
  readonly parentStage: Stage | null;
}

/** One instruction, with offsets and the stage it belongs to. */
export interface Instruction {
  /** Upper-case keyword, e.g. `RUN`; unknown keywords are kept as written, upper-cased. */
  readonly keyword: string;
  /** Position in the file, counting from 0. */
  readonly index: number;
  /** The whole instruction, heredoc bodies included. */
  readonly range: TextRange;
  readonly keywordRange: TextRange;
  /** Arguments after the flags; null when there are none. */
  readonly argsRange: TextRange | null;
  readonly flags: readonly Flag[];
  readonly args: readonly Argument[];
  /** The JSON array of exec form (`["a","b"]`), or null for shell form. */
  readonly json: readonly string[] | null;
  /**
   * The stage. Null for the global ARGs that open the file (before the first FROM and before any other
   * instruction); instructions written before any FROM belong to an implicit stage (see {@link Stage.from}).
   * For an ONBUILD trigger: the stage of its ONBUILD, although the trigger runs in images built from it.
   */
  readonly stage: Stage | null;
  readonly run?: RunInfo;
  readonly from?: FromInfo;
  /**
   * Only on ONBUILD: the instruction it registers (`ONBUILD RUN make` → a RUN), with ranges on the inner
   * text; null when ONBUILD has no trigger. The trigger is not in `stage.instructions` nor in
   * `model.instructions`: it does not run in this build but at the start of every build `FROM` this image.
   */
  readonly trigger?: Instruction | null;
  /** Only on an ONBUILD trigger: the ONBUILD that registers it. Rules tell triggers apart with this. */
  readonly onbuild?: Instruction;
  /** The dockerfile-ast node, for anything the model does not cover. */
  readonly node: AstInstruction;
}

/** A build stage: a FROM and everything up to the next FROM. */
export interface Stage {
  /** Position in `model.stages`. BuildKit numbers only FROM stages (`COPY --from=0`): use {@link findStage}. */
  readonly index: number;
  /** The `AS` name, lower-cased the way BuildKit does; null when unnamed. */
  readonly name: string | null;
  /**
   * The FROM that opens the stage. Null for the implicit stage: the instructions of a fragment (a file
   * with no FROM, a partial, an ONBUILD-only snippet) or written before the first FROM. Such a file does
   * not build, but every rule still runs on it; the implicit stage is always `model.stages[0]`.
   */
  readonly from: (Instruction & { from: FromInfo }) | null;
  readonly instructions: Instruction[];
  /** The triggers of the stage's ONBUILD instructions, in order (they run, in this order, in images built from it). */
  readonly triggers: Instruction[];
  readonly parent: Stage | null;
  /** Stages this one copies files from with `COPY --from` / `RUN --mount=from=`. */
  readonly copiesFrom: Stage[];
  /** Stages that copy files from this one or build on it. */
  readonly usedBy: Stage[];
  /** True for the last stage, the one `docker build` ships without `--target`. */
  isFinal: boolean;
  /** The USER in effect at the end of the stage (inherited from a parent stage); null when never set. */
  user: { readonly name: string; readonly instruction: Instruction } | null;
  /** True when the base image is a Windows image (default shell cmd, no USER semantics of Linux). */
  readonly windows: boolean;
}

/** A problem that makes the file unbuildable: the frontend would reject it. */
export interface SyntaxProblem {
  readonly message: string;
  readonly range: TextRange;
}

/** The semantic view of one Dockerfile, built once per lint. */
export interface DockerfileModel {
  readonly source: Source;
  /** The instructions as written, ONBUILD included; their triggers are in {@link triggers}. */
  readonly instructions: readonly Instruction[];
  /** Every ONBUILD trigger (`ONBUILD RUN …` → the RUN), in file order. */
  readonly triggers: readonly Instruction[];
  readonly stages: readonly Stage[];
  /** ARGs declared before the first FROM, with their defaults (undefined when none). */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Comment lines, by offset of their start. */
  readonly comments: readonly { readonly text: string; readonly range: TextRange }[];
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const DEFAULT_SHELL = ['/bin/sh', '-c'];
const WINDOWS_SHELL = ['cmd', '/S', '/C'];

/** `# hadolint shell=<shell>`: the shell of the RUNs after it (hadolint's pragma). */
const SHELL_PRAGMA = /^#\s*hadolint\s+shell\s*=\s*([^\s#]+)/;

/**
 * Builds the semantic view of a parsed file.
 *
 * Which problems are fatal (the file is not linted, only the reason is reported) and which are left to
 * rules. Fatal: what makes the split into instructions itself doubtful, so that every diagnostic on the
 * rest could be noise: an unknown keyword (BuildKit's parser stops there; often a lost line continuation),
 * an instruction with nothing after its keyword, a heredoc dockfix's parser does not split, and a
 * `# check=` directive BuildKit refuses to read (it fails before parsing anything). Not fatal, although
 * BuildKit rejects them too: instructions before the first FROM or no FROM at all (a fragment: the
 * `instruction-before-from` rule reports it, hadolint's DL3061) and ONBUILD FROM / ONBUILD / MAINTAINER
 * triggers (hadolint's DL3043): the lines split cleanly, so every other rule can still say something true.
 */
export function buildModel(source: Source): DockerfileModel {
  const astInstructions = source.dockerfile.getInstructions();
  const instructions: Instruction[] = [];
  const triggers: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | undefined>();
  const syntaxProblems: SyntaxProblem[] = [];
  let stage: Stage | null = null;
  let shell: readonly string[] = DEFAULT_SHELL;
  const stageShells = new Map<Stage, readonly string[]>();
  const comments = collectComments(source);
  // `# hadolint shell=pwsh` works like SHELL for the RUNs after it, up to the next FROM (as in hadolint).
  const shellPragmas = comments.flatMap((comment) => {
    const match = SHELL_PRAGMA.exec(comment.text);
    return match?.[1] ? [{ at: comment.range.start, shell: [match[1]] }] : [];
  });
  let pragmaIndex = 0;
  const onbuilds: { node: AstInstruction; instruction: Instruction }[] = [];

  for (const problem of checkDirectiveProblems(source)) syntaxProblems.push(problem);

  // dockerfile-ast does not know heredocs on a file descriptor (`RUN cat 5<<EOF`), which BuildKit accepts.
  let unsupportedHeredoc: { marker: string; range: TextRange } | null = null;

  for (const [index, node] of astInstructions.entries()) {
    memoizeArguments(node);
    const keyword = node.getKeyword().toUpperCase();
    const range = source.toRange(node.getRange());
    const argsAstRange = node.getArgumentsRange();
    if (!unsupportedHeredoc && argsAstRange && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
      const argsStart = source.offsetAt(argsAstRange.start);
      const lineEnd = source.text.indexOf('\n', argsStart);
      const firstLine = source.text.slice(argsStart, Math.min(lineEnd === -1 ? Infinity : lineEnd, source.offsetAt(argsAstRange.end)));
      const marker = firstLine.includes('<<') ? /(?:^|\s)(\d+<<-?["']?[A-Za-z_][A-Za-z0-9_]*["']?)/.exec(firstLine) : null;
      if (marker?.[1]) unsupportedHeredoc = { marker: marker[1], range };
    }

    if (unsupportedHeredoc && (!KEYWORD_SET.has(keyword) || (NEEDS_ARGUMENTS.has(keyword) && !argsAstRange))) {
      // Everything after a heredoc the parser missed is mis-split; one clear message beats many wrong ones.
      if (!syntaxProblems.some((problem) => problem.range === unsupportedHeredoc?.range)) {
        syntaxProblems.push({
          message: `the heredoc \`${unsupportedHeredoc.marker}\` (with a file-descriptor number) is not supported by dockfix's parser yet; the file was not linted`,
          range: unsupportedHeredoc.range,
        });
      }
    } else {
      const problem = keywordProblem(source, node, keyword, range, '');
      if (problem) syntaxProblems.push(problem);
    }

    if (keyword === 'FROM') {
      const newStage = openStage(stages, null);
      stage = newStage;
    } else if (!stage && keyword !== 'ARG') {
      // A fragment: what comes before any FROM (other than the ARGs that open the file) forms the implicit
      // stage. (While `stage` is null, every earlier instruction was an ARG.)
      stage = openStage(stages, null);
      stageShells.set(stage, DEFAULT_SHELL);
    }

    // Pragmas between the previous instruction and this one take effect from here; one right above a
    // FROM is meant for that stage, so it applies after the FROM resets the shell.
    let pragmaShell: readonly string[] | null = null;
    for (; pragmaIndex < shellPragmas.length && (shellPragmas[pragmaIndex]?.at ?? Infinity) < range.start; pragmaIndex++) {
      pragmaShell = shellPragmas[pragmaIndex]?.shell ?? pragmaShell;
    }
    if (pragmaShell && keyword !== 'FROM') shell = pragmaShell;

    const instruction = makeInstruction(source, node, index, keyword, stage, shell, globalArgs, stages);
    if (instruction.from && stage) {
      const from = instruction.from;
      const windows = isWindowsImage(from.image) || (from.parentStage?.windows ?? false);
      Object.assign(stage, { name: from.stageName, parent: from.parentStage, from: instruction, windows, user: from.parentStage?.user ?? null });
      from.parentStage?.usedBy.push(stage);
      shell = pragmaShell ?? (from.parentStage && stageShells.get(from.parentStage)) ?? (windows ? WINDOWS_SHELL : DEFAULT_SHELL);
    }
    if (keyword === 'SHELL' && instruction.json && instruction.json.length > 0) shell = instruction.json;
    if (!stage && keyword === 'ARG') collectArgs(instruction.args, globalArgs);

    instructions.push(instruction);
    if (stage) {
      stage.instructions.push(instruction);
      stageShells.set(stage, shell);
      if (keyword === 'USER' && instruction.args[0]) stage.user = { name: instruction.args[0].value, instruction };
      linkCopySources(stage, instruction, stages);
    }

    if (keyword === 'ONBUILD') onbuilds.push({ node, instruction });
  }

  // Triggers run after the stage's last instruction, so a trigger RUN uses the stage's final shell,
  // or the shell of an `ONBUILD SHELL` before it.
  const triggerShells = new Map<Stage, readonly string[]>();
  for (const { node, instruction } of onbuilds) {
    const stage = instruction.stage;
    const triggerShell = (stage && (triggerShells.get(stage) ?? stageShells.get(stage))) ?? DEFAULT_SHELL;
    const trigger = triggerOf(source, node, instruction, stage, triggerShell, globalArgs, stages);
    (instruction as { trigger?: Instruction | null }).trigger = trigger?.instruction ?? null;
    if (trigger?.problem && !unsupportedHeredoc) syntaxProblems.push(trigger.problem);
    if (!trigger?.instruction) continue;
    triggers.push(trigger.instruction);
    stage?.triggers.push(trigger.instruction);
    if (stage && trigger.instruction.keyword === 'SHELL' && trigger.instruction.json && trigger.instruction.json.length > 0) {
      triggerShells.set(stage, trigger.instruction.json);
    }
  }

  const last = stages.at(-1);
  if (last) last.isFinal = true;
  if (instructions.length === 0 && source.text.replace(/^\uFEFF/, '').trim() !== '') {
    syntaxProblems.push({ message: 'the file has no instructions: a Dockerfile needs at least a FROM', range: { start: 0, end: 0 } });
  }
  return { source, instructions, triggers, stages, globalArgs, syntaxProblems, comments };
}

/**
 * The comment lines that start in `[start, end)`, in order. `model.comments` is sorted by start, so a
 * binary search finds them: rules that filtered the whole list once per instruction were quadratic on
 * files with many comments (100k lines with a comment every ten: minutes).
 */
export function commentsIn(model: Pick<DockerfileModel, 'comments'>, start: number, end: number): DockerfileModel['comments'] {
  const { comments } = model;
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((comments[mid] as DockerfileModel['comments'][number]).range.start < start) low = mid + 1;
    else high = mid;
  }
  let last = low;
  while (last < comments.length && (comments[last] as DockerfileModel['comments'][number]).range.start < end) last++;
  return comments.slice(low, last);
}

/** Adds a stage to the list; a FROM fills in its name, base and parent right after. */
function openStage(stages: Stage[], from: Stage['from']): Stage {
  const stage: Stage = {
    index: stages.length,
    name: null,
    from,
    instructions: [],
    triggers: [],
    parent: null,
    copiesFrom: [],
    usedBy: [],
    isFinal: false,
    user: null,
    windows: false,
  };
  stages.push(stage);
  return stage;
}

/** Why the frontend rejects an instruction on its own (unknown keyword, nothing after it), or null. */
function keywordProblem(source: Source, node: AstInstruction, keyword: string, range: TextRange, where: string): SyntaxProblem | null {
  if (!KEYWORD_SET.has(keyword)) {
    return { message: `unknown instruction "${node.getInstruction()}"${where}`, range: source.toRange(node.getInstructionRange()) };
  }
  if (NEEDS_ARGUMENTS.has(keyword) && !node.getArgumentsRange()) return { message: `${keyword} needs at least one argument${where}`, range };
  return null;
}

/** The facts about one instruction that do not depend on the ones after it. */
function makeInstruction(
  source: Source,
  node: AstInstruction,
  index: number,
  keyword: string,
  stage: Stage | null,
  shell: readonly string[],
  globalArgs: ReadonlyMap<string, string | undefined>,
  stages: readonly Stage[],
): Instruction {
  const range = source.toRange(node.getRange());
  const keywordRange = source.toRange(node.getInstructionRange());
  const argsAstRange = node.getArgumentsRange();
  const argsRange = argsAstRange ? source.toRange(argsAstRange) : null;
  const flags: Flag[] =
    'getFlags' in node && typeof node.getFlags === 'function'
      ? (node.getFlags() as { getName(): string; getValue(): string | null; getRange(): Parameters<Source['toRange']>[0] }[]).map((flag) => ({
          name: flag.getName(),
          value: flag.getValue(),
          range: source.toRange(flag.getRange()),
        }))
      : [];
  const args = node.getArguments().map((arg) => ({ value: arg.getValue(), range: source.toRange(arg.getRange()) }));
  const json = parseJsonForm(argsRange ? source.slice(argsRange) : '', source.escapeChar);
  const from = keyword === 'FROM' ? fromInfo(flags, args, globalArgs, stages) : undefined;
  return {
    keyword,
    index,
    range,
    keywordRange,
    argsRange,
    flags,
    args,
    json,
    stage,
    node,
    ...(from ? { from } : {}),
    ...(keyword === 'RUN' && argsRange ? { run: runInfo(source, node, argsRange, range, json, shell) } : {}),
  };
}

/** The trigger of an ONBUILD as an instruction of its own, or why the frontend rejects it. */
function triggerOf(
  source: Source,
  node: AstInstruction,
  onbuild: Instruction,
  stage: Stage | null,
  shell: readonly string[],
  globalArgs: ReadonlyMap<string, string | undefined>,
  stages: readonly Stage[],
): { instruction: Instruction | null; problem: SyntaxProblem | null } | null {
  if (!(node instanceof Onbuild)) return null;
  const inner = node.getTriggerInstruction();
  if (!inner) return null;
  const keyword = inner.getKeyword().toUpperCase();
  const problem = keywordProblem(source, inner, keyword, source.toRange(inner.getRange()), ' in ONBUILD');
  if (problem && !KEYWORD_SET.has(keyword)) return { instruction: null, problem };
  // FROM, ONBUILD and MAINTAINER triggers keep their keyword but no FROM facts: a rule reports them (hadolint's DL3043).
  const instruction = makeInstruction(source, inner, onbuild.index, keyword, stage, shell, globalArgs, FORBIDDEN_TRIGGERS.has(keyword) ? [] : stages);
  const { from: _from, ...rest } = instruction;
  void _from;
  return { instruction: { ...rest, onbuild }, problem };
}

/** Comment lines (parser directives included), each from its `#`. */
function collectComments(source: Source): { text: string; range: TextRange }[] {
  // Parser directives are comment lines too (and dockerfile-ast reads any `# key=value` line at the
  // top as one, e.g. `# hadolint global ignore=DL3008`), so both count as comments.
  return [...source.dockerfile.getDirectives(), ...source.dockerfile.getComments()]
    .map((comment) => {
      const range = source.toRange(comment.getRange());
      const lineStart = source.lineStartAt(range.start);
      const hashAt = source.text.lastIndexOf('#', range.start);
      const start = hashAt >= lineStart ? hashAt : range.start;
      return { text: source.text.slice(start, range.end), range: { start, end: range.end } };
    })
    .sort((a, b) => a.range.start - b.range.start);
}

/** A `# check=` directive BuildKit refuses (it fails the build before reading any instruction). */
function checkDirectiveProblems(source: Source): SyntaxProblem[] {
  const directive = source.directives.find((d) => d.name === 'check');
  if (!directive) return [];
  const parsed = parseCheckDirective(directive.value);
  return 'problem' in parsed ? [{ message: `${parsed.problem} in the \`# check=\` directive; BuildKit refuses the file`, range: directive.range }] : [];
}

/**
 * dockerfile-ast's `getArguments()` drops the flags from the split arguments anew on every call, and its
 * own `getArgumentsRange` and `getHeredocs` call it too (the split itself is done once, at the parse:
 * see `parseDockerfile` in source.ts). The tree is never modified, so the first result is kept on the
 * node (as a fresh array per call: dockerfile-ast shifts flags off the one it gets).
 */
function memoizeArguments(node: AstInstruction): void {
  const args = node.getArguments();
  Object.defineProperty(node, 'getArguments', { value: () => args.slice(), configurable: true, writable: true });
}

function fromInfo(
  flags: readonly Flag[],
  args: readonly Argument[],
  globalArgs: ReadonlyMap<string, string | undefined>,
  stages: readonly Stage[],
): FromInfo {
  const imageArg = args[0];
  const image = parseImageRef(imageArg?.value ?? '', globalArgs);
  const hasAs = args.length >= 3 && args[1]?.value.toLowerCase() === 'as';
  const nameArg = hasAs ? args[2] : undefined;
  const parentStage = image.tag === null && image.digest === null ? findStage(stages, image.resolved) : null;
  return {
    image,
    imageRange: imageArg?.range ?? null,
    stageName: nameArg ? nameArg.value.toLowerCase() : null,
    stageNameRange: nameArg?.range ?? null,
    platform: flags.find((flag) => flag.name === 'platform') ?? null,
    parentStage,
  };
}

/** Finds a stage by `AS` name (case-insensitive) or by BuildKit's index, which counts FROM stages only. */
export function findStage(stages: readonly Stage[], reference: string): Stage | null {
  const lower = reference.toLowerCase();
  const byName = stageIndex(stages).get(lower);
  if (byName) return byName;
  if (/^\d+$/.test(reference)) return stages.filter((stage) => stage.from !== null)[Number(reference)] ?? null;
  return null;
}

/** First stage of each name, per stages array: a scan per lookup made files with thousands of stages quadratic. */
const stageIndexes = new WeakMap<readonly Stage[], { byName: Map<string, Stage>; indexed: number }>();

/** The name index of a stages array, brought up to date with stages appended since (buildModel appends as it goes). */
function stageIndex(stages: readonly Stage[]): ReadonlyMap<string, Stage> {
  let index = stageIndexes.get(stages);
  if (!index) {
    index = { byName: new Map(), indexed: 0 };
    stageIndexes.set(stages, index);
  }
  for (; index.indexed < stages.length; index.indexed++) {
    const stage = stages[index.indexed];
    // openStage appends a stage before its FROM fills in the name: leave the newest unnamed one for the next lookup.
    if (stage?.name === null && index.indexed === stages.length - 1) break;
    if (stage?.name && !index.byName.has(stage.name)) index.byName.set(stage.name, stage);
  }
  return index.byName;
}

function linkCopySources(stage: Stage, instruction: Instruction, stages: readonly Stage[]): void {
  const references: string[] = [];
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    const from = instruction.flags.find((flag) => flag.name === 'from');
    if (from?.value) references.push(from.value);
  }
  if (instruction.keyword === 'RUN') {
    for (const flag of instruction.flags) {
      if (flag.name !== 'mount' || !flag.value) continue;
      const match = /(?:^|,)from=([^,]+)/.exec(flag.value);
      if (match?.[1]) references.push(match[1]);
    }
  }
  for (const reference of references) {
    const source = findStage(stages, reference);
    if (source && source !== stage && !stage.copiesFrom.includes(source)) {
      stage.copiesFrom.push(source);
      source.usedBy.push(stage);
    }
  }
}

function collectArgs(args: readonly Argument[], into: Map<string, string | undefined>): void {
  for (const arg of args) {
    const eq = arg.value.indexOf('=');
    if (eq === -1) into.set(arg.value, into.get(arg.value));
    else into.set(arg.value.slice(0, eq), unquote(arg.value.slice(eq + 1)));
  }
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) return value.slice(1, -1);
  return value;
}

/** A line continuation, per escape character (built once: parseJsonForm reads every instruction). */
const CONTINUATION = { '\\': /\\[ \t]*\r?\n/, '`': /`[ \t]*\r?\n/ } as const;

function parseJsonForm(text: string, escapeChar: '\\' | '`'): string[] | null {
  // Only an array can be exec form: most instructions are not, and need no joining.
  if (!/^\s*\[/.test(text)) return null;
  // The frontend joins continuation lines before it reads the JSON (`CMD [ "a", \` + newline + `"b" ]`).
  const joined = text.includes('\n') ? text.split(CONTINUATION[escapeChar]).join('') : text;
  const trimmed = joined.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  } catch {
    return null;
  }
}

function isWindowsImage(image: ImageRef): boolean {
  // A repository named for Windows (`mcr.microsoft.com/windows/servercore`, `microsoft/nanoserver`,
  // `stefanscherer/node-windows`, `microsoft/mssql-server-windows-express`), or a Windows variant tag
  // of a multi-platform image (`microsoft/iis:windowsservercore`, `powershell:nanoserver-1809`, `…-ltsc2022`).
  const windowsName = image.name
    .toLowerCase()
    .split('/')
    .some((segment) => /^(windows|nanoserver|servercore|windowsservercore)([-_.].*)?$|[-_]windows([-_.]|$)/.test(segment));
  return windowsName || /(^|[-_.])(windowsservercore|servercore|nanoserver|ltsc20\d\d)([-_.]|$)/i.test(image.tag ?? '');
}

function isPosixShell(shell: readonly string[]): boolean {
  const executable = shell[0]?.split(/[\\/]/).at(-1)?.toLowerCase() ?? '';
  return POSIX_SHELLS.has(executable.replace(/\.exe$/, ''));
}

function runInfo(
  source: Source,
  node: AstInstruction,
  argsRange: TextRange,
  range: TextRange,
  json: readonly string[] | null,
  shell: readonly string[],
): RunInfo {
  if (json) return { form: 'exec', body: argsRange, script: null, shell };
  const posix = isPosixShell(shell);
  let heredocs: { getContentRange(): Parameters<Source['toRange']>[0] | null }[];
  try {
    // Without `<<` there is no heredoc, and getHeredocs splits the instruction again.
    heredocs = source.text.slice(argsRange.start, range.end).includes('<<') ? (node as unknown as { getHeredocs(): typeof heredocs }).getHeredocs() : [];
  } catch {
    // dockerfile-ast throws on some broken heredocs (`RUN <<EOF \n\\\n EOF`, found by the fuzzer, seed
    // 20261220 path 902): a RUN whose body cannot be read is left to no rule, rather than crashing lint.
    return { form: 'heredoc', body: null, script: null, shell };
  }
  const firstLineEnd = source.text.indexOf('\n', argsRange.start);
  const firstLine = source.text.slice(argsRange.start, firstLineEnd === -1 ? range.end : firstLineEnd).trim();
  const heredocOnly = heredocs.length === 1 && /^<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1$/.test(firstLine);
  let body: TextRange | null = { start: argsRange.start, end: range.end };
  let form: RunForm = 'shell';
  if (heredocOnly) {
    const content = heredocs[0]?.getContentRange();
    body = content ? source.toRange(content) : null;
    form = 'heredoc';
  } else if (heredocs.length > 0) {
    form = 'heredoc';
  }
  if (!posix || !body) return { form, body, script: null, shell };
  const text = source.slice(body);
  const prepared = prepareShellText(text, source.escapeChar, form === 'shell');
  return { form, body, script: parseShell(text, prepared, body.start), shell };
}
