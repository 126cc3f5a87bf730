import type { ImageRef, Stage } from '@dockfix/core';
import {
  DEPRECATED_IMAGES,
  DEPRECATED_ONBUILD,
  DISTRO_RELEASES,
  IMAGES,
  NON_ROOT_IMAGE_PREFIXES,
  NON_ROOT_TAGS,
  OLDEST_SUPPORTED_ALPINE,
  TABLE_DATE,
  type Deprecation,
  type DistroRelease,
  type ImageFacts,
} from '../data/base-images.js';

/** The image a stage ultimately builds on, after following `FROM <stage>` links. */
export interface BaseImage {
  readonly image: ImageRef;
  /** True when any FROM on the way is written with an ARG (`FROM node:${NODE_VERSION}`): the build may pick another image. */
  readonly templated: boolean;
  /** The stage whose FROM names that image (the implicit stage itself for a fragment). */
  readonly root: Stage;
}

/** The image of the implicit stage of a fragment (no FROM): unknown, so rules that need it stand back. */
const UNKNOWN_IMAGE: ImageRef = { raw: '', resolved: '', unresolved: true, registry: null, repository: '', name: '', tag: null, digest: null, scratch: false };

/** Follows `stage.parent` to the first stage that starts from a real image (unknown, and templated, for a fragment's implicit stage). */
export function baseImageOf(stage: Stage): BaseImage {
  let current = stage;
  let templated = false;
  const seen = new Set<Stage>();
  for (;;) {
    if (!current.from) return { image: UNKNOWN_IMAGE, templated: true, root: current };
    templated ||= current.from.from.image.raw.includes('$');
    if (!current.parent || seen.has(current.parent)) break;
    seen.add(current);
    current = current.parent;
  }
  return { image: current.from?.from.image ?? UNKNOWN_IMAGE, templated, root: current };
}

/** The stages whose filesystem ends up in the image `docker build` ships: the final stage and the stages it builds on. */
export function shippedStages(stages: readonly Stage[]): Set<Stage> {
  const shipped = new Set<Stage>();
  for (let stage = stages.at(-1) ?? null; stage && !shipped.has(stage); stage = stage.parent) shipped.add(stage);
  return shipped;
}

/** The stage and the stages it builds on (`FROM <stage>`), the stage itself first. */
export function stageChain(stage: Stage): Stage[] {
  const stages: Stage[] = [];
  for (let current: Stage | null = stage; current && !stages.includes(current); current = current.parent) stages.push(current);
  return stages;
}

/**
 * The Docker Hub name of an official image, also when pulled through a mirror that keeps the `library/`
 * path (`mirror.gcr.io/library/node`, `public.ecr.aws/docker/library/node`); other names unchanged.
 */
export function officialName(image: ImageRef): string {
  const mirrored = /(?:^|\/)library\/([^/]+)$/.exec(image.name);
  return mirrored?.[1] ?? image.name;
}

/** True for the official Docker Hub `node` image, also when pulled through a `…/library/node` mirror. */
export function isOfficialNode(image: ImageRef): boolean {
  return officialName(image) === 'node';
}

/** Node.js release codenames of the lines whose bundled npm is older than 7. */
const OLD_NODE_CODENAMES = new Set(['argon', 'boron', 'carbon', 'dubnium', 'erbium', 'fermium']);

/**
 * The Node.js major version of an official `node` image tag: a number, `'newest'` for tags without
 * one (`lts`, `current`, `alpine`, untagged, a recent codename), or null when it cannot be known.
 */
export function nodeMajor(image: ImageRef): number | 'newest' | null {
  if (image.unresolved) return null;
  if (image.tag === null) return image.digest === null ? 'newest' : null;
  const tag = image.tag.toLowerCase();
  const major = /^(\d+)/.exec(tag);
  if (major) return Number(major[1]);
  const codename = /^[a-z]+/.exec(tag)?.[0] ?? '';
  if (OLD_NODE_CODENAMES.has(codename)) return Math.min(14, 4 + 2 * [...OLD_NODE_CODENAMES].indexOf(codename));
  return 'newest';
}

/** True for Alpine-based images: `alpine` itself or a tag naming it (`node:20-alpine`). BusyBox uses the same user tools. */
export function isAlpineLike(image: ImageRef): boolean {
  const name = image.name.split('/').at(-1) ?? '';
  return name === 'alpine' || name === 'busybox' || /alpine/i.test(image.tag ?? '');
}

