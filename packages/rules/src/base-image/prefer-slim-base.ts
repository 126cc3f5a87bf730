import { defineRule, type Stage } from '@dockfix/core';
import type { ImageFacts, ImageSize } from '../data/base-images.js';
import { buildSteps, shipsApplication } from '../lib/build.js';
import { baseImageOf, describeImage, imageFacts, retagRaw, smallerVariant, stageChain, withTag } from '../lib/images.js';

function size(value: ImageSize | undefined): string {
  return value ? ` (about ${value.mb} MB compressed)` : '';
}

/** Why the smaller variant is the one to take, per stack. */
function advice(facts: ImageFacts, kind: 'slim' | 'alpine' | 'jre'): string {
  const alpineSize = facts.sizes?.alpine ? ` (about ${facts.sizes.alpine.mb} MB)` : '';
  switch (kind) {
    case 'slim':
      if (facts.name === 'node') {
        return `the same Node.js on a minimal Debian. Prefer it to \`-alpine\`${alpineSize}: Alpine's musl libc cannot load native modules built or downloaded for glibc`;
      }
      if (facts.name === 'python' || facts.name === 'pypy') {
        return `the same Python on a minimal Debian. Prefer it to \`-alpine\`${alpineSize}: most wheels on PyPI are built for glibc (manylinux), so on Alpine's musl libc pip compiles packages from source or fails`;
      }
      if (facts.alpine) return `the same ${facts.title} on a minimal Debian, still glibc-based (unlike \`-alpine\`${alpineSize}), so native extensions keep working`;
      return 'the same system without documentation, locales and tools rarely needed at runtime';
    case 'alpine':
      return `the same ${facts.title} on Alpine Linux`;
    case 'jre':
      return 'a JRE: running the application does not need the JDK\'s compiler, jlink and debugging tools';
  }
}

/** JDK tools: an image that runs them needs the JDK, not a JRE. */
const JDK_TOOLS = /(^|[^\w-])(mvn|mvnw|maven|gradle|gradlew|javac|jshell|jlink|jpackage|jdeps|jcmd|jstack|jmap)([^\w-]|$)/;

export default defineRule({
  meta: {
    id: 'prefer-slim-base',
    category: 'base-image',
    severity: 'warning',
    description: 'Ship the final image on the slim (or alpine, or JRE) variant of its base image',
    fix: 'unsafe',
    docs: {
      rationale: [
        'The default tags of the official language images are built on `buildpack-deps`: a full Debian with',
        'compilers, headers and version-control tools, there so that `npm install` or `pip install` can build',
        'native code. An application does not need them at runtime. Compressed, `node:22` is about 390 MB',
        'and `node:22-slim` about 75 MB; `python:3.12` about 370 MB and `python:3.12-slim` about 45 MB;',
        '`eclipse-temurin:21` (a JDK) about 190 MB and `eclipse-temurin:21-jre` about 90 MB (approximate',
        'linux/amd64 sizes). A smaller image pulls and starts faster, and every package left out is one fewer',
        'to patch.',
        '',
        'The rule looks at the final stage only (and the stages it builds on with `FROM <stage>`): builder',
        'stages, whose files are copied out selectively, need the full image and are never reported. It is',
        'silent when the final stage itself builds, even when it prunes afterwards (the build needs the full',
        'image; splitting it is `multi-stage-build`\'s report), for Windows tags, for',
        'images whose smaller variant is not a safe default (PostgreSQL\'s Alpine variant collates text',
        'differently), and for Dockerfiles that build a base image rather than ship an app: those that copy',
        'nothing into the image but setup scripts (the official images themselves, devcontainer bases). A JDK',
        'image is not told to use the JRE when the image runs JDK tools (`mvn`, `gradle`, `javac`, `jshell`).',
        '',
        'For Node.js, Python and Ruby it proposes `-slim`, not `-alpine`: slim keeps glibc, so native modules',
        'and prebuilt wheels keep working.',
      ].join('\n'),
      invalid: [
        'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM python:3.12-bookworm\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
        'FROM golang:1.26 AS build\nRUN go build -o /app .\n\nFROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      ],
      valid: [
        'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22-alpine\nCOPY --from=build /app/dist /app\n',
        'FROM postgres:17\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      ],
      fixNotes: [
        'Unsafe: the slim variant leaves out compilers and many libraries. A dependency that compiles native code',
        'at install time (`node-gyp`, a Python package without a wheel) fails to install on it; install such',
        'dependencies in a builder stage on the full image and copy the result. Alpine variants also change the',
        'C library (musl) and the shell tools (BusyBox).',
        '',
        'The fix rewrites the tag the way the image spells its variants: `node:20-bookworm` →',
        '`node:20-bookworm-slim`, `python:3.12-bookworm` → `python:3.12-slim-bookworm`, `php:8.3-fpm` →',
        '`php:8.3-fpm-alpine`, `eclipse-temurin:21-jdk-noble` → `eclipse-temurin:21-jre-noble`, and keeps ARGs',
        '(`node:${NODE_VERSION}` → `node:${NODE_VERSION}-slim`). It reports without a fix when the image is',
        'pinned by digest (the digest names the full variant), when the tag\'s variant part comes from an ARG,',
        'when the image is untagged or `latest` (`node:slim` would still float; pin a version first), and when',
        'the base stage is also the base of a builder stage (give the final stage its own `FROM`).',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const final = ctx.model.stages.at(-1);
        if (!final || final.windows) return;
        const { image, root } = baseImageOf(final);
        const from = root.from?.from;
        if (!from?.imageRange || from.parentStage) return;
        const variant = smallerVariant(image);
        if (!variant) return;
        const chain = stageChain(final);
        // A stage that builds needs the full image's compilers (node-gyp, wheels without binaries): that is multi-stage-build's report.
        if (chain.some((stage) => buildSteps(stage).length > 0)) return;
        if (!shipsApplication(chain)) return;
        if (variant.kind === 'jre' && chain.some((stage) => stage.instructions.some((i) => i.keyword !== 'FROM' && JDK_TOOLS.test(ctx.source.slice(i.range))))) return;
        const { facts, kind } = variant;
        const full = describeImage(image);
        const smaller = `\`${withTag(image, variant.tag)}\``;
        // `node` → `node:slim` would still float; the message names a versioned tag instead.
        const untagged = image.tag === null || image.tag.toLowerCase() === 'latest';
        const raw = untagged ? null : retagRaw(image, variant.tag);
        const inChain = new Set<Stage>(chain);
        const sharedWith = root.usedBy.find((stage) => !inChain.has(stage));
        const why = advice(facts, kind);
        const pinned = untagged && facts.versions?.[0] ? withTag(image, `${facts.versions[0]}-${variant.tag}`) : null;
        const tail = untagged
          ? `; pin a version too${pinned ? `, e.g. \`${pinned}\`` : ''}`
          : sharedWith
          ? `; \`${root.name ?? root.index}\` is also the base of stage \`${sharedWith.name ?? sharedWith.index}\`, so give the final stage its own \`FROM ${withTag(image, variant.tag)}\``
          : image.digest !== null
            ? '; the digest pins the full variant, so look up the digest of the smaller one'
            : '';
        ctx.report({
          node: from.imageRange,
          message: `The final image is built on ${full}${size(facts.sizes?.full)}; use ${smaller}${size(facts.sizes?.smaller)}, ${why}${tail}`,
          ...(raw && !sharedWith
            ? { fix: { title: `Use \`${raw}\``, edits: [ctx.fix.replace(from.imageRange, raw)] } }
            : {}),
        });
      },
    };
  },
});
