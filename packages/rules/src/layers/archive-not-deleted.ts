import picomatch from 'picomatch';
import { defineRule, type RunInstruction, type ShellCommand, type ShellWord, type TextEdit } from '@dockfix/core';
import { baseName, parseCli, rmOperands, unwrap } from '../lib/cli.js';
import { shippedStages } from '../lib/images.js';
import { planAppend } from '../lib/shell.js';
import { inShippedStage } from '../lib/stages.js';
import { TRAILING_SLASHES } from '../lib/text.js';

/** File names of archives and packages that are unpacked or installed, then useless. */
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?|tar\.zst|zip|deb|rpm|apk|jar\.zip|7z)$/i;

const CURL_VALUES = new Set(['o', 'output', 'H', 'header', 'd', 'data', 'u', 'user', 'A', 'user-agent', 'e', 'referer', 'x', 'proxy', 'X', 'request', 'm', 'max-time', 'retry', 'retry-delay', 'connect-timeout', 'cacert', 'E', 'cert', 'w', 'write-out', 'T', 'upload-file', 'r', 'range', 'b', 'cookie', 'c', 'cookie-jar', 'C', 'continue-at', 'F', 'form', 'retry-max-time', 'proto', 'tlsv1.2', 'K', 'config', 'output-dir']);
const WGET_VALUES = new Set(['O', 'output-document', 'o', 'output-file', 'P', 'directory-prefix', 'U', 'user-agent', 't', 'tries', 'T', 'timeout', 'header', 'user', 'password', 'e', 'execute', 'a', 'append-output']);

