import { posix } from 'node:path';
import { defineRule, type Instruction, type RuleContext, type ShellCommand, type Stage } from '@dockfix/core';
import { CURRENT_ALPINE, DISTROLESS_STATIC } from '../data/base-images.js';
import { buildSteps, shippedToolchain, shipsApplication, type BuildStep } from '../lib/build.js';
import { keywordCase } from '../lib/edits.js';
import { describeImage, isOfficialNode, officialName, parseTag, retagRaw, smallerVariant, stageChain } from '../lib/images.js';
import { freeStageName, setsEnv, setsUser, splitEdits, splitStage, workdirAt, type SplitEdits } from '../lib/restructure.js';

/** A planned rewrite: its edits and a title for the fix. */
interface Plan extends SplitEdits {
  readonly title: string;
}

/** Commands a Node.js build stage may run for the fix to be faithful: nothing that installs software the runtime would need. */
function nodeCommandAllowed(command: ShellCommand): boolean {
  const name = command.name.split('/').at(-1) ?? '';
  const args = command.args.map((arg) => arg.value);
  switch (name) {
    case 'npm': {
      const sub = args.find((arg) => !arg.startsWith('-'));
      if (sub === 'ci' || sub === 'install' || sub === 'i') return !args.some((arg) => arg === '-g' || arg === '--global') && args.filter((arg) => !arg.startsWith('-')).length === 1;
      return sub === 'run' || sub === 'run-script' || sub === 'prune' || sub === 'cache' || sub === 'audit' || sub === 'test' || sub === 'config';
    }
    case 'npx':
    case 'tsc':
    case 'node':
    case 'echo':
    case 'ls':
    case 'true':
    case 'test':
    case 'set':
    case 'rm':
      return true;
    case 'mkdir':
    case 'cp':
    case 'mv':
      return args.every((arg) => arg.startsWith('-') || !arg.startsWith('/'));
    default:
      return false;
  }
}

/** Go build-time packages the runtime does not need (distroless has CA certificates and tzdata). */
const GO_BUILD_PACKAGES = new Set(['git', 'ca-certificates', 'tzdata', 'openssh-client', 'bash', 'make', 'upx']);
const GO_BUILD_VARIABLES = /^(CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOFLAGS|GOPATH|GOPROXY|GOPRIVATE|GONOSUMDB|GONOSUMCHECK|GOSUMDB|GOCACHE|GOMODCACHE|GO111MODULE|GOBIN|GOTOOLCHAIN|PATH)$/;

function goCommandAllowed(command: ShellCommand): boolean {
  const name = command.name.split('/').at(-1) ?? '';
  const args = command.args.map((arg) => arg.value);
  const positional = args.filter((arg) => !arg.startsWith('-'));
  switch (name) {
    case 'go':
      return ['build', 'mod', 'test', 'vet', 'generate', 'env', 'version', 'list'].includes(positional[0] ?? '');
    case 'apk':
      return positional[0] === 'add' && positional.slice(1).every((pkg) => GO_BUILD_PACKAGES.has(pkg.split('=')[0] ?? ''));
    case 'apt-get':
    case 'apt':
      if (positional[0] === 'update') return true;
      return positional[0] === 'install' && positional.slice(1).every((pkg) => GO_BUILD_PACKAGES.has(pkg.split('=')[0] ?? ''));
    case 'git':
    case 'echo':
    case 'ls':
    case 'true':
    case 'set':
    case 'rm':
      return true;
    case 'mkdir':
    case 'cp':
    case 'mv':
      return args.every((arg) => arg.startsWith('-') || !arg.startsWith('/'));
    default:
      return false;
  }
}

function runCommands(stage: Stage): ShellCommand[] | null {
  const commands: ShellCommand[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'RUN') continue;
    const script = instruction.run?.script;
    if (!script || script.hasError) return null;
    commands.push(...script.commands);
  }
  return commands;
}

