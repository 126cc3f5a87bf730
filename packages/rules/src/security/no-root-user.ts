import { commentsIn, defineRule, type ImageRef, type Instruction, type RuleContext, type ShellCommand, type Stage, type TextEdit } from '@dockfix/core';
import { shipsApplication } from '../lib/build.js';
import { baseImageOf, imageFacts, isAlpineLike, isDistroless, isOfficialNode, officialName, runsAsNonRoot } from '../lib/images.js';
import { onbuildTriggers } from '../lib/onbuild.js';

type Options = { user: string };

/** True when a USER value means root: `root`, `0`, `root:group`, `0:group`. */
function isRootUser(name: string): boolean {
  const user = name.split(':')[0] ?? '';
  return user === 'root' || user === '0';
}

/** The final stage and the stages it builds on, final first. */
function chain(stage: Stage): Stage[] {
  const stages: Stage[] = [];
  for (let current: Stage | null = stage; current && !stages.includes(current); current = current.parent) stages.push(current);
  return stages;
}

/** The last non-root user the build switched to before going back to root (`USER builder` … `USER root`). */
function earlierUser(stage: Stage): string | null {
  let found: string | null = null;
  for (const current of chain(stage).reverse()) {
    for (const instruction of current.instructions) {
      const name = instruction.keyword === 'USER' ? instruction.args[0]?.value : undefined;
      if (name && !isRootUser(name) && !name.includes('$')) found = name;
    }
  }
  return found;
}

/** Options of `useradd` / `adduser` (shadow, Debian and BusyBox) that take a value. */
const USERADD_VALUE_OPTIONS = new Set([
  'b', 'c', 'd', 'e', 'f', 'g', 'G', 'h', 'k', 'K', 'p', 'P', 'R', 's', 'u', 'Z',
  'base-dir', 'comment', 'conf', 'expiredate', 'firstgid', 'firstuid', 'gecos', 'gid', 'groups', 'home', 'home-dir',
  'inactive', 'ingroup', 'key', 'lastgid', 'lastuid', 'password', 'prefix', 'root', 'selinux-user', 'shell', 'skel', 'uid',
]);

/** The login a `useradd`/`adduser` command creates (its first operand), when written literally. */
function createdLogin(command: ShellCommand): string | null {
  if (command.name !== 'useradd' && command.name !== 'adduser') return null;
  for (let i = 0; i < command.args.length; i++) {
    const word = command.args[i];
    if (!word) break;
    if (word.value.startsWith('-')) {
      const option = word.value.replace(/^--?/, '');
      const takesValue = word.value.startsWith('--') ? !option.includes('=') && USERADD_VALUE_OPTIONS.has(option) : USERADD_VALUE_OPTIONS.has(option.at(-1) ?? '');
      if (takesValue) i++;
      continue;
    }
    return word.dynamic || !/^[a-z_][a-z0-9_.-]*\$?$/i.test(word.value) || isRootUser(word.value) ? null : word.value;
  }
  return null;
}

/** The last user the build creates with `useradd`/`adduser` (the node image's own Dockerfile creates `node`). */
function createdUser(stage: Stage): string | null {
  let found: string | null = null;
  for (const current of chain(stage).reverse()) {
    for (const instruction of current.instructions) {
      for (const command of instruction.run?.script?.commands ?? []) found = createdLogin(command) ?? found;
    }
  }
  return found;
}

/** Tools an entrypoint uses to drop from root to another user at start-up (the official postgres, redis, mongo images). */
const PRIVILEGE_DROPPERS = /(^|[^\w-])(gosu|su-exec|setpriv|runuser|s6-setuidgid|chpst\s+-u|chroot["',\s]+--userspec)([^\w-]|$)/;

/** Paths of test fixtures and test data: Dockerfiles there exercise tools, they do not ship apps. */
const TEST_PATH = /(^|[\\/])(testdata|test-data|fixtures?|__fixtures__|e2e|integration-tests?)[\\/]/i;

/** True when the stage installs or calls a privilege-dropping tool: the container starts as root on purpose. */
function dropsPrivileges(stage: Stage, ctx: RuleContext<Options>): boolean {
  return chain(stage).some((current) =>
    current.instructions.some((instruction) => COMMAND_KEYWORDS.has(instruction.keyword) && PRIVILEGE_DROPPERS.test(ctx.source.slice(instruction.range))),
  );
}

/** The instructions whose text may call a privilege-dropping tool. */
const COMMAND_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'ENTRYPOINT', 'CMD']);