/** True for Google's distroless images, which have no shell but a `nonroot` user. */
export function isDistroless(image: ImageRef): boolean {
  return /^gcr\.io\/distroless\//.test(image.name);
}

/** The table by image name, the first entry for a name winning as a scan would: a dozen rules ask it of every FROM. */
const FACTS_BY_NAME: ReadonlyMap<string, ImageFacts> = new Map([...IMAGES].reverse().map((facts) => [facts.name, facts]));

/** The knowledge-table entry of an image, or null when dockfix knows nothing about it. */
export function imageFacts(image: ImageRef): ImageFacts | null {
  if (image.scratch || image.unresolved) return null;
  return FACTS_BY_NAME.get(officialName(image)) ?? null;
}

/** The words of a tag, split for matching against the table. */
export interface TagParts {
  /** The tag split at `-`, lower-cased. */
  readonly words: readonly string[];
  /** The version the tag names (`20`, `3.12.1`, `1.23`), a codename resolved to its version; null for `latest`, `lts`, none. */
  readonly version: string | null;
  /** The Debian/Ubuntu/Alpine release the tag names (`bookworm`, `alpine3.18`), or null. */
  readonly release: DistroRelease | null;
  /** The word of the tag that names the release (`bookworm`, `alpine3.18`), or null. */
  readonly releaseWord: string | null;
  readonly alpine: boolean;
  readonly slim: boolean;
  readonly windows: boolean;
}

const WINDOWS_WORDS = /^(windowsservercore|servercore|nanoserver|ltsc\d{4}|1809|20h2|2004|1909|1903|sac\d{4})$/;
/** Words that are versions or channels rather than variants. */
const CHANNEL_WORDS = new Set(['latest', 'lts', 'current', 'stable', 'mainline', 'rc', 'edge', 'tip']);

function isVersionWord(word: string): boolean {
  return /^v?\d+(\.\d+)*([a-z]\d*)?(_\d+)?$/.test(word) || /^\d+u\d+$/.test(word);
}

/** Splits a tag into version, distro release and variant words. */
export function parseTag(tag: string | null, facts: ImageFacts | null = null): TagParts {
  const words = (tag ?? 'latest').toLowerCase().split('-').filter((word) => word !== '');
  let version: string | null = null;
  let release: DistroRelease | null = null;
  let releaseWord: string | null = null;
  let alpine = false;
  for (const word of words) {
    if (version === null && isVersionWord(word)) version = word.replace(/^v/, '');
    else if (version === null && facts?.codenames?.[word]) version = facts.codenames[word] ?? null;
    const alpineRelease = /^alpine(\d+\.\d+)$/.exec(word);
    if (word === 'alpine' || alpineRelease) alpine = true;
    const found = alpineRelease
      ? DISTRO_RELEASES.find((r) => r.distro === 'Alpine Linux' && r.version === alpineRelease[1])
      : DISTRO_RELEASES.find((r) => r.codename === word);
    if (found && !release) {
      release = found;
      releaseWord = word;
    } else if (alpineRelease && !release) {
      // An Alpine release the table does not list: older ones are past their end of life.
      release = { distro: 'Alpine Linux', codename: null, version: alpineRelease[1] ?? '', source: 'parsed from the tag' };
      releaseWord = word;
    }
  }
  return {
    words,
    version,
    release,
    releaseWord,
    alpine,
    slim: words.includes('slim'),
    windows: words.some((word) => WINDOWS_WORDS.test(word)),
  };
}

/** Compares dotted versions numerically (`3.9` < `3.10`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[._]/).map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split(/[._]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** True when `line` (`3.8`) is the release line of `version` (`3.8`, `3.8.19`), comparing whole dotted parts. */
function inLine(version: string, line: string): boolean {
  const v = version.split('.');
  const l = line.split('.');
  return l.length <= v.length && l.every((part, index) => part === v[index]);
}

/** A smaller variant of an image, as prefer-slim-base proposes it. */
export interface SmallerVariant {
  readonly facts: ImageFacts;
  /** The tag of the smaller variant (`20-slim`). */
  readonly tag: string;
  /** What kind of smaller: `slim`, `alpine` or `jre`. */
  readonly kind: 'slim' | 'alpine' | 'jre';
}

/** Words of a tag that are neither versions nor releases nor words the image declares, so the tag is not understood. */
function unknownWords(parts: TagParts, facts: ImageFacts, allowed: readonly string[]): string[] {
  return parts.words.filter(
    (word) =>
      !isVersionWord(word) &&
      !CHANNEL_WORDS.has(word) &&
      !facts.codenames?.[word] &&
      word !== parts.releaseWord &&
      !(facts.variantWords ?? []).includes(word) &&
      !allowed.includes(word),
  );
}