/** The file a `curl`/`wget` writes, when the command names it literally; null for stdout, `-` or unknown. */
function downloadTarget(command: ShellCommand): { path: string; word: ShellWord | null } | null {
  const unwrapped = unwrap(command);
  if (!unwrapped || unwrapped.tool === null) return null;
  const tool = unwrapped.tool;
  if (tool !== 'curl' && tool !== 'wget') return null;
  const call = parseCli(command, { valueOptions: tool === 'curl' ? CURL_VALUES : WGET_VALUES });
  // A `$URL` is fine when `-o file` names the file; a `$OPTS` could hide another output option.
  // (A quoted "$URL" is one operand; an unquoted $OPTS may split into options.)
  if (!call || call.words.some((word) => word.dynamic && /^[$`]/.test(word.text))) return null;
  const url = call.operands.find((word) => /^(https?|ftp):\/\//.test(word.value));
  const named = call.options.find((option) => (tool === 'curl' ? option.name === 'o' || option.name === 'output' : option.name === 'O' || option.name === 'output-document'));
  if (named) {
    if (named.words.some((word) => word.dynamic)) return null;
    // `-P dir` / `--output-dir` change where the file goes: leave those alone.
    if (!named.value || named.value === '-' || call.options.some((option) => ['P', 'directory-prefix', 'output-dir'].includes(option.name))) return null;
    return { path: named.value, word: named.words.at(-1) ?? null };
  }
  const remoteName = tool === 'wget' || call.options.some((option) => option.name === 'O' || option.name === 'remote-name' || (!option.long && option.name.includes('O')));
  if (!remoteName || !url || url.dynamic || call.options.some((option) => ['P', 'directory-prefix', 'output-dir', 'J', 'remote-header-name', 'content-disposition'].includes(option.name))) return null;
  const name = url.value.replace(/[?#].*$/, '');
  return { path: name.slice(name.lastIndexOf('/') + 1), word: null };
}

/** True when `command` unpacks or installs `path`: `tar -xf`, `unzip`, `dpkg -i`, `rpm -i`, `apt-get install ./x.deb`, `apk add x.apk`. */
function consumes(command: ShellCommand, path: string): boolean {
  const unwrapped = unwrap(command);
  if (!unwrapped || unwrapped.tool === null) return false;
  const tool = unwrapped.tool;
  if (!['tar', 'unzip', 'bsdtar', '7z', 'dpkg', 'rpm', 'apt-get', 'apt', 'apk', 'dnf', 'yum', 'gunzip', 'xz'].includes(tool)) return false;
  return unwrapped.args.some((word) => samePath(word.value, path) || word.value.endsWith(`f${path}`) || word.value === `--file=${path}`);
}

/** True when two literal paths name the same file (`./x.tgz` and `x.tgz`). */
function samePath(a: string, b: string): boolean {
  const strip = (p: string): string => p.replace(/^["']|["']$/g, '').replace(/^\.\//, '');
  return strip(a) === strip(b);
}

/** True when an `rm` operand removes `path`: the file itself, a glob over its name, or a directory above it. */
function removes(operands: readonly string[], path: string): boolean {
  return operands.some((operand) => {
    const op = operand.replace(/^\.\//, '').replace(TRAILING_SLASHES, '');
    const file = path.replace(/^\.\//, '');
    if (op === file || file.startsWith(`${op}/`)) return true;
    // A shell glob: the file itself, or a directory above it (`rm -rf /tmp/build*`).
    if (/[*?[]/.test(op)) {
      const matches = picomatch(op, { dot: true });
      const parts = file.split('/');
      return parts.some((_, end) => matches(parts.slice(0, end + 1).join('/')));
    }
    return false;
  });
}

export default defineRule({
  meta: {
    id: 'archive-not-deleted',
    category: 'layers',
    severity: 'warning',
    description: 'Delete a downloaded archive in the RUN that unpacks it, or the layer keeps it',
    fix: 'safe',
    docs: {
      rationale: [
        'A RUN that downloads `node-v22.tar.xz`, unpacks it and stops there commits both the archive and its',
        'contents to the layer: the image carries the download twice (compressed and unpacked). Deleting it',
        'in a later RUN does not help, the file stays in the earlier layer. Delete it at the end of the same',
        'RUN, or stream it (`curl -fsSL … | tar -xJ -C /usr/local`) so it never touches the disk.',
        '',
        'Only stages that ship are checked (the final stage and those it builds on): a builder stage\'s layers',
        'are left behind, so an archive there costs build cache, not image size.',
        '',
        'The rule looks for a `curl -o FILE`/`-O` or `wget [-O FILE]` of an archive or package (`.tar.*`, `.tgz`,',
        '`.zip`, `.deb`, `.rpm`, `.apk`), followed in the same RUN by `tar`, `unzip`, `dpkg -i`, `rpm -i`,',
        '`apt-get install ./…` or `apk add` of that file, and no `rm` of it (or of a directory or glob holding it).',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN curl -fsSLO https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz \\\n && tar -xJf node-v22.11.0-linux-x64.tar.xz -C /usr/local --strip-components=1\n',
        'FROM debian:bookworm-slim\nRUN wget -O /tmp/tool.deb https://example.com/tool_1.0_amd64.deb && dpkg -i /tmp/tool.deb\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN curl -fsSLO https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz \\\n && tar -xJf node-v22.11.0-linux-x64.tar.xz -C /usr/local --strip-components=1 \\\n && rm node-v22.11.0-linux-x64.tar.xz\n',
        'FROM debian:bookworm-slim\nRUN curl -fsSL https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz | tar -xJ -C /usr/local --strip-components=1\n',
        'FROM debian:bookworm-slim\nRUN wget -O /tmp/tool.deb https://example.com/tool_1.0_amd64.deb && dpkg -i /tmp/tool.deb && rm -rf /tmp/*\n',
      ],
      fixNotes: [
        'The fix appends `&& rm -f <archive>` to the RUN. It is offered only when the archive path is a literal,',
        'nothing after the unpacking step in the RUN mentions it, no `cd` runs between download and the end of',
        'the RUN (a relative path would then name another file), and no later instruction of the file mentions',
        'its name (a `COPY --from` of it, a later RUN that installs it). The unpacked files are untouched, so the',
        'image runs the same; it only loses the archive. The fix is safe under those conditions.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const fixFor = (run: RunInstruction, index: number, consumer: number, path: string): { title: string; edits: TextEdit[] } | null => {
      const commands = run.run.script?.commands ?? [];
      if (!/^[\w./+@-]+$/.test(path)) return null;
      const relative = !path.startsWith('/');
      for (let i = index + 1; i < commands.length; i++) {
        const command = commands[i] as ShellCommand;
        if (relative && (command.name === 'cd' || command.name === 'pushd' || command.name === 'popd')) return null;
        if (i > consumer && command.args.some((word) => word.value.includes(baseName(path)))) return null;
      }
      const name = baseName(path);
      const laterMention = ctx.model.instructions.some((other) => other.index > run.index && ctx.source.slice(other.range).includes(name));
      if (laterMention) return null;
      const plan = planAppend(ctx.fix, run, `rm -f ${path}`);
      return 'edit' in plan ? { title: `Append \`&& rm -f ${path}\` to the RUN`, edits: [plan.edit] } : null;
    };
    const shipped = shippedStages(ctx.model.stages);
    return {
      RUN(run) {
        // A builder stage's layers are not shipped: only what it hands on with COPY --from is.
        if (!inShippedStage(run, shipped)) return;
        const commands = run.run.script?.commands ?? [];
        commands.forEach((command, index) => {
          const target = downloadTarget(command);
          if (!target || !ARCHIVE.test(target.path)) return;
          const consumer = commands.findIndex((later, i) => i > index && consumes(later, target.path));
          if (consumer < 0) return;
          const deleted = commands.some((later, i) => i > index && removes(rmOperands(later) ?? [], target.path));
          if (deleted) return;
          const fix = fixFor(run, index, consumer, target.path);
          ctx.report({
            node: command.range,
            message: `\`${baseName(target.path)}\` is unpacked but not deleted, so this layer keeps the archive too`,
            help: 'Delete it at the end of this RUN, or pipe the download into `tar` so it never reaches the disk.',
            ...(fix ? { fix: { ...fix, safety: 'safe' as const } } : {}),
          });
        });
      },
    };
  },
});
