import { defineRule, type Instruction, type Source, type Stage, type TextRange } from '@dockfix/core';
import { COMMON_IMAGE_ENV, IMAGE_ENV, PATH_ONLY_IMAGES } from '../data/image-env.js';
import { officialName } from '../lib/images.js';
import { keyValues } from '../lib/properties.js';
import { suggestName, variableReferences, type VariableReference } from '../lib/variables.js';

/** BuildKit reads these as build options and never puts them in the environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** What dockfix knows of the variables a stage's base image defines. */
type ImageEnv = { readonly known: boolean; readonly names: ReadonlySet<string> };

function imageEnvOf(stage: Stage): ImageEnv {
  const path = stage.windows ? [] : ['PATH'];
  // A fragment's implicit stage has no FROM: its base image, and so its environment, is unknown.
  if (!stage.from) return { known: false, names: new Set(path) };
  const image = stage.from.from.image;
  // `golang:${GO_VERSION}-alpine` is still golang: only a variable in the name makes the image unknown.
  if (image.name.includes('$')) return { known: false, names: new Set(path) };
  const name = image.scratch ? 'scratch' : officialName(image);
  if (PATH_ONLY_IMAGES.has(name)) return { known: true, names: new Set(path) };
  const listed = IMAGE_ENV[name];
  if (listed) return { known: true, names: new Set([...path, ...listed]) };
  return { known: false, names: new Set(path) };
}