/**
 * The smaller variant of a full image that the table knows how to spell (`node:20` → `20-slim`,
 * `python:3.12-bookworm` → `3.12-slim-bookworm`, `eclipse-temurin:21-jdk` → `21-jre`), or null when the
 * image is already small, has no such variant, or its tag has words the table does not understand.
 */
export function smallerVariant(image: ImageRef): SmallerVariant | null {
  const facts = imageFacts(image);
  if (!facts?.smaller) return null;
  const parts = parseTag(image.tag, facts);
  if (parts.windows || parts.slim || (parts.alpine && facts.smaller !== 'jre')) return null;
  const untagged = image.tag === null || image.tag.toLowerCase() === 'latest';
  const words = image.tag === null ? [] : image.tag.split('-');
  switch (facts.smaller) {
    case 'slim-suffix':
    case 'slim-before-suite': {
      if (untagged) return facts.smallerUntagged ? { facts, tag: facts.smallerUntagged, kind: 'slim' } : null;
      if (unknownWords(parts, facts, []).length > 0) return null;
      const last = parts.words.at(-1);
      if (facts.smaller === 'slim-before-suite' && last !== undefined && last === parts.releaseWord) {
        return { facts, tag: [...words.slice(0, -1), 'slim', words.at(-1)].join('-'), kind: 'slim' };
      }
      return { facts, tag: `${image.tag}-slim`, kind: 'slim' };
    }
    case 'alpine': {
      if (untagged) return facts.smallerUntagged ? { facts, tag: facts.smallerUntagged, kind: 'alpine' } : null;
      if (unknownWords(parts, facts, []).length > 0) return null;
      // The release word (a Debian suite) goes; the variant word (php `fpm`) stays before `alpine`.
      const kept = words.filter((word) => word.toLowerCase() !== parts.releaseWord);
      return kept.length > 0 ? { facts, tag: [...kept, 'alpine'].join('-'), kind: 'alpine' } : null;
    }
    case 'jre': {
      if (untagged || parts.words.includes('jre') || parts.version === null) return null;
      if (unknownWords(parts, facts, ['jdk', 'alpine']).length > 0) return null;
      const jdkAt = parts.words.indexOf('jdk');
      if (jdkAt !== -1) return { facts, tag: words.map((word, index) => (index === jdkAt ? 'jre' : word)).join('-'), kind: 'jre' };
      const versionAt = parts.words.findIndex(isVersionWord);
      return { facts, tag: [...words.slice(0, versionAt + 1), 'jre', ...words.slice(versionAt + 1)].join('-'), kind: 'jre' };
    }
  }
}

/** One reason an image is past its end of life. */
export interface EndOfLifeFinding {
  /** What reached its end of life: `Node.js 18`, `Debian 10 (buster)`. */
  readonly what: string;
  /** `YYYY-MM-DD` or `YYYY-MM`; null when only "before the table's date" is known. */
  readonly date: string | null;
  /** Supported version lines, newest first, when the table knows them. */
  readonly supported: readonly string[];
  readonly source: string;
}

function isPast(date: string): boolean {
  return date <= TABLE_DATE;
}

function releaseName(release: DistroRelease): string {
  return release.codename ? `${release.distro} ${release.version} (${release.codename})` : `${release.distro} ${release.version}`;
}

/** Why an image is past its end of life as of the table's date: its language or server version, its distro release, or both. */
export function endOfLife(image: ImageRef): readonly EndOfLifeFinding[] {
  if (image.scratch || image.unresolved) return [];
  // A function of the name and tag alone, asked of every FROM of every file: the corpus names a few
  // hundred images, and the table scans were most of the rule's time.
  const key = image.tag === null ? image.name : `${image.name}\0${image.tag}`;
  let findings = endOfLife_.get(key);
  if (!findings) {
    if (endOfLife_.size >= 4096) endOfLife_.clear();
    endOfLife_.set(key, (findings = endOfLifeUncached(image)));
  }
  return findings;
}

const endOfLife_ = new Map<string, readonly EndOfLifeFinding[]>();

