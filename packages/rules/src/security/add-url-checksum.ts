import { defineRule } from '@dockfix/core';

/** A remote ADD source: `https://…`, `http://…` (git sources are checked out, not downloaded as a file). */
const URL = /^https?:\/\//i;

export default defineRule({
  meta: {
    id: 'add-url-checksum',
    category: 'security',
    severity: 'warning',
    description: 'Give `ADD <url>` a `--checksum`, so a changed or tampered download fails the build',
    fix: 'none',
    docs: {
      rationale: [
        '`ADD https://…/tool.tar.gz /opt/` downloads whatever the server returns on the day of the build. If the',
        'release is re-tagged, the mirror is compromised or the URL now redirects elsewhere, the image ships',
        'different bytes and nothing notices. `ADD --checksum=sha256:<hex> <url> <dest>` (Dockerfile syntax 1.6,',
        'BuildKit) makes BuildKit verify the download and fail the build on a mismatch, the same guarantee as',
        '`curl … && echo "<hex>  file" | sha256sum -c`.',
        '',
        'There is no automatic fix: dockfix cannot know the right digest. Download the file once, run',
        '`sha256sum` on it (or take the digest the project publishes) and add the flag. Sources that',
        'are variables (`ADD $URL`) are not reported.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu\n'],
      valid: [
        'FROM debian:bookworm-slim\nADD --checksum=sha256:bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3 https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu\n',
        'FROM debian:bookworm-slim\nADD app.tar.gz /srv/\n',
      ],
    },
  },
  create(ctx) {
    return {
      ADD(add) {
        if (add.flags.some((flag) => flag.name === 'checksum')) return;
        // The JSON form has no ranges per element: point at the whole argument list.
        const sources = add.json ? add.json.slice(0, -1).map((value) => ({ value, range: add.argsRange ?? add.range })) : add.args.slice(0, -1);
        for (const source of sources) {
          // `https://host/repo.git#ref` is a git checkout, not a download a sha256 can pin.
          if (!URL.test(source.value) || /\.git(#|$)/.test(source.value)) continue;
          ctx.report({
            node: source.range,
            message: '`ADD` downloads this URL without `--checksum`; a changed file goes unnoticed',
            help: 'Add `--checksum=sha256:<digest>` (Dockerfile syntax ≥ 1.6) so BuildKit verifies the download.',
          });
        }
      },
    };
  },
});
