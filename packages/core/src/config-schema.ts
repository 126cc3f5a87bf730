import { SEVERITIES } from './diagnostic.js';
import { ruleAliases, type Rule, type RuleOption } from './rule.js';

type JsonSchema = Readonly<Record<string, unknown>>;

const LEVELS = ['off', ...SEVERITIES];

function optionSchema(option: RuleOption): JsonSchema {
  const base = { description: option.description, default: option.default };
  switch (option.type) {
    case 'boolean':
    case 'string':
    case 'number':
      return { ...base, type: option.type };
    case 'string[]':
      return { ...base, type: 'array', items: { type: 'string' } };
    default:
      return base;
  }
}

/** `"off"`, a severity, `[severity]` or `[severity, {options}]` for one rule. */
function settingSchema(rule: Rule<Record<string, unknown>> | null): JsonSchema {
  const options = rule?.meta.options ?? {};
  const optionsSchema: JsonSchema = rule
    ? { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(options).map(([name, option]) => [name, optionSchema(option)])) }
    : { type: 'object' };
  return {
    ...(rule ? { description: `${rule.meta.description} (default: ${rule.meta.optIn ? 'off' : rule.meta.severity})` } : {}),
    oneOf: [
      { enum: LEVELS },
      { type: 'array', prefixItems: [{ enum: LEVELS }, optionsSchema], items: false, minItems: 1, maxItems: 2 },
    ],
  };
}

/**
 * The JSON Schema (draft 2020-12) of a dockfix config file, generated from the rules' metadata, so
 * editors complete rule ids, aliases and option names (`"$schema"` in the file points to it).
 * Plugin rules (`name/rule-id`) are accepted with any options: their metadata is not known here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function configJsonSchema(rules: readonly Rule<any>[]): JsonSchema {
  const typed = rules as readonly Rule<Record<string, unknown>>[];
  const ruleProperties: Record<string, JsonSchema> = {};
  const defs: Record<string, JsonSchema> = {};
  for (const rule of typed) {
    defs[rule.meta.id] = settingSchema(rule);
    const ref = `#/$defs/${rule.meta.id}`;
    ruleProperties[rule.meta.id] = { $ref: ref, description: `${rule.meta.description} (default: ${rule.meta.optIn ? 'off' : rule.meta.severity})` };
    for (const alias of ruleAliases(rule.meta)) ruleProperties[alias] = { $ref: ref, description: `Alias of ${rule.meta.id}: ${rule.meta.description}` };
  }
  for (const category of new Set(typed.map((rule) => rule.meta.category))) ruleProperties[category] ??= { ...settingSchema(null), description: `Every rule of the ${category} category` };
  const names = [...new Set(typed.flatMap((rule) => [rule.meta.id, ...ruleAliases(rule.meta)]))].sort();
  // Lists name rules often; one definition keeps the file small.
  defs.selectors = { type: 'array', items: { anyOf: [{ enum: ['ALL', ...names, ...new Set(typed.map((rule) => rule.meta.category))] }, { type: 'string', pattern: '^[^/]+/.+$' }] } };
  // Codes a rule reports one by one (ShellCheck's SC2086) stand in lists and in `rules` on their own: a level, no options.
  const codePatterns = Object.fromEntries(
    typed.flatMap((rule) =>
      rule.meta.codes ? [[rule.meta.codes.pattern.source, { enum: LEVELS, description: `A ${rule.meta.codes.tool} code of ${rule.meta.id}: set, silence or re-level that code alone` }]] : [],
    ),
  );
  defs.selectors = {
    type: 'array',
    items: { anyOf: [...((defs.selectors as { items: { anyOf: JsonSchema[] } }).items.anyOf), ...Object.keys(codePatterns).map((pattern) => ({ type: 'string', pattern }))] },
  };
  const selectors = { $ref: '#/$defs/selectors' };
  const rulesSchema = { type: 'object', properties: ruleProperties, patternProperties: { '^[^/]+/.+$': settingSchema(null), ...codePatterns }, additionalProperties: false };
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  const severity = { enum: [...SEVERITIES] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'dockfix configuration',
    description: 'Configuration of dockfix, the Dockerfile linter: .dockfix.json, dockfix.config.{json,yaml,yml,js,mjs,cjs}, .dockfixrc{,.json,.yaml,.yml} or "dockfix" in package.json.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Configs this one builds on, in order: dockfix:recommended, dockfix:all, dockfix:strict, a package name or a path.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { anyOf: [{ enum: ['dockfix:recommended', 'dockfix:all', 'dockfix:strict'] }, { type: 'string' }] } }],
      },
      plugins: { description: 'npm packages (or paths) exporting rules; their ids are namespaced: name/rule-id. Loading one runs its code.', type: 'array', items: { type: 'string' } },
      select: { ...selectors, description: 'Rules to run instead of the defaults: ids, aliases, categories or ALL.' },
      extendSelect: { ...selectors, description: 'Rules to run in addition to the selection.' },
      ignore: { ...selectors, description: 'Rules not to run.' },
      rules: { ...rulesSchema, description: 'Per rule: "off", a severity, or [severity, {options}]. Naming a rule turns it on.' },
      overrides: {
        description: 'Settings for the files matching globs relative to this file (a glob without "/" matches the file name at any depth).',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: { files: { anyOf: [{ type: 'string' }, globs] }, excludedFiles: { anyOf: [{ type: 'string' }, globs] }, extendSelect: selectors, ignore: selectors, rules: rulesSchema },
        },
      },
      ignorePatterns: { ...globs, description: 'Dockerfiles never linted, as globs relative to this file.' },
      fix: {
        type: 'object',
        additionalProperties: false,
        properties: {
          unsafe: { type: 'boolean', description: 'Apply unsafe fixes in `dockfix fix` without --unsafe (never on save).' },
          fixable: { ...selectors, description: 'Only these rules\' fixes are offered and applied.' },
          unfixable: { ...selectors, description: 'These rules\' fixes are never offered nor applied.' },
        },
      },
      failOn: { ...severity, description: 'Lowest severity that makes the exit code 1 (default: style).' },
      failureThreshold: { ...severity, description: "hadolint's name for failOn." },
      noFail: { type: 'boolean', description: 'Exit 0 even when problems are found.' },
      maxFileSize: { type: 'integer', minimum: 1, description: 'Largest file, in bytes, read as a Dockerfile (default 1 MiB).' },
      reportUnusedPragmas: { anyOf: [{ type: 'boolean' }, severity], description: 'Report pragmas that silence nothing (rule unused-pragma).' },
      disableIgnorePragma: { type: 'boolean', description: 'Ignore every # dockfix-ignore and # hadolint ignore= pragma.' },
    },
    $defs: defs,
  };
}
