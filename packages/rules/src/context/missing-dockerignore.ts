import { basename, dirname, join } from 'node:path';
import { defineRule, type ContextFiles, type DockerfileModel, type Instruction, type Source } from '@dockfix/core';
import { buildSteps } from '../lib/build.js';
import { officialName } from '../lib/images.js';

/** The stacks a Dockerfile builds, detected from base images and commands. */
type Stack = 'node' | 'python' | 'go' | 'java' | 'ruby' | 'rust' | 'php' | 'dotnet';

const STACK_IMAGES: readonly [RegExp, Stack][] = [
  [/^(node|cgr\.dev\/chainguard\/node|gcr\.io\/distroless\/nodejs.*)$/, 'node'],
  [/^(python|pypy|gcr\.io\/distroless\/python3.*)$/, 'python'],
  [/^(golang)$/, 'go'],
  [/^(maven|gradle|eclipse-temurin|openjdk|amazoncorretto|sapmachine|ibm-semeru-runtimes|tomcat|gcr\.io\/distroless\/java.*)$/, 'java'],
  [/^(ruby)$/, 'ruby'],
  [/^(rust)$/, 'rust'],
  [/^(php|composer)$/, 'php'],
  [/^mcr\.microsoft\.com\/dotnet\//, 'dotnet'],
];
const STACK_COMMANDS: Readonly<Record<string, Stack>> = {
  npm: 'node', yarn: 'node', pnpm: 'node', npx: 'node',
  pip: 'python', pip3: 'python', poetry: 'python', uv: 'python', pipenv: 'python',
  go: 'go', mvn: 'java', mvnw: 'java', gradle: 'java', gradlew: 'java',
  bundle: 'ruby', gem: 'ruby', cargo: 'rust', composer: 'php', dotnet: 'dotnet',
};

function detectStacks(model: DockerfileModel): Set<Stack> {
  const stacks = new Set<Stack>();
  for (const stage of model.stages) {
    const name = stage.from ? officialName(stage.from.from.image) : '';
    for (const [pattern, stack] of STACK_IMAGES) if (name && pattern.test(name)) stacks.add(stack);
    for (const instruction of stage.instructions) {
      for (const command of instruction.run?.script?.commands ?? []) {
        const stack = STACK_COMMANDS[command.name.split('/').at(-1) ?? ''];
        if (stack) stacks.add(stack);
      }
    }
  }
  return stacks;
}

/** The `.dockerignore` dockfix proposes for the stacks the Dockerfile builds. */
export function dockerignoreFor(model: DockerfileModel, dockerfileName: string): string {
  const stacks = detectStacks(model);
  const steps = model.stages.flatMap((stage) => buildSteps(stage));
  const builds = (kind: string) => steps.some((step) => step.kind === kind);
  const sections: [string, string[]][] = [
    ['version control, editors, the Docker files themselves (a change to them need not rebuild `COPY . .`)', ['.git', '.gitignore', '.idea', '.vscode', '**/.DS_Store', 'Dockerfile*', '*.Dockerfile', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml']],
    ['local secrets: environment files and private keys belong in `--secret` mounts or the runtime environment', ['.env', '.env.*', '!.env.example', '*.pem', '*.key']],
  ];
  if (stacks.has('node')) {
    sections.push([
      `Node.js: dependencies are installed in the image${builds('node') ? ', and so is the build output' : ''}`,
      ['node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.npm', 'coverage', ...(builds('node') ? ['dist'] : [])],
    ]);
  }
  if (stacks.has('python')) sections.push(['Python', ['__pycache__', '*.py[cod]', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '*.egg-info']]);
  if (stacks.has('go')) sections.push(['Go', ['*.test', '*.out', 'coverage.*']]);
  if (stacks.has('java')) {
    sections.push([
      builds('maven') || builds('gradle') ? 'Java: the build runs in the image' : 'Java',
      [...(builds('maven') ? ['target'] : []), ...(builds('gradle') ? ['build', '.gradle'] : []), '*.class'],
    ]);
  }
  if (stacks.has('ruby')) sections.push(['Ruby', ['.bundle', 'vendor/bundle', 'log/*', 'tmp/*']]);
  if (stacks.has('rust') && builds('cargo')) sections.push(['Rust: the build runs in the image', ['target']]);
  const composer = model.instructions.some((i) => i.run?.script?.commands.some((c) => c.name === 'composer'));
  if (stacks.has('php') && composer) sections.push(['PHP: Composer installs in the image', ['vendor']]);
  if (stacks.has('dotnet') && builds('dotnet')) sections.push(['.NET: the build runs in the image', ['bin', 'obj']]);
  const lines = [
    `# Written by dockfix (missing-dockerignore) for the build context of ${dockerfileName}.`,
    '# Everything listed here is left out of the context, so `COPY . .` cannot see it: review before committing.',
  ];
  for (const [title, entries] of sections) if (entries.length > 0) lines.push('', `# ${title}`, ...entries);
  return `${lines.join('\n')}\n`;
}

/** True when a COPY/ADD copies the whole build context (`COPY . .`, `COPY ./ /app/`). */
function copiesWholeContext(instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((flag) => flag.name === 'from')) return false;
  const values = instruction.json ?? instruction.args.map((arg) => arg.value);
  const sources = values.slice(0, -1);
  return sources.some((value) => value === '.' || value === './' || value === './.');
}

/** Where a `.dockerignore` for this Dockerfile could be: its own `<name>.dockerignore`, then `.dockerignore` up to the repository root. */
function findDockerignore(files: ContextFiles, filePath: string): string | null {
  const own = `${basename(filePath)}.dockerignore`;
  if (files.stat(own)) return own;
  if (files.directory === null) return null;
  let current = files.directory;
  for (let depth = 0; depth < 20; depth++) {
    const candidate = join(current, '.dockerignore');
    if (files.stat(candidate)) return candidate;
    // The build context is rarely above the repository root.
    if (files.stat(join(current, '.git'))) return null;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}


export default defineRule({
  meta: {
    id: 'missing-dockerignore',
    category: 'context',
    severity: 'info',
    description: 'Add a `.dockerignore` when the Dockerfile copies the whole build context',
    fix: 'unsafe',
    docs: {
      rationale: [
        '`COPY . .` copies everything in the build context into the image: the `.git` directory (often larger',
        'than the code, and with the whole history), a local `node_modules` built for another OS (easily',
        'several hundred MB, and with native modules for the wrong platform), `.env` files',
        'with credentials, test coverage and build output. The client also uploads all of it before the build',
        'starts, and any change to any of those files invalidates the layer cache of the COPY and of every',
        'step after it. A `.dockerignore` next to the Dockerfile leaves them out.',
        '',
        'The rule runs only when linting a file on disk (it needs to look beside it): it reports the first',
        '`COPY`/`ADD` of `.` (the whole context, not `--from` another stage) when there is no `.dockerignore`',
        'in the Dockerfile\'s directory or a parent directory up to the repository root, and no',
        '`<Dockerfile name>.dockerignore` beside it (BuildKit\'s per-Dockerfile ignore file). The build context',
        'is not always the Dockerfile\'s directory (`docker build -f docker/Dockerfile .`); the rule cannot know',
        'which one a build uses.',
      ].join('\n'),
      invalid: ['FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n'],
      valid: ['FROM node:24-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY src ./src\nCMD ["node", "src/server.js"]\n'],
      fixNotes: [
        'The fix is a second file, not an edit of the Dockerfile: `dockfix fix --unsafe` writes a',
        '`.dockerignore` beside a file named `Dockerfile`, and `<name>.dockerignore` beside any other',
        '(`hack/app.Dockerfile` gets `hack/app.Dockerfile.dockerignore`, which BuildKit reads whatever the build',
        'context is), never over an existing file. Unsafe: anything it lists',
        'disappears from the context, so a build that copies, say, a prebuilt `dist/` breaks. The file lists',
        'version control and editor files, the Docker files themselves, `.env` files and keys, and per stack',
        '(detected from base images and commands): `node_modules` and logs for Node.js (`dist` and `.next` only',
        'when the image runs the build itself), caches and virtualenvs for Python, `target` or `build` for',
        'Maven and Gradle builds that run in the image, and so on. Library callers get the file in',
        '`FixResult.createFiles` and the diagnostic\'s `createFile`.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const filePath = ctx.filePath;
        if (!filePath || !ctx.files.isFile(basename(filePath))) return;
        const copy = ctx.model.instructions.find(copiesWholeContext);
        if (!copy) return;
        if (findDockerignore(ctx.files, filePath)) return;
        const written = firstLine(ctx.source, copy);
        // A Dockerfile named otherwise (`hack/dockerfiles/app.Dockerfile`) is often built with the repository
        // root as context, where `.dockerignore` beside it is not read; BuildKit reads
        // `<Dockerfile>.dockerignore` beside the Dockerfile whatever the context (W8).
        const name = basename(filePath);
        const path = join(dirname(filePath), name === 'Dockerfile' ? '.dockerignore' : `${name}.dockerignore`);
        ctx.report({
          node: copy.range,
          message: `\`${written}\` copies the whole build context, and there is no \`.dockerignore\``,
          help: '`.git`, local dependencies, `.env` files and build output go into the image, and any change to them invalidates this layer\'s cache.',
          createFile: { path, text: dockerignoreFor(ctx.model, basename(filePath)), title: `Create ${path} for the detected stack` },
        });
      },
    };
  },
});

function firstLine(source: Source, instruction: Instruction): string {
  return (source.slice(instruction.range).split(/\r?\n/)[0] ?? '').trim();
}
