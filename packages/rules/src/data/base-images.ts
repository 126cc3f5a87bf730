// The base-image knowledge table: what dockfix knows about common images, as of TABLE_DATE.
//
// Every entry carries a `source` note. "TSV" means shared/reference/official-images.tsv, which
// records the versions and variant directories of each image's upstream repository at a commit
// (read on 2026-11-25); "upstream" means the project's own published support policy or release
// schedule. Sizes are compressed linux/amd64 pull sizes as commonly reported for recent tags:
// they vary by version and architecture, so every size is approximate and only used in messages
// and docs ("about 5x smaller"), never in decisions.
//
// Tests in packages/rules/test/base-images.test.ts check the table's shape and a set of facts.

/** The day the facts were checked; "end of life" means "ended on or before this day". */
export const TABLE_DATE = '2026-11-25';

/** An approximate compressed pull size. */
export interface ImageSize {
  /** Megabytes, rounded. */
  readonly mb: number;
  /** The tag the number describes. */
  readonly tag: string;
}

/** A release line and the day it stopped getting security fixes (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known). */
export interface EndOfLife {
  readonly version: string;
  readonly date: string;
  readonly source: string;
}

/**
 * How an image spells a smaller variant of a tag:
 * - `slim-suffix`: `-slim` goes last (`node:20-bookworm` → `node:20-bookworm-slim`; debian `bookworm` → `bookworm-slim`);
 * - `slim-before-suite`: `slim` goes before the distro suite (`python:3.12-bookworm` → `python:3.12-slim-bookworm`);
 * - `alpine`: the distro suite is replaced by `-alpine` (`nginx:1.27-bookworm` → `nginx:1.27-alpine`);
 * - `jre`: a JDK tag becomes the JRE one (`eclipse-temurin:21-jdk-noble` → `eclipse-temurin:21-jre-noble`).
 */
export type SmallerSpelling = 'slim-suffix' | 'slim-before-suite' | 'alpine' | 'jre';

/** What dockfix knows about one image. */
export interface ImageFacts {
  /** The name as `FROM` writes it for Docker Hub official images (`node`), or the full repository path. */
  readonly name: string;
  /** What it is, for messages: `Node.js`, `Python`, `Debian`. */
  readonly title: string;
  /**
   * `language`: a runtime people ship apps on; `toolchain`: a compiler or build tool image that belongs in a
   * builder stage; `os`: a distribution base; `server`/`database`: a service image used as-is or extended.
   */
  readonly kind: 'language' | 'toolchain' | 'os' | 'server' | 'database';
  /** Version lines the image publishes (from the TSV), newest first, for suggestions. */
  readonly versions?: readonly string[];
  /** The smaller variant prefer-slim-base proposes; absent when there is none or it is not a safe default. */
  readonly smaller?: SmallerSpelling;
  /** The tag the smaller variant has when the image is untagged or `latest` (`node` → `node:slim`). */
  readonly smallerUntagged?: string;
  /** Tag words that name variants of this image which can carry a smaller variant too (php `fpm` → `8.3-fpm-alpine`). */
  readonly variantWords?: readonly string[];
  /** True when an `-alpine` variant exists besides the proposed one, so messages can mention it. */
  readonly alpine?: boolean;
  /** Why a smaller variant is not proposed although one exists (postgres: musl collations). */
  readonly noSmallerBecause?: string;
  readonly sizes?: { readonly full?: ImageSize; readonly smaller?: ImageSize; readonly alpine?: ImageSize };
  /** Release codenames used as tags, mapped to the version they stand for (node `iron` → `20`). */
  readonly codenames?: Readonly<Record<string, string>>;
  /** Release lines past their end of life, as of TABLE_DATE. */
  readonly endOfLife?: readonly EndOfLife[];
  /** Versions older than this are past their end of life even when not listed (Go supports the two newest releases). */
  readonly oldestSupported?: string;
  /**
   * How the image runs by default: `non-root` (it sets a non-root USER), `drops-privileges` (its entrypoint starts as
   * root and switches to a service user with gosu/su-exec), `root-master` (the server's master process must start as
   * root and its workers drop privileges; a USER line breaks it), `root-dirs` (it writes into directories
   * owned by root, which a new user must be given first).
   */
  readonly runsAs?: 'non-root' | 'drops-privileges' | 'root-master' | 'root-dirs';
  readonly source: string;
}

const TSV = 'official-images.tsv (2026-11-25)';

