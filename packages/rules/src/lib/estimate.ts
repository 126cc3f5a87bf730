import { buildModel, ShellParserNotLoadedError, Source, type DockerfileModel, type ShellCommand } from '@dockfix/core';
import { TABLE_DATE, type ImageSize } from '../data/base-images.js';
import { apkNoCache, parseApk, parsePip, parseRpm, subcommandOf } from './packages.js';
import { rmOperands, unwrap } from './cli.js';
import { imageFacts, officialName } from './images.js';
import { isNpm, parseNpm, subcommandName } from './npm.js';

/**
 * What a rewrite is worth, computed by comparing the Dockerfile before and after (not by trusting each
 * fix to describe itself): layers, the final stage's base image, download caches. Every figure is an
 * estimate; see the README's "What a fix saves" for the method and its limits.
 */
export interface SavingsEstimate {
  /** RUN/COPY/ADD instructions fewer (each makes a layer); 0 or more. */
  readonly layersRemoved: number;
  /** The final stage's base image before and after, with the table's compressed sizes, when both are known and differ. */
  readonly baseImage: { readonly before: ImageSize; readonly after: ImageSize; readonly savedMb: number } | null;
  /** Download caches or package lists the rewritten file no longer keeps in a layer (count; the table has no sizes for them). */
  readonly cachesRemoved: number;
  /** The knowledge table's date, which the sizes describe. */
  readonly sizesAsOf: string;
}

/**
 * Estimates what the rewrite from `before` to `after` saves; null when either text does not build a model.
 * A shell parser not loaded yet is not such a text: that error is the caller's to handle (the CLI loads it).
 */
export function estimateSavings(before: string, after: string): SavingsEstimate | null {
  let a: DockerfileModel;
  let b: DockerfileModel;
  try {
    a = buildModel(new Source(before));
    b = buildModel(new Source(after));
  } catch (error) {
    if (error instanceof ShellParserNotLoadedError) throw error;
    return null;
  }
  return {
    layersRemoved: Math.max(0, layerCount(a) - layerCount(b)),
    baseImage: baseImageChange(a, b),
    cachesRemoved: Math.max(0, cleanupCount(b) - cleanupCount(a)),
    sizesAsOf: TABLE_DATE,
  };
}

/** Instructions that add a layer to their stage (triggers run in another image and are not counted). */
function layerCount(model: DockerfileModel): number {
  return model.instructions.filter((instruction) => ['RUN', 'COPY', 'ADD'].includes(instruction.keyword) && !instruction.onbuild).length;
}

/** The table's figure for an image reference's variant: `-alpine` tags, `-slim` tags, or the full image. */
function sizeOf(model: DockerfileModel): ImageSize | null {
  const final = model.stages.at(-1);
  // The shipped image's base: follow `FROM <stage>` to the first external image.
  let stage = final ?? null;
  while (stage?.parent) stage = stage.parent;
  const image = stage?.from?.from.image;
  if (!image) return null;
  const facts = imageFacts(image);
  const sizes = facts?.sizes;
  if (!sizes) return null;
  const tag = (image.tag ?? 'latest').toLowerCase();
  const variant = /alpine/.test(tag) ? sizes.alpine : /slim/.test(tag) ? sizes.smaller : /^[\d.]*$|^latest$|bookworm$|bullseye$|trixie$/.test(tag) ? sizes.full : undefined;
  return variant ? { ...variant, tag: `${officialName(image)}:${variant.tag}` } : null;
}

function baseImageChange(a: DockerfileModel, b: DockerfileModel): SavingsEstimate['baseImage'] {
  const before = sizeOf(a);
  const after = sizeOf(b);
  if (!before || !after || before.tag === after.tag || before.mb <= after.mb) return null;
  return { before, after, savedMb: before.mb - after.mb };
}

/** Commands that keep a download cache or package list out of the layer. */
function isCleanup(command: ShellCommand): boolean {
  const rm = rmOperands(command);
  if (rm) return rm.some((path) => /^\/var\/lib\/apt\/lists\/?\*?$|^\/var\/cache\/(apt|apk|yum|dnf)\b|^\/root\/\.(npm|cache)\b|^\/tmp\/\*$/.test(path));
  const apk = parseApk(command);
  if (apk) return apkNoCache(apk);
  const pip = parsePip(command);
  if (pip) return pip.options.some((option) => option.name === 'no-cache-dir');
  const rpm = parseRpm(command, ['yum', 'dnf', 'microdnf']);
  if (rpm) return subcommandOf(rpm) === 'clean';
  if (isNpm(command)) {
    const npm = parseNpm(command);
    return npm !== null && subcommandName(npm) === 'cache';
  }
  const unwrapped = unwrap(command);
  const name = unwrapped?.tool ?? '';
  const sub = unwrapped?.args[0]?.value ?? '';
  return (name === 'yarn' && sub === 'cache') || (name === 'pnpm' && sub === 'store') || (name === 'zypper' && /^(clean|cc)$/.test(sub));
}

function cleanupCount(model: DockerfileModel): number {
  return model.instructions.reduce((sum, instruction) => sum + (instruction.run?.script?.commands.filter(isCleanup).length ?? 0), 0);
}

/** One line for `dockfix fix`'s summary; empty when there is nothing to estimate. */
export function describeSavings(estimates: readonly SavingsEstimate[]): string {
  const layers = estimates.reduce((sum, e) => sum + e.layersRemoved, 0);
  const caches = estimates.reduce((sum, e) => sum + e.cachesRemoved, 0);
  const images = estimates.flatMap((e) => (e.baseImage ? [e.baseImage] : []));
  const parts: string[] = [];
  if (layers > 0) parts.push(`${layers} ${layers === 1 ? 'layer' : 'layers'} fewer`);
  if (images.length > 0) {
    const mb = images.reduce((sum, image) => sum + image.savedMb, 0);
    const example = images.length === 1 && images[0] ? ` (table: ${images[0].before.tag} ~${images[0].before.mb} MB → ${images[0].after.tag} ~${images[0].after.mb} MB)` : '';
    parts.push(`base images ~${mb} MB smaller${example}`);
  }
  if (caches > 0) parts.push(`${caches} ${caches === 1 ? 'cache' : 'caches'} no longer kept in a layer`);
  if (parts.length === 0) return '';
  const asOf = images.length > 0 ? `; compressed amd64 sizes from dockfix's table of ${estimates[0]?.sizesAsOf ?? TABLE_DATE}` : '';
  return `Estimate: ${parts.join(', ')}${asOf}`;
}
