import type { ContextFiles } from './context-files.js';
import type { Severity } from './diagnostic.js';
import type { FixBuilder, FixSafety, Ranged, TextEdit } from './fix.js';
import type { DockerfileModel, FromInfo, Instruction, Keyword, RunInfo, Stage } from './model.js';
import type { Source } from './source.js';

/** Where a rule comes from or what it overlaps with in another tool. */
export interface RuleSource {
  readonly tool: 'hadolint' | 'buildkit' | 'shellcheck' | 'docker-docs';
  /** The code exactly as that tool prints it: `DL3059`, `JSONArgsRecommended`, `SC2086`. */
  readonly rule: string;
  /** `same`: the same check; `inspired`: related but not identical (not accepted as an alias). */
  readonly kind: 'same' | 'inspired';
}

/** A value a rule option can take; `object` options map names to strings (e.g. label → format). */
export type RuleOptionValue = boolean | string | number | readonly string[] | Readonly<Record<string, string>>;

/** One option of a rule, with its default. */
export interface RuleOption {
  /** `object`: a JSON object whose values are strings (`{ "org.opencontainers.image.source": "url" }`). */
  readonly type: 'boolean' | 'string' | 'number' | 'string[]' | 'object';
  readonly description: string;
  readonly default: RuleOptionValue;
  /** The allowed values of a `string`, of each item of a `string[]`, or of each value of an `object`. */
  readonly choices?: readonly string[];
}

/** Why `value` does not fit `option`, or null when it does. Config loading reports the reason. */
export function ruleOptionProblem(option: RuleOption, value: unknown): string | null {
  const choice = (item: unknown): string | null =>
    option.choices && !option.choices.includes(String(item))
      ? `${JSON.stringify(item)} is not one of ${option.choices.map((c) => `"${c}"`).join(', ')}`
      : null;
  switch (option.type) {
    case 'boolean':
    case 'number':
      return typeof value === option.type ? null : `must be a ${option.type}`;
    case 'string':
      return typeof value === 'string' ? choice(value) : 'must be a string';
    case 'string[]':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return 'must be an array of strings';
      return value.map(choice).find((problem) => problem !== null) ?? null;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
      for (const [key, item] of Object.entries(value)) {
        if (typeof item !== 'string') return `must map names to strings ("${key}" is not a string)`;
        const problem = choice(item);
        if (problem) return `"${key}": ${problem}`;
      }
      return null;
  }
}

/** The prose and examples of a rule's doc page (docs/rules/<id>.md is generated from them). */
export interface RuleDocs {
  /** Why it matters, with numbers where known (image size, build time). Markdown. */
  readonly rationale: string;
  /** Dockerfiles the rule reports; a test checks that each one does. */
  readonly invalid: readonly string[];
  /** Dockerfiles the rule accepts; a test checks that each one does. */
  readonly valid: readonly string[];
  /** When the fix is safe and when it is not. Markdown. */
  readonly fixNotes?: string;
  /** Options the examples are linted with, for rules that do nothing until configured (a label schema). */
  readonly exampleOptions?: Readonly<Record<string, RuleOptionValue>>;
  /** Files the examples are linted beside (name → text), for rules that read them (`.dockerignore`). */
  readonly exampleFiles?: Readonly<Record<string, string>>;
}

/** Static facts about a rule: what reporters, config and docs need. */
export interface RuleMeta {
  /** kebab-case, named after the pattern it flags. Part of the public interface. */
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  /** One sentence, imperative: what to do. */
  readonly description: string;
  /** The strongest fix the rule can emit: `none` when it only reports. */
  readonly fix: FixSafety | 'none';
  readonly sources?: readonly RuleSource[];
  readonly options?: Readonly<Record<string, RuleOption>>;
  /** Off unless selected by id, alias, category or `ALL` (for noisy or opinionated checks). */
  readonly optIn?: boolean;
  /**
   * For a rule that relays another tool's findings (ShellCheck's `SC2086`): the codes it reports. Each
   * diagnostic carries its code as an alias, and a code is accepted wherever a rule id is (`--select`,
   * `--ignore`, `rules`, pragmas) to choose, silence or re-level the findings with that code alone.
   */
  readonly codes?: RuleCodes;
  readonly docs: RuleDocs;
}

