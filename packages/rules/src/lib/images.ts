import type { ImageRef, Stage } from '@dockfix/core';

/** The image a stage ultimately builds on, after following `FROM <stage>` links. */
export interface BaseImage {
  readonly image: ImageRef;
  /** True when any FROM on the way is written with an ARG (`FROM node:${NODE_VERSION}`): the build may pick another image. */
  readonly templated: boolean;
}

/** Follows `stage.parent` to the first stage that starts from a real image. */
export function baseImageOf(stage: Stage): BaseImage {
  let current = stage;
  let templated = false;
  const seen = new Set<Stage>();
  for (;;) {
    templated ||= current.from.from.image.raw.includes('$');
    if (!current.parent || seen.has(current.parent)) break;
    seen.add(current);
    current = current.parent;
  }
  return { image: current.from.from.image, templated };
}

/** The stages whose filesystem ends up in the image `docker build` ships: the final stage and the stages it builds on. */
export function shippedStages(stages: readonly Stage[]): Set<Stage> {
  const shipped = new Set<Stage>();
  for (let stage = stages.at(-1) ?? null; stage && !shipped.has(stage); stage = stage.parent) shipped.add(stage);
  return shipped;
}

/** True for the official Docker Hub `node` image, also when pulled through a `…/library/node` mirror. */
export function isOfficialNode(image: ImageRef): boolean {
  return image.name === 'node' || /\/library\/node$/.test(image.name);
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
