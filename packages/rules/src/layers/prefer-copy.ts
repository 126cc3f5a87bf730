import { defineRule } from '@dockfix/core';
import { isArchivePath, isRemoteSource, mayBeOtherArchive } from '../lib/archives.js';
import { copyOperands, dropQuotes, matchCase } from '../lib/instructions.js';

/** ADD flags that COPY has too; any other flag (`--checksum`, `--keep-git-dir`, `--unpack`) is ADD's own. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

export default defineRule({
  meta: {
    id: 'prefer-copy',
    category: 'layers',
    severity: 'error',
    description: 'Use `COPY` instead of `ADD` for local files and folders',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3020', kind: 'same' }],
    docs: {
      rationale: [
        '`ADD` does more than copy: it downloads URLs, clones git repositories and unpacks local tar archives',
        '(plain or gzip/bzip2/xz/zstd-compressed, recognised by their content). For plain files and folders it',
        'behaves like `COPY`, and using it anyway hides which of those a line relies on; Docker\'s best-practice',
        'guide asks for `COPY` unless the extra behaviour is wanted.',
        '',
        'The rule reports an `ADD` whose sources are all local and none ends like an archive (`.tar`, `.gz`,',
        '`.tgz`, `.bz2`, `.xz`, … as in hadolint). A `.zip` is reported: `ADD` does not unpack zip files.',
        'Unlike hadolint, git sources (`git@…`, `https://…/x.git`) are not reported either: `COPY` cannot fetch them.',
      ].join('\n'),
      invalid: ['FROM alpine:3.22\nADD app/ /srv/app/\n', 'FROM alpine:3.22\nADD --chown=app:app config.json /etc/app/\n'],
      valid: ['FROM alpine:3.22\nCOPY app/ /srv/app/\n', 'FROM alpine:3.22\nADD rootfs.tar.gz /\n', 'FROM alpine:3.22\nADD https://example.org/tool /usr/local/bin/tool\n'],
      fixNotes: [
        'The fix replaces `ADD` with `COPY`. It is safe when every source is local, has no variable, and does not',
        'look like an archive: then `ADD` copied it as `COPY` will. `ADD` recognises a tar by its content, not its',
        'name, so a tar file named without an archive extension would have been unpacked; that is the one case the',
        'name-based guard cannot see. Sources ending in `.zst` (which BuildKit unpacks and hadolint does not list)',
        'or written with a variable make the fix unsafe; an ADD-only flag (`--checksum`, `--keep-git-dir`, `--unpack`) means no fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      ADD(instruction) {
        const operands = copyOperands(ctx.source, instruction);
        if (!operands) return;
        const sources = operands.sources.map((source) => dropQuotes(source.value));
        if (sources.some((source) => isArchivePath(source) || isRemoteSource(source))) return;
        const message = '`ADD` of local files: use `COPY`, which only copies';
        if (instruction.flags.some((flag) => !COPY_FLAGS.has(flag.name))) return ctx.report({ node: instruction.keywordRange, message });
        const unsure = sources.some((source) => source.includes('$') || mayBeOtherArchive(source));
        ctx.report({
          node: instruction.keywordRange,
          message,
          fix: {
            title: `Replace ADD with COPY${unsure ? ' (unsafe: a source is a variable or may be an archive ADD unpacks)' : ''}`,
            edits: [ctx.fix.replace(instruction.keywordRange, matchCase(ctx.source.slice(instruction.keywordRange), 'COPY'))],
            safety: unsure ? 'unsafe' : 'safe',
          },
        });
      },
    };
  },
});