/** The codes of another tool that a rule reports one by one (see {@link RuleMeta.codes}). */
export interface RuleCodes {
  readonly tool: RuleSource['tool'];
  /** Matches every code the rule may report, e.g. `/^SC\d{4}$/`. */
  readonly pattern: RegExp;
}

/** The fix part of a report: edits plus a title; safety defaults to the rule's declared one. */
export interface FixInput {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safety?: FixSafety;
  readonly isolation?: string;
  readonly instructionDelta?: number;
}

/**
 * A file a fix creates beside the Dockerfile (e.g. `.dockerignore`). The engine only rewrites the
 * Dockerfile's text, so it never writes this file: `fix` returns it in `FixResult.createFiles` and
 * the caller (the CLI under `fix --unsafe`) creates it, never overwriting an existing file.
 */
export interface FileCreation {
  /** Where to create it; a relative path is relative to the same directory as the `filePath` that was linted. */
  readonly path: string;
  readonly text: string;
  readonly title: string;
  readonly safety: FixSafety;
}

/** The file-creating part of a report; safety defaults to the rule's declared one. */
export interface FileCreationInput {
  readonly path: string;
  readonly text: string;
  readonly title: string;
  readonly safety?: FixSafety;
}

/** What a rule passes to `report`. */
export interface ReportInput {
  /** What the diagnostic points at. */
  readonly node: Ranged;
  /** One line, under ~100 characters: what is wrong. */
  readonly message: string;
  /** The why and the how, for `--verbose`, hover and docs: plain text or Markdown, may span lines. */
  readonly help?: string;
  readonly fix?: FixInput;
  /** A file to create beside the Dockerfile instead of (or besides) editing its text. */
  readonly createFile?: FileCreationInput;
  /** The other tool's code of this finding, for a rule with {@link RuleMeta.codes}; it becomes an alias. */
  readonly code?: string;
  /** The finding's own level (the other tool's), used unless the config sets the rule's or the code's. */
  readonly severity?: Severity;
}

/** What a rule sees: the parsed file, its options, and ways to report. */
export interface RuleContext<Options = Record<string, unknown>> {
  readonly source: Source;
  readonly model: DockerfileModel;
  readonly options: Options;
  /** The file's path, when linting from disk. */
  readonly filePath: string | undefined;
  /**
   * The files beside the linted file (a `.dockerignore`, a `package.json`, a script a COPY brings in).
   * Rules read them here, never through node:fs, so that every result says what it depended on
   * ({@link LintResult.fileDependencies}) and a host can answer from memory.
   */
  readonly files: ContextFiles;
  readonly fix: FixBuilder;
  report(input: ReportInput): void;
}

/** A RUN instruction, with its RUN facts guaranteed. */
export type RunInstruction = Instruction & { readonly run: RunInfo };
/** A FROM instruction, with its FROM facts guaranteed. */
export type FromInstruction = Instruction & { readonly from: FromInfo };

type InstructionOf<K extends string> = K extends 'RUN' ? RunInstruction : K extends 'FROM' ? FromInstruction : Instruction;

/**
 * Callbacks keyed by instruction keyword, plus whole-file hooks. An ONBUILD's trigger is visited under
 * its own keyword right after the ONBUILD (`ONBUILD RUN x` calls `ONBUILD`, then `RUN` with an
 * instruction whose `onbuild` is set); rules about the stage's own state check `instruction.onbuild`.
 */
export type Visitor = {
  readonly [K in Keyword]?: (instruction: InstructionOf<K>) => void;
} & {
  /** Called once per stage (a fragment's implicit stage too, whose `from` is null), after all its instructions were visited. */
  readonly 'Stage:exit'?: (stage: Stage) => void;
  /** Called once, after everything else. */
  readonly 'Dockerfile:exit'?: () => void;
};

/** A rule: metadata plus a factory for its visitor. */
export interface Rule<Options = Record<string, unknown>> {
  readonly meta: RuleMeta;
  create(context: RuleContext<Options>): Visitor;
}

/** Declares a rule. An identity function that gives the rule its types. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** The codes of other tools that name the same check as this rule. */
export function ruleAliases(meta: RuleMeta): string[] {
  return (meta.sources ?? []).filter((source) => source.kind === 'same').map((source) => source.rule);
}
