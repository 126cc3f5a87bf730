import { posix } from 'node:path';
import { defineRule, parseShell, type Instruction, type ShellScript, type Stage } from '@dockfix/core';
import { shippedStages } from '../lib/images.js';
import { workdirAt } from '../lib/stages.js';

/** Scripts larger than this are not read (an entrypoint is a few dozen lines). */
const MAX_BYTES = 256 * 1024;

/** The program an ENTRYPOINT starts, when it is a path: `["/docker-entrypoint.sh", "node"]`, `ENTRYPOINT /entrypoint.sh`. */
function entrypointPath(entrypoint: Instruction): string | null {
  const first = entrypoint.json ? entrypoint.json[0] : entrypoint.args[0]?.value;
  if (!first || first.includes('$') || !/\.(sh|bash)$|entrypoint/i.test(first)) return null;
  return first;
}

/** Where the shell looks up a bare program name (the official images' PATH). */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The build-context file that a COPY/ADD of the shipped stages put at one of `paths`, or null when none did. */
function contextSource(stages: readonly Stage[], paths: readonly string[]): string | null {
  for (const stage of [...stages].reverse()) {
    for (const instruction of [...stage.instructions].reverse()) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.json || instruction.onbuild) continue;
      if (instruction.flags.some((flag) => flag.name === 'from')) continue;
      const args = instruction.args;
      const dest = args.at(-1)?.value;
      if (!dest || args.length < 2 || dest.includes('$')) continue;
      const base = dest.startsWith('/') ? dest : posix.join(workdirAt(instruction) ?? '/', dest);
      for (const source of args.slice(0, -1)) {
        if (source.value.includes('$') || /[*?[]/.test(source.value) || /^https?:/.test(source.value)) continue;
        const lands = dest.endsWith('/') || args.length > 2 ? posix.join(base, posix.basename(source.value)) : base;
        if (paths.includes(posix.normalize(lands))) return source.value;
      }
    }
  }
  return null;
}

/** True when the script's last top-level statement replaces the shell with `exec` (in any branch). */
function execsAtEnd(script: ShellScript): boolean {
  const last = script.statements.at(-1);
  if (!last) return false;
  return script.commands.some((command) => command.name === 'exec' && command.range.start >= last.range.start && command.range.end <= last.range.end && !command.inSubshell);
}

export default defineRule({
  meta: {
    id: 'entrypoint-exec',
    category: 'runtime',
    severity: 'warning',
    description: 'An entrypoint script should end with `exec "$@"`, so the app is PID 1 and receives signals',
    fix: 'none',
    docs: {
      rationale: [
        'With `ENTRYPOINT ["/docker-entrypoint.sh"]` the script is PID 1. If it ends with `"$@"` or `node server.js`',
        'instead of `exec "$@"`, the app runs as a child of the shell: `docker stop` sends SIGTERM to the shell,',
        'which does not pass it on, so the app never shuts down cleanly and is killed with SIGKILL after the',
        '10-second grace period (connections dropped, no flush). `exec` replaces the shell with the app.',
        '',
        'The rule reads the script when it is in the build context: the ENTRYPOINT names a path that a COPY or',
        'ADD of the final stage put there from a literal source, and that file exists beside the Dockerfile',
        '(dockfix assumes the context is the Dockerfile\'s directory). It reports a shell script whose last',
        'statement runs no `exec`. Scripts in the base image, Python or other interpreters\' scripts, and input',
        'from stdin are not checked. There is no automatic fix: the script, not the Dockerfile, has to change.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n'],
      valid: ['FROM node:22-slim\nCOPY start.sh /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/start.sh"]\nCMD ["node", "server.js"]\n'],
      exampleFiles: {
        'docker-entrypoint.sh': '#!/bin/sh\nset -e\nnpx prisma migrate deploy\n"$@"\n',
        'start.sh': '#!/bin/sh\nset -e\nnpx prisma migrate deploy\nexec "$@"\n',
      },
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const filePath = ctx.filePath;
        if (!filePath) return;
        const final = ctx.model.stages.at(-1);
        if (!final) return;
        const chain = [...shippedStages(ctx.model.stages)].reverse();
        const entrypoint = chain.flatMap((stage) => stage.instructions).filter((i) => i.keyword === 'ENTRYPOINT' && !i.onbuild).at(-1);
        if (!entrypoint) return;
        const path = entrypointPath(entrypoint);
        if (!path) return;
        // A bare name (`docker-entrypoint.sh`) is looked up in PATH; `./x.sh` is relative to the WORKDIR.
        const candidates = path.startsWith('/') ? [posix.normalize(path)] : path.includes('/') ? [posix.join(workdirAt(entrypoint) ?? '/', path)] : PATH_DIRS.map((dir) => `${dir}/${path}`);
        const source = contextSource(chain, candidates);
        if (!source) return;
        // A COPY source is relative to the build context, taken here to be the Dockerfile's directory.
        const text = ctx.files.readText(posix.normalize(source).replace(/^\/+/, ''), MAX_BYTES);
        if (text === null) return;
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
        const interpreter = shebang ? posix.basename(shebang[1] === '/usr/bin/env' ? (shebang[2] ?? '') : (shebang[1] ?? '')) : 'sh';
        if (!/^(sh|bash|ash|dash|ksh)$/.test(interpreter)) return;
        const script = parseShell(text, text, 0);
        if (script.hasError || execsAtEnd(script)) return;
        ctx.report({
          node: entrypoint.argsRange ?? entrypoint.range,
          message: `\`${source}\` does not \`exec\` its last command, so the app misses \`docker stop\`'s SIGTERM`,
          help: 'End the script with `exec "$@"` (or `exec <command>`), so the app replaces the shell as PID 1.',
        });
      },
    };
  },
});