/** The instructions {@link expandedWords} has words for. */
const EXPANDING: ReadonlySet<string> = new Set(['ADD', 'COPY', 'RUN', 'EXPOSE', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** The ranges of the words of `instruction` that the Dockerfile frontend expands (not RUN, CMD, ENTRYPOINT bodies). */
function expandedWords(source: Source, instruction: Instruction): TextRange[] {
  type AstRange = Parameters<Source['toRange']>[0];
  type Heredoc = { getContentRange(): AstRange | null; getDelimiterRange(): AstRange | null };
  if (!EXPANDING.has(instruction.keyword)) return [];
  let heredocs: Heredoc[];
  try {
    // A heredoc needs `<<`: dockerfile-ast's getHeredocs splits the instruction again, and asking it of
    // every instruction was a tenth of the rule engine's time.
    const text = source.slice(instruction.range);
    heredocs = text.includes('<<') ? ((instruction.node as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? []) : [];
  } catch {
    // dockerfile-ast throws on some broken heredocs (fuzz seed 20261220, path 902): no words to check.
    return [];
  }
  // Heredoc bodies are expanded only for unquoted delimiters and dockfix does not check them yet.
  const heredocStart = Math.min(
    ...heredocs.map((heredoc) => {
      const body = heredoc.getContentRange() ?? heredoc.getDelimiterRange();
      return body ? source.toRange(body).start : Infinity;
    }),
  );
  const args = instruction.args.filter((arg) => arg.range.start < heredocStart).map((arg) => arg.range);
  const flags = (names: readonly string[]) => instruction.flags.filter((flag) => names.includes(flag.name)).map((flag) => flag.range);
  switch (instruction.keyword) {
    case 'ADD':
      return [...flags(['chown', 'chmod', 'checksum']), ...args];
    case 'COPY':
      return [...flags(['chown', 'chmod']), ...args];
    case 'RUN':
      return flags(['mount']);
    case 'EXPOSE':
    case 'STOPSIGNAL':
    case 'USER':
    case 'VOLUME':
    case 'WORKDIR':
      return args;
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    id: 'undefined-variable',
    category: 'style',
    severity: 'warning',
    description: 'Define a variable with ARG or ENV in the stage before an instruction uses it',
    fix: 'none',
    sources: [{ tool: 'buildkit', rule: 'UndefinedVar', kind: 'same' }],
    docs: {
      rationale: [
        'Instructions other than the shell forms of RUN, CMD and ENTRYPOINT are expanded by the Dockerfile',
        'frontend itself, and an undefined variable expands to nothing: `COPY $APP_DIR/ /srv/` copies the whole',
        'context root. The usual causes are a global ARG (declared before the first `FROM`) used in a stage that',
        'does not re-declare it with `ARG NAME`, a variable used before the line that declares it, and typos.',
        '',
        'In scope in a stage: the ENV and ARG names declared earlier in it and in the stages it builds on, and',
        "what the base image's config defines. BuildKit reads that config; dockfix cannot, so it knows PATH (as",
        'BuildKit sets it for every Linux image), the few variables of common official images (`NODE_VERSION`,',
        '`PYTHON_VERSION`, `JAVA_HOME`, …), and that `alpine`, `debian`, `ubuntu`, `busybox` and `scratch` set',
        'nothing else. For other base images it reports only names the file declares somewhere else, and close',
        'misspellings of names in scope, so that a variable the image defines is not reported.',
        '`TARGETPLATFORM`, `TARGETARCH` and the other predefined arguments also need an `ARG` in the stage; the',
        'proxy variables (`HTTP_PROXY`, …) reach RUN without one, but RUN bodies are the shell\'s to expand.',
      ].join('\n'),
      invalid: [
        'ARG APP_DIR=/srv/app\nFROM alpine:3.22\nCOPY . $APP_DIR\n',
        'FROM node:24-slim\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET /srv/\n',
      ],
      valid: ['ARG APP_DIR=/srv/app\nFROM alpine:3.22\nARG APP_DIR\nCOPY . $APP_DIR\n', 'FROM node:24-slim\nLABEL node.version=$NODE_VERSION\n'],
      fixNotes: 'No automatic fix: a suggested name is a guess, and adding an `ARG` changes what the build accepts.',
    },
  },
  create(ctx) {
    // Every name the file declares: asked only about a name not in scope where the image's variables are
    // unknown, which most files never have, so collected on the first such question.
    let declared: Set<string> | undefined;
    const declaredAnywhere = (name: string): boolean => {
      if (!declared) {
        declared = new Set(ctx.model.globalArgs.keys());
        for (const instruction of ctx.model.instructions) {
          if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') for (const pair of keyValues(ctx.source, instruction)) declared.add(pair.name);
        }
      }
      return declared.has(name);
    };
    const atEnd = new Map<Stage, { defined: Set<string>; image: ImageEnv }>();

    const check = (references: readonly VariableReference[], defined: ReadonlySet<string>, image: ImageEnv, seen: Set<string>) => {
      for (const reference of references) {
        const name = reference.name;
        // BuildKit reports a variable once per instruction, however often it appears there.
        if (defined.has(name) || NON_ENV_ARGS.has(name) || seen.has(name)) continue;
        seen.add(name);
        const suggestion = suggestName(name, defined);
        // Where the image's variables are unknown, only the file's own names are evidence: `$GOPATH` is
        // not a typo of `$PATH` when the base image may well define it.
        const likelyUndefined =
          image.known || (declaredAnywhere(name) && !COMMON_IMAGE_ENV.has(name)) || (suggestion !== null && declaredAnywhere(suggestion));
        if (!likelyUndefined) continue;
        const hint = suggestion
          ? ` (did you mean \`$${suggestion}\`?)`
          : ctx.model.globalArgs.has(name)
            ? ` (a global ARG: declare \`ARG ${name}\` in the stage)`
            : '';
        ctx.report({ node: reference.range, message: `undefined variable \`$${name}\`${hint}` });
      }
    };
    const referencesIn = (range: TextRange) => variableReferences(ctx.source.slice(range), range.start, ctx.source.escapeChar);

    return {
      'Stage:exit'(stage) {
        const inherited = stage.parent ? atEnd.get(stage.parent) : undefined;
        const image = inherited?.image ?? imageEnvOf(stage);
        const defined = new Set(inherited?.defined ?? image.names);
        // What a stage built on this one inherits: ENV, and the ARGs that got a value (an ARG without a
        // default and without a global one is only a declaration in its own stage).
        const passedOn = new Set(defined);
        for (const instruction of stage.instructions) {
          const seen = new Set<string>();
          if (instruction.keyword === 'ARG') {
            for (const pair of keyValues(ctx.source, instruction)) {
              if (pair.valueRange) check(referencesIn(pair.valueRange), defined, image, seen);
              defined.add(pair.name);
              if (pair.valueRange || ctx.model.globalArgs.get(pair.name) !== undefined) passedOn.add(pair.name);
            }
            continue;
          }
          if (instruction.keyword === 'ENV' || instruction.keyword === 'LABEL') {
            const pairs = keyValues(ctx.source, instruction);
            for (const pair of pairs) {
              if (instruction.keyword === 'LABEL') check(referencesIn(pair.nameRange), defined, image, seen);
              if (pair.valueRange) check(referencesIn(pair.valueRange), defined, image, seen);
            }
            if (instruction.keyword === 'ENV') {
              for (const pair of pairs) {
                defined.add(pair.name);
                passedOn.add(pair.name);
              }
            }
            continue;
          }
          // Without a `$` the instruction refers to no variable: skip building its list of words.
          if (!ctx.source.slice(instruction.range).includes('$')) continue;
          for (const range of expandedWords(ctx.source, instruction)) check(referencesIn(range), defined, image, seen);
        }
        atEnd.set(stage, { defined: passedOn, image });
      },
    };
  },
});
