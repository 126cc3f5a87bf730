import { defineRule, type Instruction, type RuleContext, type ShellCommand, type Stage, type TextEdit } from '@dockfix/core';
import { baseImageOf, isAlpineLike, isDistroless, isOfficialNode } from '../lib/images.js';

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
const PRIVILEGE_DROPPERS = /(^|[^\w-])(gosu|su-exec|setpriv)([^\w-]|$)/;

/** True when the stage installs or calls a privilege-dropping tool: the container starts as root on purpose. */
function dropsPrivileges(stage: Stage, ctx: RuleContext<Options>): boolean {
  return chain(stage).some((current) =>
    current.instructions.some(
      (instruction) => ['RUN', 'ENTRYPOINT', 'CMD'].includes(instruction.keyword) && PRIVILEGE_DROPPERS.test(ctx.source.slice(instruction.range)),
    ),
  );
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
  return [`RUN groupadd --system ${user} && useradd --system --gid ${user} --no-log-init ${user}`, `USER ${user}`];
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
    const comment = ctx.model.comments.find((c) => c.range.start >= previousLine && c.range.start < start);
    if (!comment || source.text.slice(previousLine, comment.range.start).trim() !== '') return start;
    start = previousLine;
  }
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
        'through `FROM <stage>`) is root (`root`, `0`, `root:…`, `0:…`) or was never set. It is silent for',
        'Windows images; for `USER $VAR`, whose value is only known at build time; for distroless `:nonroot`',
        'images, which already run as a non-root user; for `FROM scratch` images without `CMD` or',
        '`ENTRYPOINT`, which hold files for other images or for `docker build --output` and never run; and',
        'for images that install or call `gosu`, `su-exec` or `setpriv` without a USER: their entrypoint',
        'starts as root on purpose and drops to another user (the official postgres, redis and mongo images).',
        '',
        'hadolint\'s DL3002 only reports a last `USER` that is root; this rule also reports a final stage',
        'with no `USER` at all. A base image can set a non-root USER of its own (`jupyter/*`, `bitnami/*`),',
        'which the Dockerfile does not show; add the `USER` explicitly or silence the rule for such files.',
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
        '- other Linux images: `RUN groupadd --system app && useradd --system --gid app --no-log-init app` and `USER app`.',
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
        const stages = chain(final);
        const { image } = baseImageOf(final);
        const user = final.user;
        if (user && (!isRootUser(user.name) || /[$]/.test(user.name))) return;
        if (!user) {
          if (isDistroless(image) && /(^|[-_])nonroot([-_]|$)/.test(image.tag ?? '')) return;
          const runs = stages.some((stage) => stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
          if (image.scratch && !runs) return;
          if (dropsPrivileges(final, ctx)) return;
        }
        const lines = userLines(final, ctx.options.user);
        const edit = lines && insertion(ctx, final, lines);
        ctx.report({
          node: user ? user.instruction.range : (final.from.from.imageRange ?? final.from.range),
          message: user
            ? `\`USER ${user.name}\` leaves the final image running as root; switch to a non-root user`
            : 'No USER in the final stage: the container runs as root unless the base image sets a user',
          ...(lines && edit
            ? { fix: { title: `Add ${lines.map((line) => `\`${line}\``).join(' and ')}`, edits: [edit], instructionDelta: lines.length } }
            : {}),
        });
      },
    };
  },
});