/** The first word of a CMD or ENTRYPOINT (exec or shell form), without its directory. */
function programOf(instruction: Instruction): string | null {
  const first = instruction.json ? instruction.json[0] : instruction.args[0]?.value;
  return first ? (first.split('/').at(-1) ?? first) : null;
}

/** Daemons that start as root on purpose: they bind low ports, manage devices or mounts, then drop their workers to a service user. */
const ROOT_DAEMONS = /^(nginx|httpd|apache2(ctl|-foreground)?|sshd|dockerd|dind|dockerd-entrypoint\.sh|cron|crond|systemd|init)$/;

/** A path under root's home in an ENV or ARG value (`MAVEN_CONFIG=/root/.m2`, `USER_HOME_DIR=/root`). */
const ROOT_HOME = /(^|[\s="':])\/root(\/|["'\s]|$)/;

/**
 * Why a USER line would break this image although the rule reports it, or null. From the review of
 * `fix --unsafe` on the corpus (docs/reviews/fix-review-unsafe.md), where each of these lost a build or
 * a running container: no CMD/ENTRYPOINT of its own (golang, drupal: base images whose children install
 * packages as root); a daemon that starts as root (nginx built from source, docker-in-docker); paths
 * under /root that the image keeps using (maven's settings in /root/.m2); a keep-alive command
 * (`sleep infinity`: dev containers, whose user the tool that attaches picks).
 */
function breaksWithUser(ctx: RuleContext<Options>, stages: readonly Stage[]): string | null {
  // The root stage's instructions first, the final stage's last. A loop: flatMap was most of this function's time.
  const instructions: Instruction[] = [];
  for (let i = stages.length - 1; i >= 0; i--) for (const instruction of (stages[i] as Stage).instructions) instructions.push(instruction);
  const entrypoint = instructions.findLast((instruction) => instruction.keyword === 'ENTRYPOINT');
  const cmd = instructions.findLast((instruction) => instruction.keyword === 'CMD');
  // Files from the build context make it an app on its base's command (`FROM php:fpm` + `COPY . /var/www/html`);
  // only files from other stages and images (a toolchain, a composer binary) make it a base image.
  const fromContext = instructions.some(
    (instruction) => (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.flags.some((flag) => flag.name === 'from'),
  );
  if (!entrypoint && !cmd && !fromContext) {
    return 'No automatic fix: the image sets no CMD or ENTRYPOINT and copies nothing from the build context, so it is a base for other images (whose RUNs need root) or runs what its base runs; add the USER where the process to run is known.';
  }
  const daemon = [entrypoint, cmd].map((instruction) => (instruction ? programOf(instruction) : null)).find((name) => name !== null && ROOT_DAEMONS.test(name));
  if (daemon) return `No automatic fix: \`${daemon}\` starts as root (to bind ports or manage the host's resources) and drops its workers itself; run it unprivileged only with a configuration made for that.`;
  const rootHome = instructions.find((instruction) => (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') && ROOT_HOME.test(ctx.source.slice(instruction.range)));
  if (rootHome) return `No automatic fix: line ${ctx.source.lineColumnAt(rootHome.range.start).line} keeps files under /root, which another user cannot read or write; move them to the new user's home first.`;
  const keepAlive = entrypoint ?? cmd;
  if (keepAlive && /^(sleep\s+infinity|tail\s+-f\s+\/dev\/null)$/.test((keepAlive.json ?? keepAlive.args.map((arg) => arg.value)).join(' '))) {
    return 'No automatic fix: the container only stays alive (`sleep infinity`) for tools that attach to it and choose the user themselves, as dev containers do.';
  }
  return null;
}

/** The lines that switch to a non-root user on this base image; null when the base is unknown. */
function userLines(stage: Stage, user: string): string[] | null {
  const existing = earlierUser(stage) ?? createdUser(stage);
  if (existing) return [`USER ${existing}`];
  const { image } = baseImageOf(stage);
  if (image.unresolved) return null;
  if (image.scratch) return ['USER 65534:65534'];
  if (isDistroless(image)) return ['USER nonroot'];
  if (isOfficialNode(image)) return ['USER node'];
  if (isAlpineLike(image)) return [`RUN addgroup -S ${user} && adduser -S -G ${user} ${user}`, `USER ${user}`];
  if (!hasShadowUtils(image)) return null;
  return [`RUN groupadd --system ${user} && useradd --system --gid ${user} --no-log-init ${user}`, `USER ${user}`];
}

/** Tags of official images built on a distribution other than Debian/Ubuntu, where `useradd` may be missing. */
const OTHER_DISTRO_TAG = /(amazoncorretto|oraclelinux|ubi\d*-minimal|ubi|al2|windowsservercore|nanoserver)/;

/**
 * True when the image is known to ship `groupadd`/`useradd` (shadow-utils): Debian and Ubuntu images and
 * the official images built on them, and full Red Hat UBI images. Unknown bases (a company image, Amazon
 * Linux, UBI minimal) get no fix rather than a RUN that may not build.
 */
function hasShadowUtils(image: ImageRef): boolean {
  const name = officialName(image);
  const tag = (image.tag ?? '').toLowerCase();
  if (/(^|\/)ubi\d+(\/ubi)?$/.test(name) || /^(redhat\/ubi\d+|registry\.access\.redhat\.com\/ubi\d+)$/.test(name)) return !/minimal|micro/.test(name + tag);
  if (['debian', 'ubuntu', 'buildpack-deps'].includes(name)) return true;
  return imageFacts(image) !== null && !OTHER_DISTRO_TAG.test(tag);
}

/**
 * Where the USER lines go: before the first CMD/ENTRYPOINT that follows the last RUN or USER of the stage
 * (so every build step still runs as before), above the comments attached to it; else at the end of the file.
 */
function insertion(ctx: RuleContext<Options>, stage: Stage, lines: readonly string[]): TextEdit | null {
  const { instructions } = stage;
  let lastRoot = -1;
  instructions.forEach((instruction, index) => {
    if (instruction.keyword === 'RUN' || instruction.keyword === 'USER' || instruction.keyword === 'ONBUILD') lastRoot = index;
  });
  const target = instructions.find((instruction, index) => index > lastRoot && (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT'));
  const { source } = ctx;
  if (target) return ctx.fix.insertLinesBefore({ start: leadingCommentsStart(ctx, target), end: target.range.start }, lines);
  const eol = source.lineEndings.dominant;
  const text = source.text;
  // A file that ends inside a line continuation would swallow anything appended.
  if (text.trimEnd().endsWith(source.escapeChar)) return null;
  const endsWithBreak = text.endsWith('\n');
  return ctx.fix.insertAfter(text.length, endsWithBreak ? lines.map((line) => line + eol).join('') : eol + lines.join(eol));
}

/** The start of the comment lines directly above an instruction (no blank line between), or the instruction's start. */
function leadingCommentsStart(ctx: RuleContext<Options>, instruction: Instruction): number {
  const { source } = ctx;
  let start = source.lineStartAt(instruction.range.start);
  for (;;) {
    if (start === 0) return start;
    const previousLine = source.lineStartAt(start - 1);
    const comment = commentsIn(ctx.model, previousLine, start)[0];
    if (!comment || source.text.slice(previousLine, comment.range.start).trim() !== '') return start;
    start = previousLine;
  }
}

/** A non-root USER set in a stage the final stage does not build on (a builder), for the message. */
function userOfOtherStage(final: Stage): { user: string; stage: string } | null {
  const chainStages = new Set(chain(final));
  for (const stage of final.copiesFrom) {
    if (chainStages.has(stage)) continue;
    const user = stage.user;
    if (user && !isRootUser(user.name)) return { user: user.name, stage: stage.name ?? String(stage.index) };
  }
  return null;
}

export default defineRule<Options>({
  meta: {
    id: 'no-root-user',
    category: 'security',
    severity: 'warning',
    description: 'Run the final image as a non-root user',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL3002', kind: 'same' }],
    options: {
      user: { type: 'string', description: 'Name of the user (and group) the fix creates when the base image has none to reuse', default: 'app' },
    },
    docs: {
      rationale: [
        'A container runs as root unless the image says otherwise. Root in the container is root on the host',
        'as far as the kernel is concerned (without user namespaces): a process that breaks out of the',
        'container, or an attacker who gets code execution in it, starts with full privileges, can write',
        'anywhere in the image filesystem and on mounted volumes, and can bind any port. A non-root `USER`',
        'in the final stage removes that for free in most applications.',
        '',
        'The rule reports the final stage when its effective user (its last `USER`, or the one inherited',
        'through `FROM <stage>`) is root (`root`, `0`, `root:…`, `0:…`) or was never set. A `USER` set only in a',
        'builder stage does not carry over to stages that copy from it, and the message says so. Numeric users',
        '(`USER 1000`, `USER 1000:1000`) other than 0 are non-root. The rule is silent for Windows images; for',
        '`USER $VAR`, whose value is only known at build time; for base images that already run as a non-root',
        'user (distroless and .NET chiseled `:nonroot` tags, Bitnami, Chainguard, Jupyter, `memcached`,',
        '`elasticsearch`, … from the base-image table); for `FROM scratch` images without `CMD` or `ENTRYPOINT`,',
        'which hold files for other images or for `docker build --output` and never run; for images that set no',
        '`CMD` or `ENTRYPOINT` and copy no application files (base images for other Dockerfiles, which set their',
        'own USER, like `buildpack-deps`); and for images whose',
        'entrypoint starts as root on purpose and drops to a service user: those that install or call `gosu`,',
        '`su-exec` or `setpriv`, and the official database images (postgres, mysql, mariadb, mongo, redis,',
        'rabbitmq, cassandra, couchdb).',
        '',
        'nginx and httpd start their master process as root to bind port 80 and drop their workers to a',
        'service user; adding a `USER` breaks them, so they are reported without a fix, with a pointer to',
        '`nginxinc/nginx-unprivileged`.',
        '',
        'hadolint\'s DL3002 only reports a last `USER` that is root; this rule also reports a final stage',
        'with no `USER` at all. hadolint also reports a builder stage that ends as root when the final stage',
        'switches to another user; this rule does not: only the final image runs, and a build step as root in',
        'a stage that is thrown away gives no one root in a container. A base image can set a non-root USER of',
        'its own that the table does not know; add the `USER` explicitly or silence the rule for such files.',
      ].join('\n'),
      invalid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
        'FROM python:3.12-slim\nUSER root\nCMD ["python", "app.py"]\n',
        'FROM debian:bookworm-slim AS base\nUSER 0:0\n\nFROM base\nENTRYPOINT ["/usr/bin/app"]\n',
      ],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM alpine:3.20 AS base\nRUN adduser -S -D app\nUSER app\n\nFROM base\nCMD ["/bin/sh"]\n',
        'FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM scratch\nCOPY --from=build /out/app /app\n',
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      ],
      fixNotes: [
        'Unsafe: the process loses the rights of root. Files it writes must be owned by (or writable for) the',
        'new user, ports below 1024 need a capability, and an entrypoint that drops privileges itself (with',
        '`gosu` or `su-exec`) must start as root. The fix inserts the new lines before the first `CMD` or',
        '`ENTRYPOINT` that follows the last `RUN`/`USER` of the final stage (or at the end of the file), so',
        'build steps keep running as root:',
        '',
        '- a user the build switched to earlier (`USER builder` … `USER root`): that user again;',
        '- a user the build creates with `useradd`/`adduser`: that user;',
        '- official `node` images: `USER node` (the image ships that user);',
        '- distroless images: `USER nonroot`; `scratch`: `USER 65534:65534` (no `/etc/passwd` to name a user);',
        '- Alpine/BusyBox-based images: `RUN addgroup -S app && adduser -S -G app app` and `USER app`;',
        '- Debian, Ubuntu and UBI images (and the official images built on them): `RUN groupadd --system app &&',
        '  useradd --system --gid app --no-log-init app` and `USER app`.',
        '',
        'Other bases (Amazon Linux, UBI minimal, an image dockfix does not know) may lack `useradd`, and Tomcat',
        'needs its directories handed to the new user first: those are reported without a fix. So are images',
        'with no `CMD`/`ENTRYPOINT` of their own that copy nothing from the build context (toolchain and base',
        'images, whose children install packages as root), images whose command is a daemon that starts as root',
        '(`nginx`, `httpd`, `sshd`, `dockerd`, docker-in-docker\'s `dind`), images that keep files under `/root`',
        '(`MAVEN_CONFIG=/root/.m2`), and keep-alive containers (`sleep infinity`, as dev containers run).',
        '',
        'The user name `app` comes from the `user` option. When the base image is only known at build time',
        '(`FROM $BASE` without a default) the rule reports without a fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const final = ctx.model.stages.at(-1);
        if (!final || final.windows) return;
        // A fragment (no FROM) is a piece of a Dockerfile: only an explicit `USER root` in it is worth a report.
        if (!final.from && !final.user) return;
        const stages = chain(final);
        const { image } = baseImageOf(final);
        const user = final.user;
        if (user && (!isRootUser(user.name) || /[$]/.test(user.name))) return;
        const facts = imageFacts(image);
        if (!user) {
          if (runsAsNonRoot(image)) return;
          const runs = stages.some((stage) => stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
          if (image.scratch && !runs) return;
          // No application payload: a base or tool image (children and users set their own USER).
          if (!shipsApplication(stages)) return;
          if (ctx.filePath && TEST_PATH.test(ctx.filePath)) return;
          if (dropsPrivileges(final, ctx) || facts?.runsAs === 'drops-privileges') return;
        }
        // nginx and httpd start as root to bind port 80 and drop their workers to a service user: a USER line breaks them.
        // So does `php:*-apache`: Apache binds port 80 as root, then its workers run as www-data.
        const rootMaster = facts?.runsAs === 'root-master' || facts?.runsAs === 'root-dirs' || (facts?.name === 'php' && /apache/i.test(image.tag ?? ''));
        // ONBUILD RUN triggers run in child builds as the USER this image ends with (W7).
        const onbuildRun = onbuildTriggers(final, ctx.source).find((trigger) => trigger.keyword === 'RUN');
        const breaks = rootMaster || onbuildRun || user ? null : breaksWithUser(ctx, stages);
        const lines = rootMaster || onbuildRun || breaks ? null : userLines(final, ctx.options.user);
        const edit = lines && insertion(ctx, final, lines);
        const builderUser = user ? null : userOfOtherStage(final);
        ctx.report({
          node: user ? user.instruction.range : (final.from?.from.imageRange ?? final.from?.range ?? final.instructions[0]?.range ?? { start: 0, end: 0 }),
          message: facts?.runsAs === 'root-dirs'
            ? `${facts.title} runs as root here; a plain USER line breaks it`
            : rootMaster
            ? `${facts.title}'s master process runs as root`
            : user
              ? `\`USER ${user.name}\` leaves the final image running as root; switch to a non-root user`
              : builderUser
                ? `No USER in the final stage (\`USER ${builderUser.user}\` is set in stage \`${builderUser.stage}\` only)`
                : 'No USER in the final stage: the container runs as root unless the base image sets a user',
          ...(facts?.runsAs === 'root-dirs'
            ? { help: `${facts.title} writes its logs and work files into directories owned by root; create a user, \`chown\` those directories to it, then switch with USER.` }
            : rootMaster
              ? { help: `Its workers drop to a service user. To run it without root, use an unprivileged image such as \`nginxinc/nginx-unprivileged\` (listens on 8080), or configure a port above 1024, writable pid and cache paths, and a USER.` }
              : breaks
                ? { help: breaks }
              : onbuildRun
                ? { help: `No automatic fix: the ONBUILD RUN on line ${ctx.source.lineColumnAt(onbuildRun.instruction.range.start).line} runs in child builds as this image's user, and may need root; switch USER in the child images.` }
                : builderUser
                  ? { help: 'USER does not carry over to stages that copy from a stage, so the container runs as root.' }
                  : {}),
          ...(lines && edit
            ? { fix: { title: `Add ${lines.map((line) => `\`${line}\``).join(' and ')}`, edits: [edit], instructionDelta: lines.length } }
            : {}),
        });
      },
    };
  },
});
