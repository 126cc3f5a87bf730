import type { Instruction, RunInstruction, ShellCommand, Stage } from '@dockfix/core';
import { baseImageOf, imageFacts, officialName, stageChain } from './images.js';

/** What a build step builds with. */
export type BuildKind = 'node' | 'node-prune' | 'go' | 'maven' | 'gradle' | 'cargo' | 'make' | 'compiler' | 'dotnet';

/** A command in a RUN that compiles, bundles or prunes: the work a builder stage is for. */
export interface BuildStep {
  readonly instruction: RunInstruction;
  readonly command: ShellCommand;
  readonly kind: BuildKind;
}

const NODE_BUILD_TOOLS = new Set(['tsc', 'vite', 'next', 'webpack', 'ng', 'nest', 'tsup', 'esbuild', 'rollup', 'parcel', 'nuxt', 'astro']);
const MAVEN_GOALS = /^(package|install|verify|deploy|compile|spring-boot:repackage)$/;
const GRADLE_TASKS = /^(:?[\w-]+:)*(build|assemble|bootJar|jar|shadowJar|installDist|war|bootWar|distTar|distZip)$/;
const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'javac', 'rustc']);

/** The basename of a command (`./mvnw` → `mvnw`, `/usr/local/go/bin/go` → `go`). */
function commandName(command: ShellCommand): string {
  return command.nameWord.dynamic ? '' : (command.name.split('/').at(-1) ?? '');
}

function positional(command: ShellCommand): string[] {
  return command.args.filter((arg) => !arg.dynamic && !arg.value.startsWith('-')).map((arg) => arg.value);
}

/** Options that only print something (`javac --version`, a smoke test in many official images). */
const PRINT_ONLY = /^(--?version|-v|-V|--help|-h|-dumpversion|-print-[\w-]+)$/;

/** The kind of build a command runs, or null when it does not build. */
export function buildKind(command: ShellCommand): BuildKind | null {
  const name = commandName(command);
  const words = positional(command);
  if (command.args.some((arg) => PRINT_ONLY.test(arg.value)) || words[0] === 'version') return null;
  const [first, second] = words;
  switch (name) {
    case 'npm':
      if (first === 'prune') return 'node-prune';
      return (first === 'run' || first === 'run-script') && second !== undefined && /^build/.test(second) ? 'node' : null;
    case 'yarn':
    case 'pnpm':
    case 'bun':
      if (first !== undefined && /^build/.test(first)) return 'node';
      return first === 'run' && second !== undefined && /^build/.test(second) ? 'node' : null;
    case 'npx':
      return first !== undefined && NODE_BUILD_TOOLS.has(first) && (first === 'tsc' || first === 'webpack' || first === 'tsup' || first === 'esbuild' || first === 'rollup' || second === 'build') ? 'node' : null;
    case 'tsc':
      return 'node';
    case 'ng':
    case 'next':
    case 'vite':
    case 'nest':
    case 'nuxt':
    case 'astro':
      return first === 'build' ? 'node' : null;
    case 'go':
      return first === 'build' || first === 'install' ? 'go' : null;
    case 'mvn':
    case 'mvnw':
      return words.some((word) => MAVEN_GOALS.test(word)) ? 'maven' : null;
    case 'gradle':
    case 'gradlew':
      return words.some((word) => GRADLE_TASKS.test(word)) ? 'gradle' : null;
    case 'cargo':
      return first === 'build' || first === 'install' ? 'cargo' : null;
    case 'make':
    case 'gmake':
    case 'ninja':
      return 'make';
    case 'cmake':
      return command.args.some((arg) => arg.value === '--build') ? 'make' : null;
    case 'dotnet':
      return first === 'build' || first === 'publish' ? 'dotnet' : null;
    default:
      return COMPILERS.has(name) ? 'compiler' : null;
  }
}

/** The build steps of a stage's RUNs, in order. */
export function buildSteps(stage: Stage): BuildStep[] {
  const steps: BuildStep[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'RUN' || !instruction.run?.script) continue;
    for (const command of instruction.run.script.commands) {
      const kind = buildKind(command);
      if (kind) steps.push({ instruction: instruction as RunInstruction, command, kind });
    }
  }
  return steps;
}

