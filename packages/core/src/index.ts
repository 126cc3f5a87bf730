// First: the package's one top-level await, the shell parser's WebAssembly load (see loadShellParser).
import './shell-loaded.js';
export { parseCheckDirective, Source, type CheckDirective, type LineColumn, type LineEndings, type ParserDirective, type Position, type TextRange } from './source.js';
export { parseImageRef, substituteVariables, type ImageRef } from './image-ref.js';
export {
  loadShellParser,
  parseShell,
  prepareShellText,
  ShellParserNotLoadedError,
  shellReady,
  type ShellCommand,
  type ShellDefinition,
  type ShellScript,
  type ShellStatement,
  type ShellWord,
} from './shell.js';
export { shellInputOf, type ShellInput } from './shell-input.js';
export {
  buildModel,
  commentsIn,
  findStage,
  FORBIDDEN_TRIGGERS,
  KEYWORDS,
  type Argument,
  type DockerfileModel,
  type Flag,
  type FromInfo,
  type Instruction,
  type Keyword,
  type RunForm,
  type RunInfo,
  type Stage,
  type SyntaxProblem,
} from './model.js';
export {
  defineRule,
  ruleAliases,
  ruleOptionProblem,
  type FileCreation,
  type FileCreationInput,
  type FixInput,
  type FromInstruction,
  type ReportInput,
  type Rule,
  type RuleContext,
  type RuleDocs,
  type RuleMeta,
  type RuleOption,
  type RuleOptionValue,
  type RuleCodes,
  type RuleSource,
  type RunInstruction,
  type Visitor,
} from './rule.js';
export { SEVERITIES, type Diagnostic, type Severity } from './diagnostic.js';
export { applyEdits, createFixBuilder, editsConflict, type Fix, type FixBuilder, type FixSafety, type Ranged, type TextEdit } from './fix.js';
export { ConfigError, RuleIndex, resolveConfig, type CodeSelection, type Config, type ResolvedRule, type RuleSetting } from './config.js';
export {
  collectSuppressions,
  fixTouchesGuarded,
  isSuppressed,
  suppressionsOf,
  SuppressionIndex,
  type BuildkitNames,
  type PragmaKind,
  type Suppression,
  type SuppressionEntry,
} from './suppress.js';
export { editDistance } from './edit-distance.js';
export { unifiedDiff } from './diff.js';
export {
  createLinter,
  UNKNOWN_PRAGMA_RULE,
  UNUSED_PRAGMA_RULE,
  type AppliedFix,
  type FixOptions,
  type FixResult,
  type Linter,
  type LinterOptions,
  type LintOptions,
  type LintResult,
  type RevertedFix,
} from './linter.js';
export { decodeDockerfile, DEFAULT_MAX_FILE_SIZE, formatSize, InputError } from './input.js';
export {
  CONFIG_FILE_NAMES,
  clearConfigCaches,
  findConfigFile,
  keyPath,
  loadConfig,
  parseConfigFile,
  readConfigFile,
  searchStopDir,
  type ConfigFile,
  type ConfigFixSettings,
  type ConfigOverride,
  type LoadedConfig,
} from './config-file.js';
export {
  BUILTIN_CONFIGS,
  createConfigResolver,
  hadolintToConfig,
  validateOptions,
  type ConfigResolver,
  type ConfigResolverOptions,
  type ConfigSource,
  type FileConfig,
} from './config-resolver.js';
export { configJsonSchema } from './config-schema.js';
export { loadPlugin, pluginNamespace, resolveModule, type LoadedPlugin } from './config-modules.js';
export {
  findHadolintConfig,
  hadolintConfigCandidates,
  hadolintEnvSettings,
  parseHadolintSettings,
  readHadolintConfig,
  type HadolintSettings,
  type LoadedHadolintConfig,
} from './hadolint-config.js';
export { format, resolveFormatOptions, type FormatOptions, type FormatResult, type OperatorPosition, type ResolvedFormatOptions } from './format/index.js';
export { RULE_DOCS_URL_ENV, ruleDocsBaseUrl, ruleDocUrl } from './rule-docs.js';
export { createContextFiles, nodeFileSystem, type ContextFiles, type FileStat, type FileSystemHost } from './context-files.js';