function endOfLifeUncached(image: ImageRef): EndOfLifeFinding[] {
  const findings: EndOfLifeFinding[] = [];
  const facts = imageFacts(image);
  const parts = parseTag(image.tag, facts);
  const name = officialName(image);

  if (facts && parts.version !== null && facts.kind !== 'os') {
    // python:2 and ruby:2 are the last 2.x release lines.
    const version = parts.version === '2' && (name === 'python' || name === 'ruby') ? '2.7' : parts.version;
    // A major-only tag (`php:5`) means the newest line of that major (5.6): past its end of life when every
    // line of the major in the table is, and no supported line has that major.
    const majorOnly = /^\d+$/.test(version);
    const sameMajor = majorOnly ? (facts.endOfLife ?? []).filter((entry) => entry.version.split('.')[0] === version) : [];
    const newestOfMajor = [...sameMajor].sort((a, b) => compareVersions(b.version, a.version))[0];
    const majorSupported = (facts.versions ?? []).some((line) => line.split('.')[0] === version);
    const listed = facts.endOfLife?.find((entry) => inLine(version, entry.version)) ?? (newestOfMajor && !majorSupported ? newestOfMajor : undefined);
    if (listed && isPast(listed.date)) {
      findings.push({ what: `${facts.title} ${listed.version}`, date: listed.date, supported: facts.versions ?? [], source: listed.source });
    } else if (!listed && facts.oldestSupported && (version.includes('.') ? compareVersions(version, facts.oldestSupported) < 0 : Number(version) < Number(facts.oldestSupported.split('.')[0]))) {
      const line = version.split('.').slice(0, 2).join('.');
      findings.push({ what: `${facts.title} ${line}`, date: null, supported: facts.versions ?? [], source: facts.source });
    }
  }

  // The distro release: from the tag (`node:18-buster`, `python:3.12-alpine3.17`), or the tag of a distro image.
  let release = parts.release;
  if (!release && (name === 'debian' || name === 'ubuntu' || name === 'centos' || name === 'alpine') && parts.version !== null) {
    const distro = { debian: 'Debian', ubuntu: 'Ubuntu', centos: 'CentOS', alpine: 'Alpine Linux' }[name];
    const major = name === 'debian' || name === 'centos' ? parts.version.split('.')[0] : parts.version.split('.').slice(0, 2).join('.');
    release = DISTRO_RELEASES.find((r) => r.distro === distro && r.version === major) ?? null;
    if (!release && name === 'alpine' && major && /^\d+\.\d+$/.test(major)) {
      release = { distro: 'Alpine Linux', codename: null, version: major, source: 'parsed from the tag' };
    }
  }
  const distroless = /^gcr\.io\/distroless\/.*-debian(\d+)$/.exec(image.name);
  if (!release && distroless) release = DISTRO_RELEASES.find((r) => r.distro === 'Debian' && r.version === distroless[1]) ?? null;
  if (release) {
    if (release.endOfLife && isPast(release.endOfLife)) {
      findings.push({ what: releaseName(release), date: release.endOfLife, supported: [], source: release.source });
    } else if (!release.endOfLife && release.distro === 'Alpine Linux' && compareVersions(release.version, OLDEST_SUPPORTED_ALPINE) < 0 && compareVersions(release.version, '3.12') < 0) {
      findings.push({ what: releaseName(release), date: null, supported: [], source: 'alpinelinux.org/releases: releases before 3.12 ended before 2022' });
    }
  }
  return findings;
}

/** A deprecated image, with the replacement reference the fix would write (null when there is no mechanical one). */
export interface DeprecationFinding {
  readonly deprecation: Deprecation;
  /** The full replacement reference (`eclipse-temurin:11-jre`), or null. */
  readonly replacement: string | null;
}

const TEMURIN_MAJORS = new Set(['8', '11', '17', '21', '25']);

/** The eclipse-temurin tag for an openjdk/java/adoptopenjdk reference, or null when there is no faithful one. */
function temurinTag(image: ImageRef): string | null {
  const words = (image.tag ?? '').toLowerCase().split('-').filter((word) => word !== '');
  if (words.length === 0 || words.includes('latest')) return null;
  if (words.some((word) => WINDOWS_WORDS.test(word) || word === 'openj9' || /^oraclelinux/.test(word) || word === 'ea')) return null;
  const fromName = /openjdk(\d+)$/.exec(image.name)?.[1];
  const versionWord = words.find((word) => /^\d/.test(word));
  const major = fromName ?? (versionWord ? /^(\d+)/.exec(versionWord)?.[1] : undefined);
  if (!major) return null;
  const normalized = major === '1' && versionWord?.startsWith('1.8') ? '8' : major;
  if (!TEMURIN_MAJORS.has(normalized)) return null;
  const known = new Set(['jre', 'jdk', 'slim', 'alpine', 'hotspot', 'openjdk', 'buster', 'bullseye', 'bookworm', 'stretch', 'jessie', 'focal', 'jammy', 'noble', 'bionic']);
  if (words.some((word) => !known.has(word) && !/^\d/.test(word))) return null;
  const kind = words.includes('jre') ? 'jre' : 'jdk';
  return `eclipse-temurin:${normalized}-${kind}${words.includes('alpine') ? '-alpine' : ''}`;
}