const PACKAGE_INSTALL = /(^|[\s;&|(])(apt-get|apt|apk|yum|dnf|microdnf|zypper)\s+(-\S+\s+)*(install|add)\b/;
const PACKAGE_REMOVE = /(^|[\s;&|(])((apt-get|apt)\s+(-\S+\s+)*(purge|remove|autoremove)|apk\s+(-\S+\s+)*del|(yum|dnf|microdnf|zypper)\s+(-\S+\s+)*(remove|erase|autoremove))\b/;
const COMPILER_PACKAGES = /(^|\s)(build-essential|gcc|g\+\+|gcc-c\+\+|clang|build-base|musl-dev|libc6?-dev|cmake|make|golang|golang-go|go|cargo|rust|maven|openjdk-\d+-jdk(-headless)?|nodejs-dev)(\s|$|=)/;

/** True when a RUN installs a compiler or build tool with a package manager and does not remove it in the same RUN. */
export function installsToolchain(run: Instruction, text: string): boolean {
  if (run.keyword !== 'RUN') return false;
  return PACKAGE_INSTALL.test(text) && COMPILER_PACKAGES.test(text.replace(/\\\r?\n/g, ' ')) && !PACKAGE_REMOVE.test(text);
}

/** What a build leaves in the image when it runs in the stage that ships, for messages. */
export interface ShippedToolchain {
  readonly step: BuildStep;
  /** What ships: `the Go toolchain`, `devDependencies and the sources`. */
  readonly what: string;
}

/**
 * Files images copy to set themselves up rather than to run an app: entrypoint and helper scripts
 * (`docker-entrypoint.sh`, php's `docker-php-ext-install`), devcontainer library scripts.
 */
const SUPPORT_FILE = /(entrypoint|library-scripts|(^|\/)docker-[\w.*-]+$|-foreground$|\.(sh|bash|ps1|patch|diff)$)/i;

/**
 * True when the stages ship an application: they copy something into the image that is not a setup
 * script (`COPY . .`, `COPY --from=build /out/app`, `COPY requirements.txt`). Dockerfiles that build
 * base images (the official images themselves, devcontainer bases) download and compile their software
 * instead, and copy nothing or only their entrypoint scripts.
 */
export function shipsApplication(stages: readonly Stage[]): boolean {
  return stages.some((stage) =>
    stage.instructions.some((instruction) => {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
      const values = instruction.json ?? instruction.args.map((arg) => arg.value);
      return values.slice(0, -1).some((source) => !SUPPORT_FILE.test(source) && !/^https?:\/\//.test(source));
    }),
  );
}

const JDK_IMAGES = new Set(['maven', 'gradle', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'sapmachine', 'ibm-semeru-runtimes', 'ibmjava']);

/**
 * The build step that leaves its toolchain in a stage's image, following `FROM <stage>` links: a build
 * on a compiler image (golang, rust, maven, gradle, gcc, buildpack-deps, a JDK, the .NET SDK), a Node.js
 * build whose devDependencies are never pruned, or a compile with compilers installed and not removed
 * in the same RUN. Null when the stage builds nothing or cleans up after itself.
 */
export function shippedToolchain(stage: Stage, slice: (instruction: Instruction) => string): ShippedToolchain | null {
  const chain = stageChain(stage).reverse();
  const { image } = baseImageOf(stage);
  const name = officialName(image);
  const facts = imageFacts(image);
  const tag = (image.tag ?? '').toLowerCase();
  const steps = chain.flatMap((current) => buildSteps(current));
  const installed = chain.some((current) => current.instructions.some((instruction) => installsToolchain(instruction, slice(instruction))));
  for (const [index, step] of steps.entries()) {
    const later = steps.slice(index + 1);
    switch (step.kind) {
      case 'node': {
        const pruned = later.some((other) => other.kind === 'node-prune') || laterProductionInstall(chain, step, slice);
        if (!pruned && (name === 'node' || /(^|\/)node$/.test(name))) return { step, what: 'devDependencies, the sources and the package manager cache' };
        break;
      }
      case 'go':
        if (name === 'golang' || installed) return { step, what: 'the Go toolchain and module cache' };
        break;
      case 'cargo':
        if (name === 'rust' || installed) return { step, what: 'the Rust toolchain and the build directory' };
        break;
      case 'maven':
      case 'gradle':
        if ((JDK_IMAGES.has(name) && !/(^|-)jre(\d|-|$)/.test(tag)) || installed) {
          return { step, what: `${step.kind === 'maven' ? 'Maven' : 'Gradle'}, the JDK and the dependency cache` };
        }
        break;
      case 'dotnet':
        if (/^mcr\.microsoft\.com\/dotnet\/(core\/)?sdk$/.test(name)) return { step, what: 'the .NET SDK' };
        break;
      case 'make':
      case 'compiler':
        if (facts?.kind === 'toolchain' || installed) return { step, what: 'the compilers and build dependencies' };
        break;
      case 'node-prune':
        break;
    }
  }
  return null;
}

/** True when a later RUN reinstalls production dependencies only (`npm ci --omit=dev`), which drops devDependencies. */
function laterProductionInstall(chain: readonly Stage[], step: BuildStep, slice: (instruction: Instruction) => string): boolean {
  const all = chain.flatMap((stage) => stage.instructions);
  const at = all.indexOf(step.instruction);
  return all.slice(at).some((instruction) => instruction.keyword === 'RUN' && /\bnpm\s+(ci|install|i)\b[^&|;]*(--omit[= ]dev|--production\b|--only[= ]prod)/.test(slice(instruction)));
}
