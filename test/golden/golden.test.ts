// Golden tests of `dockfix fix --unsafe`: realistic Dockerfiles per stack (test/golden/<stack>/) and
// every flawed example (examples/<name>/Dockerfile, reviewed output in test/examples/), each with its reviewed output:
//   <name>.Dockerfile                the input
//   <name>.unsafe-fixed.Dockerfile   what `dockfix fix --unsafe` must produce (reviewed line by line)
//
// Besides the output itself, every case checks what makes a rewrite acceptable: the output parses, a
// second `fix --unsafe` changes nothing, every comment line of the input is still there, and the rules
// whose fixes were applied report nothing on the output.
//
// When the tool changes, `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the expected files;
// review every changed line before keeping it. If the new output is wrong, fix the tool instead.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fix, lint } from 'dockfix';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const goldenDir = path.join(repoRoot, 'test', 'golden');
const examplesDir = path.join(repoRoot, 'examples');
const examplesExpectedDir = path.join(repoRoot, 'test', 'examples');
const EXPECTED = /\.(unsafe-)?fixed\.Dockerfile$/;
const update = process.env.UPDATE_GOLDEN === '1';

interface Case {
  readonly label: string;
  readonly input: string;
  readonly expected: string;
}

function casesIn(dir: string, label: string, skip: (name: string) => boolean = () => false): Case[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.Dockerfile') && !EXPECTED.test(name) && !skip(name))
    .sort()
    .map((name) => ({
      label: `${label}/${name}`,
      input: path.join(dir, name),
      expected: path.join(dir, name.replace(/\.Dockerfile$/, '.unsafe-fixed.Dockerfile')),
    }));
}

const stacks = readdirSync(goldenDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const cases = [
  ...stacks.flatMap((stack) => casesIn(path.join(goldenDir, stack), stack)),
  ...readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'good')
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      label: `examples/${name}`,
      input: path.join(examplesDir, name, 'Dockerfile'),
      expected: path.join(examplesExpectedDir, `${name}.unsafe-fixed.Dockerfile`),
    })),
];

/** Trimmed comment lines, counted. */
function comments(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return counts;
}

// Ruby, PHP and .NET on Windows are newer and smaller (four or five cases each). What each output does,
// reviewed line by line (issue 12 point 4):
// - ruby/rails-full: apt RUNs merged, `--no-install-recommends` and the lists deleted in the same RUN
//   (nodejs has no recommends the asset pipeline needs); the image stays `ruby:3.3`, because
//   `bundle install` compiles native gems that `-slim` cannot build; shell-form CMD in exec form (same
//   argv, no shell in between). Risk, as the rule's docs say: the added `USER app` cannot write
//   `/app/tmp` and `/app/log` (owned by root), which `rails server` writes; a reviewer should add
//   `--chown=app:app` to `COPY . .`.
// - ruby/sinatra-alpine: `apk update && apk add` becomes `apk add --no-cache`: the same packages
//   from a fresh index, without the index in the layer.
// - ruby/rails-chown: `COPY --chown=app:app . /app` replaces `RUN chown -R app:app /app`: the copied
//   files get the same owner, the tree is stored once; `/app` itself stays root-owned (WORKDIR created
//   it), which the app does not write. The `useradd` RUN is joined to the apt RUN (it runs before the
//   COPY either way). The chown's comment stays, now above `USER app`.
// - ruby/jemalloc-download: `&& rm -f yq_linux_amd64.tar.gz` after the unpacking (the binary stays);
//   `COPY Gemfile Gemfile.lock ./` before `bundle install` (needs a committed Gemfile.lock, as Ruby
//   apps have), then `COPY . .`: the same files, in two layers.
// - php/apache-ext: the apt and `docker-php-ext-install` RUNs joined with the lists deleted at the end
//   (docker-php-ext-install needs the -dev packages, not the lists); no USER for Apache (its master binds
//   port 80 as root).
// - php/composer-fpm: `apk add --no-cache`; `COPY --chown=www-data:www-data . .` replaces the chown of
//   /var/www, which held only ./vendor (copied just before, root-owned now: php-fpm only reads it).
// - php/laravel-cli: apt cleanup, composer files copied before `composer install` (needs composer.lock),
//   a non-root user (the queue worker writes nothing under /app but storage/, which is root-owned: same
//   risk as rails-full), CMD in exec form.
// - php/upgrade-everything: package-upgrade reports `apt-get upgrade` without a fix; the two RUNs are
//   joined and the lists deleted.
// - dotnet-windows/*: no rewrite. cmd and PowerShell bodies are not POSIX shell, so the shell rules stay
//   out, and `setx` is not merged with the RUN that needs the new PATH; these cases pin that.
const SMALL_STACKS = new Set(['ruby', 'php', 'dotnet-windows']);

test('has about a dozen realistic Dockerfiles per stack', () => {
  expect(stacks).toEqual(expect.arrayContaining(['go', 'java', 'node', 'python', 'ruby', 'php', 'dotnet-windows']));
  for (const stack of stacks) expect(casesIn(path.join(goldenDir, stack), stack).length, stack).toBeGreaterThanOrEqual(SMALL_STACKS.has(stack) ? 4 : 12);
});

describe.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
  const text = readFileSync(c.input, 'utf8');
  const result = fix(text, { filePath: c.input, unsafe: true });
  if (update) writeFileSync(c.expected, result.output);

  test('fix --unsafe produces the reviewed output', () => {
    expect(result.reverted, 'no fix may need reverting').toEqual([]);
    expect(existsSync(c.expected), `missing ${path.relative(repoRoot, c.expected)} (UPDATE_GOLDEN=1 writes it; review it)`).toBe(true);
    expect(result.output).toBe(readFileSync(c.expected, 'utf8'));
  });

  test('the output parses and a second fix changes nothing', () => {
    expect(lint(result.output, { filePath: c.input }).diagnostics.filter((d) => d.fatal)).toEqual([]);
    const again = fix(result.output, { filePath: c.input, unsafe: true });
    expect(again.output).toBe(result.output);
    expect(again.reverted).toEqual([]);
  });

  test('every comment is kept', () => {
    const after = comments(result.output);
    const lost = [...comments(text)].filter(([line, count]) => (after.get(line) ?? 0) < count).map(([line]) => line);
    expect(lost).toEqual([]);
  });

  test('the rules that fixed it report nothing on the output', () => {
    const fixed = new Set(result.applied.map((applied) => applied.ruleId));
    const left = lint(result.output, { filePath: c.input }).diagnostics.filter((d) => fixed.has(d.ruleId));
    expect(left.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