/** Whether an image is deprecated, and what the fix would replace it with. */
export function deprecationOf(image: ImageRef): DeprecationFinding | null {
  if (image.scratch || image.unresolved) return null;
  const name = officialName(image);
  const deprecation = DEPRECATED_IMAGES.find((entry) => entry.names.includes(name));
  if (!deprecation) {
    const onbuild = DEPRECATED_ONBUILD.names.includes(name) && parseTag(image.tag).words.includes('onbuild');
    return onbuild ? { deprecation: DEPRECATED_ONBUILD, replacement: null } : null;
  }
  let replacement: string | null = null;
  if (deprecation.mapping === 'temurin') replacement = temurinTag(image);
  if (deprecation.mapping === 'almalinux') {
    const tag = (image.tag ?? 'latest').toLowerCase();
    if (tag === 'latest' || tag === '8' || tag === 'centos8' || /^8\.\d/.test(tag) || /^centos8\./.test(tag)) replacement = 'almalinux:8';
  }
  return { deprecation, replacement };
}

/** True when the image's own default user is not root (distroless `:nonroot`, Bitnami, Chainguard, …). */
export function runsAsNonRoot(image: ImageRef): boolean {
  // An unresolved tag (`nonroot-${ARCH}`) still says what it is; an unresolved name does not.
  if (image.name.includes('$')) return false;
  const name = officialName(image);
  if (imageFacts(image)?.runsAs === 'non-root') return true;
  if (NON_ROOT_IMAGE_PREFIXES.some((entry) => name.startsWith(entry.prefix) && !entry.except?.test(name))) return true;
  return NON_ROOT_TAGS.some((entry) => entry.image.test(name) && entry.tag.test(image.tag ?? ''));
}

/** The image reference with another tag, keeping the registry and repository as written (`node:20` → `node:20-slim`). */
export function withTag(image: ImageRef, tag: string): string {
  const text = image.resolved;
  const at = text.indexOf('@');
  const withoutDigest = at === -1 ? text : text.slice(0, at);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', slash + 1);
  return `${colon === -1 ? withoutDigest : withoutDigest.slice(0, colon)}:${tag}`;
}

/**
 * The edit of a FROM's image text that changes its tag, written so that ARG-templated references keep
 * their variables (`node:${NODE_VERSION}` → `node:${NODE_VERSION}-slim`). Null when the written text
 * cannot be edited faithfully (the changed part comes from a variable, or there is a digest).
 */
export function retagRaw(image: ImageRef, newTag: string): string | null {
  if (image.digest !== null) return null;
  const raw = image.raw;
  const oldTag = image.tag;
  if (!raw.includes('$')) return withTag(image, newTag);
  if (oldTag === null) return null;
  // Keep what the old and new tag share at both ends; the middle must be literal text in the raw reference.
  let prefix = 0;
  while (prefix < oldTag.length && prefix < newTag.length && oldTag[prefix] === newTag[prefix]) prefix++;
  let suffix = 0;
  while (suffix < oldTag.length - prefix && suffix < newTag.length - prefix && oldTag[oldTag.length - 1 - suffix] === newTag[newTag.length - 1 - suffix]) suffix++;
  const oldMiddle = oldTag.slice(prefix, oldTag.length - suffix);
  const newMiddle = newTag.slice(prefix, newTag.length - suffix);
  const oldSuffix = oldTag.slice(oldTag.length - suffix);
  // What changes, and everything after it, must be written literally at the end of the raw reference.
  const tail = oldMiddle + oldSuffix;
  if (!raw.endsWith(tail) || /[${}]/.test(tail)) return null;
  return `${raw.slice(0, raw.length - tail.length)}${newMiddle}${oldSuffix}`;
}

/** A short description of the image for messages: the reference as written, with its resolved value when templated. */
export function describeImage(image: ImageRef): string {
  return image.raw === image.resolved ? `\`${image.raw}\`` : `\`${image.raw}\` (\`${image.resolved}\`)`;
}