/** Official images and a few well-known others. Keys are image names as `parseImageRef` gives them. */
export const IMAGES: readonly ImageFacts[] = [
  {
    name: 'node',
    title: 'Node.js',
    kind: 'language',
    versions: ['26', '24', '22'],
    smaller: 'slim-suffix',
    smallerUntagged: 'slim',
    alpine: true,
    sizes: { full: { mb: 390, tag: '22' }, smaller: { mb: 75, tag: '22-slim' }, alpine: { mb: 55, tag: '22-alpine' } },
    codenames: { argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24' },
    endOfLife: [
      { version: '4', date: '2018-04-30', source: 'upstream: nodejs/Release schedule' },
      { version: '5', date: '2016-06-30', source: 'upstream: nodejs/Release schedule' },
      { version: '6', date: '2019-04-30', source: 'upstream: nodejs/Release schedule' },
      { version: '7', date: '2017-06-30', source: 'upstream: nodejs/Release schedule' },
      { version: '8', date: '2019-12-31', source: 'upstream: nodejs/Release schedule' },
      { version: '9', date: '2018-06-30', source: 'upstream: nodejs/Release schedule' },
      { version: '10', date: '2021-04-30', source: 'upstream: nodejs/Release schedule' },
      { version: '11', date: '2019-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '12', date: '2022-04-30', source: 'upstream: nodejs/Release schedule' },
      { version: '13', date: '2020-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '14', date: '2023-04-30', source: 'upstream: nodejs/Release schedule' },
      { version: '15', date: '2021-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '16', date: '2023-09-11', source: 'upstream: nodejs/Release schedule (ended early with OpenSSL 1.1.1)' },
      { version: '17', date: '2022-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '18', date: '2025-04-30', source: 'upstream: nodejs/Release schedule' },
      { version: '19', date: '2023-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '20', date: '2026-04-30', source: `upstream: nodejs/Release schedule; ${TSV}: nodejs/docker-node publishes 26, 24, 22 only` },
      { version: '21', date: '2024-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '23', date: '2025-06-01', source: 'upstream: nodejs/Release schedule' },
      { version: '25', date: '2026-06-01', source: 'upstream: nodejs/Release schedule' },
    ],
    source: `${TSV}: nodejs/docker-node f27d936f7d7c, versions 26/24/22, variants bookworm, bookworm-slim, bullseye, bullseye-slim, trixie, trixie-slim, alpine3.23, alpine3.24; tags spell slim last (\`22-bookworm-slim\`)`,
  },
  {
    name: 'python',
    title: 'Python',
    kind: 'language',
    versions: ['3.14', '3.13', '3.12', '3.11'],
    smaller: 'slim-before-suite',
    smallerUntagged: 'slim',
    alpine: true,
    sizes: { full: { mb: 370, tag: '3.12' }, smaller: { mb: 45, tag: '3.12-slim' }, alpine: { mb: 20, tag: '3.12-alpine' } },
    endOfLife: [
      { version: '2.7', date: '2020-01-01', source: 'upstream: PEP 373' },
      { version: '3.4', date: '2019-03-18', source: 'upstream: devguide versions' },
      { version: '3.5', date: '2020-09-30', source: 'upstream: devguide versions' },
      { version: '3.6', date: '2021-12-23', source: 'upstream: devguide versions' },
      { version: '3.7', date: '2023-06-27', source: 'upstream: devguide versions' },
      { version: '3.8', date: '2024-10-07', source: 'upstream: devguide versions' },
      { version: '3.9', date: '2025-10-31', source: 'upstream: PEP 596 / devguide versions' },
      {
        version: '3.10',
        date: '2026-10',
        source: `upstream: PEP 619 (security support until 2026-10); note ${TSV} still lists 3.10 in docker-library/python versions.json`,
      },
    ],
    source: `${TSV}: docker-library/python 4f07059567fa, versions 3.10–3.14 and 3.15-rc, variants bookworm, slim-bookworm, slim-trixie, trixie, alpine3.23, alpine3.24, windowsservercore; tags spell slim before the suite (\`3.12-slim-bookworm\`)`,
  },
  {
    name: 'ruby',
    title: 'Ruby',
    kind: 'language',
    versions: ['4.0', '3.4', '3.3'],
    smaller: 'slim-before-suite',
    smallerUntagged: 'slim',
    alpine: true,
    sizes: { full: { mb: 360, tag: '3.3' }, smaller: { mb: 70, tag: '3.3-slim' }, alpine: { mb: 35, tag: '3.3-alpine' } },
    endOfLife: [
      { version: '2.4', date: '2020-03-31', source: 'upstream: ruby-lang.org branches' },
      { version: '2.5', date: '2021-03-31', source: 'upstream: ruby-lang.org branches' },
      { version: '2.6', date: '2022-04-12', source: 'upstream: ruby-lang.org branches' },
      { version: '2.7', date: '2023-03-31', source: 'upstream: ruby-lang.org branches' },
      { version: '3.0', date: '2024-04-23', source: 'upstream: ruby-lang.org branches' },
      { version: '3.1', date: '2025-03-26', source: 'upstream: ruby-lang.org branches' },
      { version: '3.2', date: '2026-03-31', source: `upstream: ruby-lang.org branches (planned end of security maintenance); ${TSV}: docker-library/ruby publishes 3.3, 3.4, 4.0` },
    ],
    source: `${TSV}: docker-library/ruby d55e25ae7098, versions 3.3/3.4/4.0, variants bookworm, slim-bookworm, slim-trixie, trixie, alpine3.22, alpine3.23`,
  },
  {
    name: 'perl',
    title: 'Perl',
    kind: 'language',
    smaller: 'slim-before-suite',
    smallerUntagged: 'slim',
    source: 'not in the TSV; Docker Hub perl publishes `<version>-slim` and `<version>-slim-<suite>` tags (e.g. `5.40-slim-bookworm`)',
  },
  {
    name: 'pypy',
    title: 'PyPy',
    kind: 'language',
    versions: ['3.11', '2.7'],
    smaller: 'slim-before-suite',
    smallerUntagged: 'slim',
    source: `${TSV}: docker-library/pypy 84c50d19b0b9, variants bookworm, slim-bookworm, slim-trixie, trixie, windowsservercore`,
  },
  {
    name: 'erlang',
    title: 'Erlang/OTP',
    kind: 'language',
    smaller: 'slim-suffix',
    smallerUntagged: 'slim',
    alpine: true,
    source: `${TSV}: erlang/docker-erlang-otp 023b069bdcc1, variants (default), slim, alpine`,
  },
  {
    name: 'elixir',
    title: 'Elixir',
    kind: 'language',
    smaller: 'slim-suffix',
    smallerUntagged: 'slim',
    alpine: true,
    source: `${TSV}: c0b/docker-elixir 4585daf210c4, variants (default), slim, alpine`,
  },
  {
    name: 'php',
    title: 'PHP',
    kind: 'language',
    versions: ['8.5', '8.4', '8.3', '8.2'],
    smaller: 'alpine',
    smallerUntagged: 'alpine',
    variantWords: ['cli', 'fpm', 'zts'],
    sizes: { full: { mb: 190, tag: '8.3-cli' }, smaller: { mb: 35, tag: '8.3-cli-alpine' } },
    endOfLife: [
      { version: '5.6', date: '2018-12-31', source: 'upstream: php.net supported versions' },
      { version: '7.0', date: '2019-01-10', source: 'upstream: php.net supported versions' },
      { version: '7.1', date: '2019-12-01', source: 'upstream: php.net supported versions' },
      { version: '7.2', date: '2020-11-30', source: 'upstream: php.net supported versions' },
      { version: '7.3', date: '2021-12-06', source: 'upstream: php.net supported versions' },
      { version: '7.4', date: '2022-11-28', source: 'upstream: php.net supported versions' },
      { version: '8.0', date: '2023-11-26', source: 'upstream: php.net supported versions' },
      { version: '8.1', date: '2025-12-31', source: `upstream: php.net supported versions; ${TSV}: docker-library/php publishes 8.2–8.5` },
    ],
    source: `${TSV}: docker-library/php 445bf414f1d5, variants <suite>/{apache,cli,fpm,zts} and alpine3.23|3.24/{cli,fpm,zts} (no alpine apache): \`8.3-fpm-alpine\``,
  },
  {
    name: 'golang',
    title: 'Go',
    kind: 'toolchain',
    versions: ['1.27', '1.26'],
    alpine: true,
    sizes: { full: { mb: 290, tag: '1.26' }, alpine: { mb: 75, tag: '1.26-alpine' } },
    oldestSupported: '1.26',
    endOfLife: [
      { version: '1.21', date: '2024-08-13', source: 'upstream: Go release policy (two newest majors), 1.23 released 2024-08-13' },
      { version: '1.22', date: '2025-02-11', source: 'upstream: Go release policy, 1.24 released 2025-02-11' },
      { version: '1.23', date: '2025-08-12', source: 'upstream: Go release policy, 1.25 released 2025-08-12' },
      { version: '1.24', date: '2026-02', source: `upstream: Go release policy, 1.26 released 2026-02; ${TSV}: docker-library/golang publishes 1.26, 1.27` },
      { version: '1.25', date: '2026-08', source: `upstream: Go release policy, 1.27 released 2026-08; ${TSV}` },
    ],
    source: `${TSV}: docker-library/golang 7c8c182bfc19, versions 1.27/1.26/tip, variants alpine3.23, alpine3.24, bookworm, trixie, windows; no slim variant`,
  },
  {
    name: 'rust',
    title: 'Rust',
    kind: 'toolchain',
    alpine: true,
    source: `${TSV}: rust-lang/docker-rust 7668ee290612, variants <suite>, <suite>/slim, alpine3.21–3.23`,
  },
  {
    name: 'gcc',
    title: 'GCC',
    kind: 'toolchain',
    source: 'Docker Hub official gcc image (not in the TSV): a compiler image, for builder stages',
  },
  {
    name: 'buildpack-deps',
    title: 'buildpack-deps',
    kind: 'toolchain',
    source: `${TSV}: docker-library/buildpack-deps 8330ca1d2319: Debian/Ubuntu with compilers and -dev packages, the base of the full language images`,
  },
  {
    name: 'maven',
    title: 'Maven',
    kind: 'toolchain',
    source: `${TSV}: carlossg/docker-maven 0170c5bc5c25, variants per JDK vendor (eclipse-temurin-21-noble, amazoncorretto-21, …)`,
  },
  {
    name: 'gradle',
    title: 'Gradle',
    kind: 'toolchain',
    source: 'Docker Hub official gradle image (not in the TSV): tags `<version>-jdk<N>` on Eclipse Temurin',
  },
  {
    name: 'eclipse-temurin',
    title: 'Eclipse Temurin (Java)',
    kind: 'language',
    versions: ['25', '21', '17', '11', '8'],
    smaller: 'jre',
    alpine: true,
    sizes: { full: { mb: 190, tag: '21-jdk' }, smaller: { mb: 90, tag: '21-jre' }, alpine: { mb: 70, tag: '21-jre-alpine' } },
    endOfLife: [
      { version: '16', date: '2021-09', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '18', date: '2022-09', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '19', date: '2023-03', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '20', date: '2023-09', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '22', date: '2024-09', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '23', date: '2025-03', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '24', date: '2025-09', source: 'upstream: OpenJDK non-LTS releases get updates until the next release' },
      { version: '26', date: '2026-09', source: `upstream: non-LTS, superseded by 27 in 2026-09; note ${TSV} still lists 26 in adoptium/containers` },
    ],
    source: `${TSV}: adoptium/containers d8d18d67a32e, versions 8/11/17/21/25/26, variants jdk|jre × ubuntu (jammy, noble, resolute), alpine, ubi, windows: \`21-jre-noble\`, \`21-jre-alpine\``,
  },
  {
    name: 'tomcat',
    title: 'Tomcat',
    kind: 'server',
    runsAs: 'root-dirs',
    source: `${TSV}: docker-library/tomcat 40f27d562f94, variants jdk<N>|jre<N>/temurin-<suite> (\`10.1-jre21-temurin-noble\`)`,
  },
  {
    name: 'debian',
    title: 'Debian',
    kind: 'os',
    smaller: 'slim-suffix',
    smallerUntagged: 'stable-slim',
    sizes: { full: { mb: 49, tag: 'bookworm' }, smaller: { mb: 28, tag: 'bookworm-slim' } },
    source: 'Docker Hub official debian image: `<suite>`, `<suite>-slim`, `<major>-slim`, `stable-slim` tags; suites and their end of life in DISTRO_RELEASES',
  },
  { name: 'ubuntu', title: 'Ubuntu', kind: 'os', source: 'Docker Hub official ubuntu image (already minimal, no slim variant); releases in DISTRO_RELEASES' },
  { name: 'alpine', title: 'Alpine Linux', kind: 'os', source: 'Docker Hub official alpine image (about 4 MB); releases in DISTRO_RELEASES' },
  { name: 'busybox', title: 'BusyBox', kind: 'os', source: `${TSV}: docker-library/busybox` },
  {
    name: 'nginx',
    title: 'nginx',
    kind: 'server',
    smaller: 'alpine',
    smallerUntagged: 'alpine',
    sizes: { full: { mb: 70, tag: '1.27' }, smaller: { mb: 20, tag: '1.27-alpine' } },
    runsAs: 'root-master',
    // nginx fixes only its mainline and stable branches; stable 1.26 came out 2024-04-23, so 1.24 and older are done.
    oldestSupported: '1.26',
    source: `${TSV}: nginxinc/docker-nginx b430becb8f0f, channels mainline/stable (nginx.org fixes only those; 1.24 and older are past their end of life), variants debian, alpine, alpine-slim, *-perl, *-otel; the master process runs as root and workers as \`nginx\``,
  },
  {
    name: 'httpd',
    title: 'Apache httpd',
    kind: 'server',
    smaller: 'alpine',
    smallerUntagged: 'alpine',
    sizes: { full: { mb: 60, tag: '2.4' }, smaller: { mb: 20, tag: '2.4-alpine' } },
    runsAs: 'root-master',
    source: `${TSV}: docker-library/httpd 9b63b37c9be3, variants (default), alpine; the parent process runs as root and children as \`www-data\``,
  },
  {
    name: 'postgres',
    title: 'PostgreSQL',
    kind: 'database',
    versions: ['18', '17', '16', '15'],
    alpine: true,
    noSmallerBecause: 'the alpine variant sorts text with musl instead of glibc collations, so indexes built on one do not match the other',
    runsAs: 'drops-privileges',
    endOfLife: [
      { version: '9.6', date: '2021-11-11', source: 'upstream: postgresql.org versioning policy' },
      { version: '10', date: '2022-11-10', source: 'upstream: postgresql.org versioning policy' },
      { version: '11', date: '2023-11-09', source: 'upstream: postgresql.org versioning policy' },
      { version: '12', date: '2024-11-21', source: 'upstream: postgresql.org versioning policy' },
      { version: '13', date: '2025-11-13', source: 'upstream: postgresql.org versioning policy' },
      { version: '14', date: '2026-11-12', source: `upstream: postgresql.org versioning policy; note ${TSV} still lists 14` },
    ],
    source: `${TSV}: docker-library/postgres 6edb0a8c4def, versions 14–18, variants alpine3.22, alpine3.23, bookworm, trixie; entrypoint drops to \`postgres\` with gosu`,
  },
  {
    name: 'mysql',
    title: 'MySQL',
    kind: 'database',
    runsAs: 'drops-privileges',
    endOfLife: [
      { version: '5.6', date: '2021-02', source: 'upstream: Oracle lifetime support policy' },
      { version: '5.7', date: '2023-10-31', source: 'upstream: Oracle lifetime support policy' },
      { version: '8.0', date: '2026-04-30', source: `upstream: Oracle lifetime support policy; ${TSV}: docker-library/mysql publishes 8.4, 9.7, innovation` },
    ],
    source: `${TSV}: docker-library/mysql 7f30fdb07380; entrypoint drops to \`mysql\` with gosu`,
  },
  { name: 'mariadb', title: 'MariaDB', kind: 'database', runsAs: 'drops-privileges', source: 'Docker Hub official mariadb image: entrypoint drops to `mysql` with gosu' },
  { name: 'mongo', title: 'MongoDB', kind: 'database', runsAs: 'drops-privileges', source: `${TSV}: docker-library/mongo 2c69a57b939a; entrypoint drops to \`mongodb\` with gosu` },
  {
    name: 'redis',
    title: 'Redis',
    kind: 'database',
    smaller: 'alpine',
    smallerUntagged: 'alpine',
    runsAs: 'drops-privileges',
    // Lines older than the oldest one docker-library publishes get no more images or fixes.
    oldestSupported: '6.2',
    source: `${TSV}: docker-library/redis e92049967d6b publishes 6.2, 7.0, 7.2 (older lines are past their end of life), variants debian, alpine; entrypoint drops to \`redis\` with gosu`,
  },
  { name: 'rabbitmq', title: 'RabbitMQ', kind: 'database', runsAs: 'drops-privileges', source: `${TSV}: docker-library/rabbitmq 9193c1de6d32; runs as \`rabbitmq\`` },
  { name: 'cassandra', title: 'Cassandra', kind: 'database', runsAs: 'drops-privileges', source: `${TSV}: docker-library/cassandra 7b9da8f4f58f; entrypoint drops to \`cassandra\` with gosu` },
  { name: 'couchdb', title: 'CouchDB', kind: 'database', runsAs: 'drops-privileges', source: 'Docker Hub official couchdb image: entrypoint drops to `couchdb` with gosu' },
  {
    name: 'memcached',
    title: 'Memcached',
    kind: 'database',
    smaller: 'alpine',
    smallerUntagged: 'alpine',
    runsAs: 'non-root',
    source: `${TSV}: docker-library/memcached 53ac0ecb0bf8, variants debian, alpine; the image sets \`USER memcache\``,
  },
  { name: 'elasticsearch', title: 'Elasticsearch', kind: 'database', runsAs: 'non-root', source: `${TSV}: docker-library/elasticsearch 30d0a937ca9c; the image sets a non-root USER` },
  { name: 'sonarqube', title: 'SonarQube', kind: 'server', runsAs: 'non-root', source: 'Docker Hub official sonarqube image: sets `USER sonarqube`' },
  { name: 'jenkins/jenkins', title: 'Jenkins', kind: 'server', runsAs: 'non-root', source: 'jenkins/jenkins on Docker Hub: sets `USER jenkins`' },
  { name: 'grafana/grafana', title: 'Grafana', kind: 'server', runsAs: 'non-root', source: 'grafana/grafana on Docker Hub: sets `USER 472`' },
  { name: 'prom/prometheus', title: 'Prometheus', kind: 'server', runsAs: 'non-root', source: 'prom/prometheus: sets `USER nobody`' },
  { name: 'prom/alertmanager', title: 'Alertmanager', kind: 'server', runsAs: 'non-root', source: 'prom/alertmanager: sets `USER nobody`' },
  { name: 'nginxinc/nginx-unprivileged', title: 'nginx (unprivileged)', kind: 'server', runsAs: 'non-root', source: 'nginxinc/nginx-unprivileged: runs as `nginx` (uid 101) on port 8080' },
];

/** A Debian, Ubuntu or Alpine release as it appears in tags (`bookworm`, `20.04`, `alpine3.18`). */
export interface DistroRelease {
  readonly distro: 'Debian' | 'Ubuntu' | 'Alpine Linux' | 'CentOS';
  /** Codename (`bookworm`) or null for Alpine. */
  readonly codename: string | null;
  readonly version: string;
  /** End of (free, public) security support; absent while supported. */
  readonly endOfLife?: string;
  readonly source: string;
}

/** Releases of the distributions images are built on, with their end of life where it is past. */
export const DISTRO_RELEASES: readonly DistroRelease[] = [
  { distro: 'Debian', codename: 'wheezy', version: '7', endOfLife: '2018-05-31', source: 'upstream: wiki.debian.org/LTS' },
  { distro: 'Debian', codename: 'jessie', version: '8', endOfLife: '2020-06-30', source: 'upstream: wiki.debian.org/LTS' },
  { distro: 'Debian', codename: 'stretch', version: '9', endOfLife: '2022-06-30', source: 'upstream: wiki.debian.org/LTS' },
  { distro: 'Debian', codename: 'buster', version: '10', endOfLife: '2024-06-30', source: 'upstream: wiki.debian.org/LTS' },
  {
    distro: 'Debian',
    codename: 'bullseye',
    version: '11',
    endOfLife: '2026-08-31',
    source: `upstream: wiki.debian.org/LTS (LTS ended 2026-08-31; paid ELTS continues); note ${TSV} still lists node bullseye variants`,
  },
  { distro: 'Debian', codename: 'bookworm', version: '12', source: `${TSV}` },
  { distro: 'Debian', codename: 'trixie', version: '13', source: `${TSV}` },
  { distro: 'Debian', codename: 'forky', version: '14', source: `${TSV} (testing)` },
  { distro: 'Debian', codename: 'sid', version: 'unstable', source: `${TSV}` },
  { distro: 'Ubuntu', codename: 'trusty', version: '14.04', endOfLife: '2019-04-30', source: 'upstream: ubuntu.com/about/release-cycle (standard support)' },
  { distro: 'Ubuntu', codename: 'xenial', version: '16.04', endOfLife: '2021-04-30', source: 'upstream: ubuntu.com/about/release-cycle (standard support)' },
  { distro: 'Ubuntu', codename: 'bionic', version: '18.04', endOfLife: '2023-05-31', source: 'upstream: ubuntu.com/about/release-cycle (standard support)' },
  { distro: 'Ubuntu', codename: 'focal', version: '20.04', endOfLife: '2025-05-31', source: 'upstream: ubuntu.com/about/release-cycle (standard support; ESM needs Ubuntu Pro)' },
  { distro: 'Ubuntu', codename: 'groovy', version: '20.10', endOfLife: '2021-07-22', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'hirsute', version: '21.04', endOfLife: '2022-01-20', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'impish', version: '21.10', endOfLife: '2022-07-14', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'jammy', version: '22.04', source: `${TSV}` },
  { distro: 'Ubuntu', codename: 'kinetic', version: '22.10', endOfLife: '2023-07-20', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'lunar', version: '23.04', endOfLife: '2024-01-25', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'mantic', version: '23.10', endOfLife: '2024-07-11', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'noble', version: '24.04', source: `${TSV}` },
  { distro: 'Ubuntu', codename: 'oracular', version: '24.10', endOfLife: '2025-07-10', source: 'upstream: ubuntu.com/about/release-cycle' },
  { distro: 'Ubuntu', codename: 'plucky', version: '25.04', endOfLife: '2026-01', source: `upstream: interim releases get 9 months; note ${TSV} still lists plucky in buildpack-deps` },
  { distro: 'Ubuntu', codename: 'questing', version: '25.10', endOfLife: '2026-07', source: `upstream: interim releases get 9 months; note ${TSV} still lists questing in buildpack-deps` },
  { distro: 'Ubuntu', codename: 'resolute', version: '26.04', source: `${TSV}` },
  { distro: 'Alpine Linux', codename: null, version: '3.12', endOfLife: '2022-05-01', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.13', endOfLife: '2022-11-01', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.14', endOfLife: '2023-05-01', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.15', endOfLife: '2023-11-01', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.16', endOfLife: '2024-05-23', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.17', endOfLife: '2024-11-22', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.18', endOfLife: '2025-05-09', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.19', endOfLife: '2025-11-01', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.20', endOfLife: '2026-04-01', source: 'upstream: alpinelinux.org/releases' },
  { distro: 'Alpine Linux', codename: null, version: '3.21', endOfLife: '2026-11-01', source: `upstream: alpinelinux.org/releases (two years of support); note ${TSV} still lists alpine3.21 variants of rust and eclipse-temurin` },
  { distro: 'Alpine Linux', codename: null, version: '3.22', source: `${TSV}` },
  { distro: 'Alpine Linux', codename: null, version: '3.23', source: `${TSV}` },
  { distro: 'Alpine Linux', codename: null, version: '3.24', source: `${TSV}: newest alpine variant of python, node, golang, php` },
  { distro: 'CentOS', codename: null, version: '6', endOfLife: '2020-11-30', source: 'upstream: centos.org' },
  { distro: 'CentOS', codename: null, version: '7', endOfLife: '2024-06-30', source: 'upstream: centos.org' },
  { distro: 'CentOS', codename: null, version: '8', endOfLife: '2021-12-31', source: 'upstream: centos.org' },
];

/** Alpine releases older than this are past their end of life (3.21 and older, as of TABLE_DATE). */
export const OLDEST_SUPPORTED_ALPINE = '3.22';

/** The Alpine release dockfix writes into new stages (the newest one the TSV shows). */
export const CURRENT_ALPINE = '3.24';

/** The distroless image dockfix writes for static binaries (has CA certificates, tzdata and a `nonroot` user, no shell). */
export const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12:nonroot';

/** An image that should no longer be used, and what replaced it. */
export interface Deprecation {
  /** Image names (as `parseImageRef` gives them) this applies to. */
  readonly names: readonly string[];
  /** What to use instead, as Markdown for messages. */
  readonly use: string;
  /** Why, with the date where known. */
  readonly reason: string;
  /** How the fix maps tags: `temurin` (openjdk/java/adoptopenjdk tags), `almalinux` (centos 8), or none (report only). */
  readonly mapping?: 'temurin' | 'almalinux';
  readonly source: string;
}

/** Deprecated images. */
export const DEPRECATED_IMAGES: readonly Deprecation[] = [
  {
    names: ['openjdk'],
    use: '`eclipse-temurin`',
    reason: 'the openjdk image is deprecated since July 2022: it only publishes early-access builds, and its release tags get no more updates',
    mapping: 'temurin',
    source: `docker-library/openjdk README deprecation notice; ${TSV}: openjdk versions 27, 28 (early access) only`,
  },
  {
    names: ['java'],
    use: '`eclipse-temurin`',
    reason: 'the java image was deprecated in 2017 (for openjdk, itself deprecated since 2022)',
    mapping: 'temurin',
    source: 'Docker Hub java image deprecation notice',
  },
  {
    names: ['adoptopenjdk', 'adoptopenjdk/openjdk8', 'adoptopenjdk/openjdk11', 'adoptopenjdk/openjdk16', 'adoptopenjdk/openjdk17'],
    use: '`eclipse-temurin`',
    reason: 'AdoptOpenJDK moved to the Eclipse Foundation as Adoptium in 2021; its images are no longer updated',
    mapping: 'temurin',
    source: 'Docker Hub adoptopenjdk deprecation notice (2021-08)',
  },
  {
    names: ['centos'],
    use: '`almalinux` or `rockylinux` (RHEL rebuilds), or `quay.io/centos/centos:stream9` for CentOS Stream',
    reason: 'CentOS Linux 8 reached its end of life on 2021-12-31 and CentOS 7 on 2024-06-30',
    mapping: 'almalinux',
    source: 'Docker Hub centos deprecation notice; centos.org end-of-life dates',
  },
  { names: ['iojs'], use: '`node`', reason: 'io.js merged back into Node.js in 2015', source: 'Docker Hub iojs deprecation notice' },
  { names: ['django'], use: '`python`', reason: 'the django image was deprecated in 2016: install Django with pip on python', source: 'Docker Hub django deprecation notice' },
  { names: ['rails'], use: '`ruby`', reason: 'the rails image was deprecated in 2016: install Rails with bundler on ruby', source: 'Docker Hub rails deprecation notice' },
  { names: ['jenkins'], use: '`jenkins/jenkins`', reason: 'the jenkins official image stopped at 2.60.3 (2017); Jenkins publishes jenkins/jenkins', source: 'Docker Hub jenkins deprecation notice' },
  { names: ['opensuse'], use: '`opensuse/leap`', reason: 'the opensuse image was replaced by opensuse/leap and opensuse/tumbleweed in 2018', source: 'Docker Hub opensuse deprecation notice' },
  {
    names: ['microsoft/windowsservercore'],
    use: '`mcr.microsoft.com/windows/servercore`',
    reason: 'Microsoft moved its images to mcr.microsoft.com in 2018; the Docker Hub repository is no longer updated',
    source: 'Microsoft container registry migration notice (2018)',
  },
  {
    names: ['microsoft/nanoserver'],
    use: '`mcr.microsoft.com/windows/nanoserver`',
    reason: 'Microsoft moved its images to mcr.microsoft.com in 2018; the Docker Hub repository is no longer updated',
    source: 'Microsoft container registry migration notice (2018)',
  },
  {
    names: ['microsoft/dotnet', 'microsoft/aspnetcore', 'microsoft/aspnetcore-build'],
    use: '`mcr.microsoft.com/dotnet/sdk` to build and `mcr.microsoft.com/dotnet/aspnet` or `runtime` to run',
    reason: '.NET images moved to mcr.microsoft.com in 2018-2019; the Docker Hub repositories are no longer updated',
    source: 'dotnet/dotnet-docker announcement (2019)',
  },
  {
    names: ['microsoft/aspnet', 'microsoft/dotnet-framework'],
    use: '`mcr.microsoft.com/dotnet/framework/aspnet` or `mcr.microsoft.com/dotnet/framework/sdk`',
    reason: '.NET Framework images moved to mcr.microsoft.com; the Docker Hub repositories are no longer updated',
    source: 'microsoft/dotnet-framework-docker README',
  },
  { names: ['microsoft/iis'], use: '`mcr.microsoft.com/windows/servercore/iis`', reason: 'moved to mcr.microsoft.com', source: 'microsoft/iis-docker README' },
  { names: ['microsoft/powershell'], use: '`mcr.microsoft.com/powershell`', reason: 'moved to mcr.microsoft.com', source: 'PowerShell/PowerShell-Docker README' },
  { names: ['microsoft/mssql-server-linux'], use: '`mcr.microsoft.com/mssql/server`', reason: 'moved to mcr.microsoft.com', source: 'SQL Server container documentation' },
];

/** Images (by name prefix) whose default user is not root although the Dockerfile does not show a USER. */
export const NON_ROOT_IMAGE_PREFIXES: readonly { readonly prefix: string; readonly except?: RegExp; readonly source: string }[] = [
  { prefix: 'bitnami/', except: /^bitnami\/minideb$/, source: 'Bitnami images run as uid 1001 by default (not bitnami/minideb, a plain Debian)' },
  { prefix: 'jupyter/', source: 'jupyter/docker-stacks images set `USER ${NB_UID}` (jovyan)' },
  { prefix: 'quay.io/jupyter/', source: 'jupyter/docker-stacks images set `USER ${NB_UID}` (jovyan)' },
  { prefix: 'cgr.dev/chainguard/', except: /-dev$/, source: 'Chainguard images run as a non-root user by default (their -dev variants are checked as usual)' },
];

/** Words in a tag that mean "this variant already runs as a non-root user". */
export const NON_ROOT_TAGS: readonly { readonly image: RegExp; readonly tag: RegExp; readonly source: string }[] = [
  { image: /^gcr\.io\/distroless\//, tag: /(^|[-_])nonroot([-_]|$)/, source: 'distroless `:nonroot` tags set USER 65532' },
  { image: /^mcr\.microsoft\.com\/dotnet\//, tag: /chiseled/, source: '.NET chiseled images run as the non-root `app` user (uid 1654)' },
  { image: /^docker$/, tag: /rootless/, source: `${TSV}: docker-library/docker dind-rootless runs as \`rootless\`` },
];

/** Tags of official images that were deprecated as a variant rather than as an image. */
export const DEPRECATED_ONBUILD: Deprecation = {
  names: ['node', 'python', 'golang', 'ruby', 'erlang', 'elixir', 'pypy', 'iojs', 'django', 'rails', 'maven'],
  use: 'the same tag without `-onbuild`, with the COPY and RUN steps written out',
  reason: 'the `-onbuild` variants were deprecated in 2017 and are no longer published: their hidden ONBUILD triggers made builds hard to follow',
  source: 'docker-library/official-images: ONBUILD variants deprecated (2017)',
};