/** The value of `-o` of a `go build`, when written literally. */
function goOutput(command: ShellCommand): string | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg) break;
    if (arg.value === '-o') {
      const next = args[i + 1];
      return next && !next.dynamic ? next.value : null;
    }
    if (arg.value.startsWith('-o=')) return arg.dynamic ? null : arg.value.slice(3);
  }
  return null;
}

/** Directory names and file types that hold runtime files of a Go program rather than its sources. */
const GO_ASSET_DIR = /^(templates?|static|public|assets|web|views|config|configs|migrations|locales|i18n|www|html|ui)$/;
const GO_ASSET_FILE = /\.(ya?ml|json|toml|ini|conf|html|tmpl|gotmpl|sql|css|js|txt|pem|crt)$/;

/** Where explicit COPYs of runtime files (`COPY templates ./templates`, `COPY config.yaml .`) put them, so the runtime stage gets them too. */
function goAssetPaths(stage: Stage, upTo: Instruction): string[] | null {
  const paths: string[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.index > upTo.index) break;
    if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.flags.some((flag) => flag.name === 'from')) continue;
    const values = instruction.json ?? instruction.args.map((arg) => arg.value);
    const sources = values.slice(0, -1);
    const assets = sources.filter((source) => {
      const name = posix.basename(source.replace(/\/$/, ''));
      return GO_ASSET_DIR.test(name) || GO_ASSET_FILE.test(name);
    });
    if (assets.length === 0) continue;
    if (assets.length !== sources.length || /[*?[$]/.test(values.join(' '))) return null;
    const dest = values.at(-1) ?? '';
    const workdir = workdirAt(stage, instruction);
    const base = dest.startsWith('/') ? dest : workdir ? posix.join(workdir, dest) : null;
    if (!base) return null;
    // A directory's contents land in the destination (`COPY static/ ./static/`); a file lands in it when
    // the destination is a directory (`COPY config.yaml ./`) and is named by it otherwise.
    for (const source of sources) {
      const name = posix.basename(source.replace(/\/$/, ''));
      const isFile = GO_ASSET_FILE.test(name);
      const path = isFile && (dest.endsWith('/') || sources.length > 1) ? posix.join(base, name) : posix.normalize(base).replace(/(.)\/$/, '$1');
      if (!paths.includes(path)) paths.push(path);
    }
  }
  return paths;
}

/** The program a CMD or ENTRYPOINT starts: the first JSON element, or the first word of the shell form. */
function startedProgram(ctx: RuleContext<Record<string, unknown>>, instruction: Instruction): string | null {
  if (instruction.json) return instruction.json[0] ?? null;
  const text = instruction.argsRange ? ctx.source.slice(instruction.argsRange).trim() : '';
  return /^[^\s$`'"]+/.exec(text)?.[0] ?? null;
}

function planNode(ctx: RuleContext<Record<string, unknown>>, stage: Stage): Plan | null {
  if (!stage.from) return null;
  const image = stage.from.from.image;
  if (!isOfficialNode(image) || image.digest !== null) return null;
  const commands = runCommands(stage);
  if (!commands || !commands.every(nodeCommandAllowed)) return null;
  if (!commands.some((command) => command.name === 'npm')) return null;
  const split = splitStage(stage, () => true, ctx);
  if (!split) return null;
  const workdir = workdirAt(stage, split.last);
  if (!workdir || workdir === '/') return null;
  const variant = smallerVariant(image);
  const parts = parseTag(image.tag);
  const runtime = variant?.kind === 'slim' ? retagRaw(image, variant.tag) : parts.slim || parts.alpine ? image.raw : null;
  if (!runtime) return null;
  const kw = keywordCase(stage, ctx);
  const name = stage.name ?? freeStageName(ctx.model, ['build', 'builder']);
  const configured = [...split.repeated, ...split.tail, ...split.moved];
  const head = [
    ...(setsEnv(ctx, configured, 'NODE_ENV') ? [] : [`${kw('ENV')} NODE_ENV=production`]),
    `${kw('WORKDIR')} ${workdir}`,
    `${kw('COPY')} --from=${name} ${workdir} ./`,
  ];
  const user = setsUser([...split.tail, ...split.moved]) ? [] : [`${kw('USER')} node`];
  const edits = splitEdits(ctx, stage, split, { name, runtime, buildLines: [`${kw('RUN')} npm prune --omit=dev`], headLines: head, afterMoved: user });
  return edits && { ...edits, title: `Build in a \`${name}\` stage and run on \`${runtime}\` with production dependencies only` };
}

