import type { Instruction as AstInstruction } from 'dockerfile-ast';
import { parseImageRef, type ImageRef } from './image-ref.js';
import { parseShell, prepareShellText, type ShellScript } from './shell.js';
import type { Source, TextRange } from './source.js';

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
  /** The stage; null for ARGs before the first FROM. */
  readonly stage: Stage | null;
  readonly run?: RunInfo;
  readonly from?: FromInfo;
  /** The dockerfile-ast node, for anything the model does not cover. */
  readonly node: AstInstruction;
}

/** A build stage: a FROM and everything up to the next FROM. */
export interface Stage {
  readonly index: number;
  /** The `AS` name, lower-cased the way BuildKit does; null when unnamed. */
  readonly name: string | null;
  readonly from: Instruction & { from: FromInfo };
  readonly instructions: Instruction[];
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
  readonly instructions: readonly Instruction[];
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

/** Builds the semantic view of a parsed file. */
export function buildModel(source: Source): DockerfileModel {
  const astInstructions = source.dockerfile.getInstructions();
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | undefined>();
  const syntaxProblems: SyntaxProblem[] = [];
  let stage: Stage | null = null;
  let shell: readonly string[] = DEFAULT_SHELL;
  const stageShells = new Map<Stage, readonly string[]>();

  // dockerfile-ast does not know heredocs on a file descriptor (`RUN cat 5<<EOF`), which BuildKit accepts.
  let unsupportedHeredoc: { marker: string; range: TextRange } | null = null;

  for (const [index, node] of astInstructions.entries()) {
    memoizeArguments(node);
    const keyword = node.getKeyword().toUpperCase();
    const range = source.toRange(node.getRange());
    const keywordRange = source.toRange(node.getInstructionRange());
    const argsAstRange = node.getArgumentsRange();
    const argsRange = argsAstRange ? source.toRange(argsAstRange) : null;
    const flags: Flag[] =
      'getFlags' in node && typeof node.getFlags === 'function'
        ? (node.getFlags() as { getName(): string; getValue(): string | null; getRange(): Parameters<Source['toRange']>[0] }[]).map(
            (flag) => ({ name: flag.getName(), value: flag.getValue(), range: source.toRange(flag.getRange()) }),
          )
        : [];
    const args = node.getArguments().map((arg) => ({ value: arg.getValue(), range: source.toRange(arg.getRange()) }));
    const argsText = argsRange ? source.slice(argsRange) : '';
    const json = parseJsonForm(argsText, source.escapeChar);
    if (!unsupportedHeredoc && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
      const marker = /(?:^|\s)(\d+<<-?["']?[A-Za-z_][A-Za-z0-9_]*["']?)/.exec(argsText.split('\n')[0] ?? '');
      if (marker?.[1]) unsupportedHeredoc = { marker: marker[1], range };
    }

    if (unsupportedHeredoc && (!KEYWORD_SET.has(keyword) || (NEEDS_ARGUMENTS.has(keyword) && !argsRange))) {
      // Everything after a heredoc the parser missed is mis-split; one clear message beats many wrong ones.
      if (!syntaxProblems.some((problem) => problem.range === unsupportedHeredoc?.range)) {
        syntaxProblems.push({
          message: `the heredoc \`${unsupportedHeredoc.marker}\` (with a file-descriptor number) is not supported by dockfix's parser yet; the file was not linted`,
          range: unsupportedHeredoc.range,
        });
      }
    } else if (!KEYWORD_SET.has(keyword)) {
      syntaxProblems.push({ message: `unknown instruction "${node.getInstruction()}"`, range: keywordRange });
    } else if (NEEDS_ARGUMENTS.has(keyword) && !argsRange) {
      syntaxProblems.push({ message: `${keyword} needs at least one argument`, range });
    } else if (!stage && keyword !== 'FROM' && keyword !== 'ARG') {
      syntaxProblems.push({ message: `${keyword} before the first FROM; only ARG may come before FROM`, range });
    }

    let from: FromInfo | undefined;
    if (keyword === 'FROM') {
      from = fromInfo(source, node, flags, args, globalArgs, stages);
      const windows = isWindowsImage(from.image) || (from.parentStage?.windows ?? false);
      const newStage: Stage = {
        index: stages.length,
        name: from.stageName,
        from: undefined as unknown as Stage['from'],
        instructions: [],
        parent: from.parentStage,
        copiesFrom: [],
        usedBy: [],
        isFinal: false,
        user: from.parentStage?.user ?? null,
        windows,
      };
      from.parentStage?.usedBy.push(newStage);
      stages.push(newStage);
      stage = newStage;
      shell = (from.parentStage && stageShells.get(from.parentStage)) ?? (windows ? WINDOWS_SHELL : DEFAULT_SHELL);
    }

    if (keyword === 'SHELL' && json && json.length > 0) shell = json;
    if (!stage && keyword === 'ARG') collectArgs(args, globalArgs);

    const instruction: Instruction = {
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
    instructions.push(instruction);
    if (stage) {
      if (keyword === 'FROM') (stage as { from: Instruction }).from = instruction;
      stage.instructions.push(instruction);
      stageShells.set(stage, shell);
      if (keyword === 'USER' && args[0]) stage.user = { name: args[0].value, instruction };
      linkCopySources(stage, instruction, stages);
    }
  }

  const last = stages.at(-1);
  if (last) last.isFinal = true;
  if (stages.length === 0) {
    syntaxProblems.push({ message: 'no FROM instruction: a Dockerfile must start a build stage with FROM', range: { start: 0, end: 0 } });
  }

  // Parser directives are comment lines too (and dockerfile-ast reads any `# key=value` line at the
  // top as one, e.g. `# hadolint global ignore=DL3008`), so both count as comments.
  const comments = [...source.dockerfile.getDirectives(), ...source.dockerfile.getComments()]
    .map((comment) => {
      const range = source.toRange(comment.getRange());
      const lineStart = source.lineStartAt(range.start);
      const hashAt = source.text.lastIndexOf('#', range.start);
      const start = hashAt >= lineStart ? hashAt : range.start;
      return { text: source.text.slice(start, range.end), range: { start, end: range.end } };
    })
    .sort((a, b) => a.range.start - b.range.start);
  return { source, instructions, stages, globalArgs, syntaxProblems, comments };
}

/**
 * dockerfile-ast splits an instruction's text into arguments again on every `getArguments()`, and
 * its own `getArgumentsRange`, `getFlags` and `getHeredocs` call it too: four or more splits per
 * instruction were a quarter of the time of a lint. The tree is never modified, so the first result
 * is kept on the node (as a fresh array per call: dockerfile-ast shifts flags off the one it gets).
 */
function memoizeArguments(node: AstInstruction): void {
  const args = node.getArguments();
  Object.defineProperty(node, 'getArguments', { value: () => args.slice(), configurable: true, writable: true });
}

function fromInfo(
  source: Source,
  node: AstInstruction,
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
  void node;
  void source;
  return {
    image,
    imageRange: imageArg?.range ?? null,
    stageName: nameArg ? nameArg.value.toLowerCase() : null,
    stageNameRange: nameArg?.range ?? null,
    platform: flags.find((flag) => flag.name === 'platform') ?? null,
    parentStage,
  };
}

/** Finds a stage by `AS` name (case-insensitive) or by index. */
export function findStage(stages: readonly Stage[], reference: string): Stage | null {
  const lower = reference.toLowerCase();
  const byName = stageIndex(stages).get(lower);
  if (byName) return byName;
  if (/^\d+$/.test(reference)) return stages[Number(reference)] ?? null;
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

function parseJsonForm(text: string, escapeChar: string): string[] | null {
  // The frontend joins continuation lines before it reads the JSON (`CMD [ "a", \` + newline + `"b" ]`).
  const joined = text.includes('\n') ? text.split(new RegExp(`\\${escapeChar}[ \\t]*\\r?\\n`)).join('') : text;
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
  const heredocs = (node as unknown as { getHeredocs(): { getContentRange(): Parameters<Source['toRange']>[0] | null }[] }).getHeredocs();
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