function planGo(ctx: RuleContext<Record<string, unknown>>, stage: Stage, step: BuildStep): Plan | null {
  if (!stage.from) return null;
  const image = stage.from.from.image;
  if (officialName(image) !== 'golang' || image.digest !== null) return null;
  const commands = runCommands(stage);
  if (!commands || !commands.every(goCommandAllowed)) return null;
  const builds = buildSteps(stage).filter((other) => other.kind === 'go');
  if (builds.length !== 1 || builds[0]?.command.range.start !== step.command.range.start) return null;
  const command = step.command;
  if (command.args[0]?.value !== 'build') return null;
  const output = goOutput(command);
  if (!output || output.endsWith('/')) return null;
  // A `cd` before the build in the same RUN moves a relative output.
  const script = step.instruction.run.script;
  if (!output.startsWith('/') && script?.commands.some((other) => other.name === 'cd' && other.range.start < command.range.start)) return null;
  const split = splitStage(stage, (name, value) => !GO_BUILD_VARIABLES.test(name) && !(value ?? '').includes('$'), ctx);
  if (!split) return null;
  const workdir = workdirAt(stage, step.instruction);
  const binary = output.startsWith('/') ? posix.normalize(output) : workdir ? posix.join(workdir, output) : null;
  if (!binary) return null;
  const finalWorkdir = workdirAt(stage);

  // The image must start the binary, in a way the runtime image can run.
  const starts = [...split.tail, ...split.moved].filter((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT');
  const entry = starts.find((instruction) => instruction.keyword === 'ENTRYPOINT') ?? starts.at(-1);
  if (!entry) return null;
  const program = startedProgram(ctx, entry);
  const resolved = program === null ? null : program.startsWith('/') ? posix.normalize(program) : finalWorkdir ? posix.join(finalWorkdir, program) : null;
  if (resolved !== binary) return null;
  const healthchecks = [...split.tail, ...split.moved].filter((instruction) => instruction.keyword === 'HEALTHCHECK');
  if (healthchecks.some((instruction) => !/\bCMD\s*\[/.test(ctx.source.slice(instruction.range)) && !/\bNONE\b/i.test(ctx.source.slice(instruction.range)))) return null;

  // CGO: a static binary needs it off; keep a build that asks for it as it is (report only).
  const cgo = cgoSetting(ctx, stage, command);
  if (cgo === '1') return null;
  const shellForm = [...starts, ...healthchecks].some((instruction) => instruction.keyword !== 'HEALTHCHECK' && !instruction.json);
  const runtime = shellForm ? `alpine:${CURRENT_ALPINE}` : DISTROLESS_STATIC;
  const kw = keywordCase(stage, ctx);
  const name = stage.name ?? freeStageName(ctx.model, ['build', 'builder']);
  const assets = goAssetPaths(stage, split.last);
  if (!assets) return null;
  const head = [
    ...(finalWorkdir ? [`${kw('WORKDIR')} ${finalWorkdir}`] : []),
    `${kw('COPY')} --from=${name} ${binary} ${binary}`,
    ...assets.map((path) => `${kw('COPY')} --from=${name} ${path} ${path}`),
  ];
  const edits = splitEdits(ctx, stage, split, { name, runtime, buildLines: [], headLines: head, afterMoved: [] });
  if (!edits) return null;
  const cgoEdit = cgo === null ? [ctx.fix.insertBefore(command.range.start, 'CGO_ENABLED=0 ')] : [];
  return {
    edits: [...edits.edits, ...cgoEdit],
    instructionDelta: edits.instructionDelta,
    title: `Build in a \`${name}\` stage and copy the ${cgo === null ? 'static ' : ''}binary${assets.length > 0 ? ' and the files copied next to it' : ''} onto \`${runtime}\` (copy any other file it reads at runtime too)`,
  };
}

/** `CGO_ENABLED` for the build command: from an assignment in front of it, an `export`, or an ENV; null when unset. */
function cgoSetting(ctx: RuleContext<Record<string, unknown>>, stage: Stage, command: ShellCommand): string | null {
  const prefix = command.assignments.find((word) => word.value.startsWith('CGO_ENABLED='));
  if (prefix) return prefix.value.slice('CGO_ENABLED='.length);
  const script = ctx.source.text.slice(0, command.range.start);
  const exported = [...script.matchAll(/\bCGO_ENABLED=(\d)/g)].at(-1);
  const inStage = exported && (exported.index ?? 0) >= (stage.from?.range.start ?? 0) ? exported[1] : undefined;
  if (inStage !== undefined) return inStage;
  for (const current of stageChain(stage)) {
    for (const instruction of current.instructions) {
      if (instruction.keyword !== 'ENV') continue;
      const match = /\bCGO_ENABLED[= ]+["']?(\d)/.exec(ctx.source.slice(instruction.range));
      if (match?.[1]) return match[1];
    }
  }
  return null;
}

const RUNTIME_HINT: Readonly<Record<string, string>> = {
  node: 'install and build in a `build` stage, then copy the app with production dependencies only (`npm prune --omit=dev`) onto a slim image',
  go: 'build in a `build` stage and copy only the binary onto `gcr.io/distroless/static` (about 2 MB) or `alpine`',
  maven: 'build in a `build` stage and copy only the jar onto a JRE image (`eclipse-temurin:<version>-jre`)',
  gradle: 'build in a `build` stage and copy only the jar onto a JRE image (`eclipse-temurin:<version>-jre`)',
  cargo: 'build in a `build` stage and copy only the binary onto `debian:<suite>-slim`, distroless or `scratch`',
  dotnet: 'publish in a `build` stage on the SDK image and copy the output onto `mcr.microsoft.com/dotnet/aspnet` or `runtime`',
  make: 'build in a `build` stage and copy only what the build produces into a runtime stage',
  compiler: 'build in a `build` stage and copy only what the build produces into a runtime stage',
};

export default defineRule({
  meta: {
    id: 'multi-stage-build',
    category: 'multi-stage',
    severity: 'warning',
    description: 'Build in a builder stage and ship only the result, not the toolchain',
    fix: 'unsafe',
    docs: {
      rationale: [
        'A single-stage Dockerfile that compiles or bundles ships everything the build needed: `golang:1.26`',
        'is about 290 MB compressed while the binary it builds is often 10–20 MB, and a static one runs on',
        '`gcr.io/distroless/static` (about 2 MB); a Node.js image that runs `npm run build` keeps every',
        'devDependency (TypeScript, bundlers, test tools: often hundreds of MB of `node_modules`), the sources',
        'and the npm cache; Maven and Gradle images ship a JDK and the whole dependency cache. Beyond size,',
        'every compiler in the image is attack surface and a scanner finding. A second stage that copies only',
        'the output leaves all of that behind.',
        '',
        'The rule reports a Dockerfile whose final stage copies from no other stage and runs a build (`npm run',
        'build`, `tsc`, `go build`, `mvn package`, `gradle build`, `cargo build`, `dotnet publish`, `make`, a',
        'compiler) that leaves its toolchain in the image: the build runs on a compiler image (golang, rust,',
        'maven, gradle, gcc, buildpack-deps, a JDK, the .NET SDK), compilers are installed and not removed in',
        'the same RUN, or a Node.js build never prunes its devDependencies. Builds that purge the compilers in',
        'the same RUN are not reported, and neither are Dockerfiles that copy no application files into the',
        'image (only entrypoint or helper scripts): they build a base image from downloaded sources, like the',
        'official language images, and the toolchain is their product. `--version` smoke tests are not builds.',
      ].join('\n'),
      invalid: [
        'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
        'FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/server ./cmd/server\nEXPOSE 8080\nCMD ["/bin/server"]\n',
        'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\nCMD ["java", "-jar", "target/app.jar"]\n',
      ],
      valid: [
        'FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/server .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /bin/server /bin/server\nCMD ["/bin/server"]\n',
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make && make -C /src && apt-get purge -y gcc make && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*\n',
        'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      ],
      fixNotes: [
        'Unsafe: the runtime stage has only what is copied into it. The fix splits the stage after its last',
        'RUN/COPY/ADD: the original stage becomes the builder (named `build`), and a new `FROM` starts the',
        'runtime stage, which gets the instructions that followed (ENV, EXPOSE, USER, CMD, ENTRYPOINT keep their',
        'place and comments). EXPOSE, LABEL, CMD, ENTRYPOINT, HEALTHCHECK and STOPSIGNAL written before the',
        'build move into it, ENV and ARG are repeated in it, and its WORKDIR is the build\'s.',
        '',
        '- Node.js (npm): the builder ends with `RUN npm prune --omit=dev`; the runtime stage is the slim',
        '  variant of the same image (`node:22` → `node:22-slim`, same Debian, so native modules still load)',
        '  with `ENV NODE_ENV=production`, the whole app directory copied from the builder (built output,',
        '  production dependencies, `package.json` for `npm start`) and `USER node`. Only offered when the RUNs',
        '  are npm, npx, tsc, node and file commands inside the app directory: a RUN that installs system',
        '  packages or global tools may be needed at runtime, so such files are reported without a fix.',
        '- Go: `go build -o <path>` gets `CGO_ENABLED=0` (unless CGO_ENABLED is set; `=1` is reported without a',
        '  fix) and the binary is copied to the same path on `gcr.io/distroless/static-debian12:nonroot` (no',
        '  shell, non-root), or on `alpine` when CMD/ENTRYPOINT use the shell form. Offered only when CMD or',
        '  ENTRYPOINT starts that binary and the RUNs only fetch modules, build, test or install build-time',
        '  packages (git, ca-certificates). Files the Dockerfile copies explicitly under conventional names',
        '  (`templates`, `static`, `config.yaml`, …) are copied into the runtime stage too; a program that reads',
        '  other files from its source tree at runtime needs them added by hand: check before you ship.',
        '- Other builds (Maven, Gradle, Cargo, make, …) are reported without a fix: which files the build',
        '  produces is not in the Dockerfile.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const final = ctx.model.stages.at(-1);
        // A fragment (no FROM) is a piece of a build, not one that ships its toolchain.
        if (!final?.from || final.windows) return;
        const chain = stageChain(final);
        // Images that build their own software from downloaded sources (the official images) are the product, not an app build.
        if (chain.some((stage) => stage.copiesFrom.length > 0) || !shipsApplication(chain)) return;
        const shipped = shippedToolchain(final, (instruction) => ctx.source.slice(instruction.range));
        if (!shipped) return;
        const { step, what } = shipped;
        const image = chain.at(-1)?.from?.from.image;
        let plan: Plan | null = null;
        if (ctx.model.stages.length === 1 && step.instruction.stage === final) {
          if (step.kind === 'node') plan = planNode(ctx, final);
          if (step.kind === 'go') plan = planGo(ctx, final, step);
        }
        const command = ctx.source.slice(step.command.range).split(/\r?\n/)[0] ?? '';
        const cgo = step.kind === 'go' && cgoSetting(ctx, final, step.command) === '1';
        const hint = cgo
          ? 'build in a `build` stage and copy only the binary onto an image with the same C library (`alpine` for a musl build, `gcr.io/distroless/base` or `debian:<suite>-slim` for glibc)'
          : (RUNTIME_HINT[step.kind] ?? 'build in a separate stage');
        ctx.report({
          node: step.command.range,
          message: `\`${command.length > 40 ? `${command.slice(0, 37)}…` : command}\` builds in the stage that ships${image ? ` (on ${describeImage(image)})` : ''}, so the image keeps ${what}; ${hint}`,
          ...(plan ? { fix: { title: plan.title, edits: plan.edits, instructionDelta: plan.instructionDelta, isolation: 'file' } } : {}),
        });
      },
    };
  },
});

