// The base-image knowledge table (src/data/base-images.ts) and the helpers that read it
// (src/lib/images.ts): the table's shape, the facts the rules rely on, and tag parsing through the
// Dockerfile model (registries with ports, digests, --platform, ARG-templated references).
import { buildModel, parseImageRef, Source } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_ALPINE,
  DEPRECATED_IMAGES,
  DISTRO_RELEASES,
  IMAGES,
  NON_ROOT_IMAGE_PREFIXES,
  OLDEST_SUPPORTED_ALPINE,
  TABLE_DATE,
} from '../src/data/base-images.js';
import { deprecationOf, endOfLife, imageFacts, parseTag, retagRaw, runsAsNonRoot, smallerVariant } from '../src/lib/images.js';

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

describe('the table', () => {
  it('is dated', () => {
    expect(TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has a source note on every entry', () => {
    for (const entry of [...IMAGES, ...DISTRO_RELEASES, ...DEPRECATED_IMAGES, ...NON_ROOT_IMAGE_PREFIXES]) {
      expect(entry.source.length, JSON.stringify(entry)).toBeGreaterThan(10);
    }
    for (const image of IMAGES) for (const line of image.endOfLife ?? []) expect(line.source.length, `${image.name} ${line.version}`).toBeGreaterThan(10);
  });

  it('names each image once, with well-formed dates and versions newest first', () => {
    const names = IMAGES.map((image) => image.name);
    expect(new Set(names).size).toBe(names.length);
    for (const image of IMAGES) {
      for (const line of image.endOfLife ?? []) expect(line.date, `${image.name} ${line.version}`).toMatch(DATE);
      const versions = image.versions ?? [];
      const sorted = [...versions].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
      expect(versions, image.name).toEqual(sorted);
      // A line the table calls supported cannot also be past its end of life.
      for (const version of versions) {
        const dead = (image.endOfLife ?? []).find((line) => line.version === version && line.date <= TABLE_DATE);
        expect(dead, `${image.name} ${version}`).toBeUndefined();
      }
    }
    for (const release of DISTRO_RELEASES) if (release.endOfLife) expect(release.endOfLife).toMatch(DATE);
  });

  it('covers the common official images', () => {
    for (const name of ['node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'eclipse-temurin', 'maven', 'gradle', 'debian', 'ubuntu', 'alpine', 'nginx', 'httpd', 'postgres']) {
      expect(IMAGES.some((image) => image.name === name), name).toBe(true);
    }
    for (const name of ['openjdk', 'java', 'centos']) expect(DEPRECATED_IMAGES.some((entry) => entry.names.includes(name)), name).toBe(true);
  });

  it('marks sizes as approximate compressed sizes of a named tag', () => {
    for (const image of IMAGES) {
      for (const size of Object.values(image.sizes ?? {})) {
        expect(size.mb).toBeGreaterThan(0);
        expect(size.tag.length).toBeGreaterThan(0);
      }
      const { full, smaller } = image.sizes ?? {};
      if (full && smaller) expect(smaller.mb, image.name).toBeLessThan(full.mb);
    }
  });

  it('knows the current Alpine release is supported', () => {
    expect(Number(CURRENT_ALPINE.split('.')[1])).toBeGreaterThanOrEqual(Number(OLDEST_SUPPORTED_ALPINE.split('.')[1]));
  });
});

describe('end of life as of the table date', () => {
  const eol = (reference: string) => endOfLife(parseImageRef(reference)).map((finding) => finding.what);
  it.each([
    ['node:16', ['Node.js 16']],
    ['node:18-alpine', ['Node.js 18']],
    ['node:hydrogen-slim', ['Node.js 18']],
    ['node:20.11.1', ['Node.js 20']],
    ['python:3.8-slim', ['Python 3.8']],
    ['python:3.9', ['Python 3.9']],
    ['python:2', ['Python 2.7']],
    ['golang:1.24-alpine', ['Go 1.24']],
    ['golang:1.19', ['Go 1.19']],
    ['php:8.1-fpm', ['PHP 8.1']],
    ['node:22-buster', ['Debian 10 (buster)']],
    ['debian:bullseye-slim', ['Debian 11 (bullseye)']],
    ['ubuntu:20.04', ['Ubuntu 20.04 (focal)']],
    ['alpine:3.18', ['Alpine Linux 3.18']],
    ['python:3.12-alpine3.19', ['Alpine Linux 3.19']],
    ['gcr.io/distroless/base-debian10', ['Debian 10 (buster)']],
  ])('%s is past its end of life', (reference, expected) => {
    expect(eol(reference)).toEqual(expected);
  });

  it.each(['node:22', 'node:24-slim', 'node:lts', 'node', 'python:3.13', 'python:3.11-slim-bookworm', 'golang:1.26', 'golang:1', 'alpine:3.22', 'ubuntu:24.04', 'debian:bookworm', 'eclipse-temurin:21-jre', 'postgres:17', 'mycompany/node:16'])(
    '%s is supported (or unknown)',
    (reference) => {
      expect(eol(reference)).toEqual([]);
    },
  );
});

describe('smaller variants, spelled the way each image spells them', () => {
  const smaller = (reference: string) => smallerVariant(parseImageRef(reference))?.tag ?? null;
  it.each([
    ['node:20', '20-slim'],
    ['node:20-bookworm', '20-bookworm-slim'],
    ['node:lts', 'lts-slim'],
    ['python:3.12', '3.12-slim'],
    ['python:3.12-bookworm', '3.12-slim-bookworm'],
    ['ruby:3.3-bookworm', '3.3-slim-bookworm'],
    ['debian:bookworm', 'bookworm-slim'],
    ['debian:12', '12-slim'],
    ['php:8.3-fpm', '8.3-fpm-alpine'],
    ['php:8.3-fpm-bookworm', '8.3-fpm-alpine'],
    ['nginx:1.27', '1.27-alpine'],
    ['eclipse-temurin:21', '21-jre'],
    ['eclipse-temurin:21-jdk-noble', '21-jre-noble'],
    ['eclipse-temurin:17-jdk-alpine', '17-jre-alpine'],
  ])('%s → %s', (reference, tag) => {
    expect(smaller(reference)).toBe(tag);
  });

  it.each(['node:20-slim', 'node:20-alpine', 'python:3.12-windowsservercore-ltsc2022', 'php:8.3-apache', 'nginx:1.27-perl', 'postgres:17', 'golang:1.26', 'ubuntu:24.04', 'eclipse-temurin:21-jre', 'node:20-onbuild'])(
    '%s has none the rule would propose',
    (reference) => {
      expect(smaller(reference)).toBeNull();
    },
  );

  it('keeps ARGs and registries when rewriting the reference', () => {
    const args = new Map([
      ['NODE_VERSION', '22'],
      ['PY', '3.12'],
      ['TAG', '3.12-bookworm'],
    ]);
    const retag = (raw: string) => {
      const image = parseImageRef(raw, args);
      const variant = smallerVariant(image);
      return variant ? retagRaw(image, variant.tag) : null;
    };
    expect(retag('node:${NODE_VERSION}')).toBe('node:${NODE_VERSION}-slim');
    expect(retag('python:${PY}-bookworm')).toBe('python:${PY}-slim-bookworm');
    expect(retag('python:${TAG}')).toBeNull();
    expect(retag('mirror.gcr.io/library/node:22')).toBe('mirror.gcr.io/library/node:22-slim');
    expect(retag('node:22@sha256:0000000000000000000000000000000000000000000000000000000000000000')).toBeNull();
  });
});

describe('deprecated images', () => {
  const replacement = (reference: string) => deprecationOf(parseImageRef(reference))?.replacement;
  it.each([
    ['openjdk:11-jre-slim', 'eclipse-temurin:11-jre'],
    ['openjdk:17', 'eclipse-temurin:17-jdk'],
    ['openjdk:8u342-jdk-alpine', 'eclipse-temurin:8-jdk-alpine'],
    ['java:8-jre', 'eclipse-temurin:8-jre'],
    ['adoptopenjdk:11-jre-hotspot', 'eclipse-temurin:11-jre'],
    ['adoptopenjdk/openjdk11:jre-11.0.11_9-alpine', 'eclipse-temurin:11-jre-alpine'],
    ['centos', 'almalinux:8'],
    ['centos:8', 'almalinux:8'],
    ['centos:7', null],
    ['openjdk:13', null],
    ['adoptopenjdk:11-jre-openj9', null],
    ['openjdk:17-windowsservercore', null],
  ])('%s → %s', (reference, expected) => {
    expect(replacement(reference)).toBe(expected);
  });

  it('reports the -onbuild variants without a replacement', () => {
    expect(deprecationOf(parseImageRef('node:8-onbuild'))?.replacement).toBeNull();
    expect(deprecationOf(parseImageRef('eclipse-temurin:21'))).toBeNull();
  });
});

describe('images that do not run as root', () => {
  it.each([
    ['gcr.io/distroless/static-debian12:nonroot', true],
    ['gcr.io/distroless/static-debian12', false],
    ['bitnami/postgresql:16', true],
    ['bitnami/minideb:bookworm', false],
    ['cgr.dev/chainguard/node:latest', true],
    ['cgr.dev/chainguard/node:latest-dev', true],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled', true],
    ['node:22', false],
  ])('%s → %s', (reference, expected) => {
    expect(runsAsNonRoot(parseImageRef(reference))).toBe(expected);
  });
});

describe('FROM references through the model', () => {
  function fromImages(text: string) {
    return buildModel(new Source(text)).stages.map((stage) => stage.from?.from);
  }

  it('reads registries with ports, digests and --platform', () => {
    const [from] = fromImages('FROM --platform=linux/arm64 registry.example.com:5000/team/node:22-bookworm@sha256:abcd AS base\n');
    expect(from?.platform?.value).toBe('linux/arm64');
    expect(from?.image).toMatchObject({ registry: 'registry.example.com:5000', repository: 'team/node', tag: '22-bookworm', digest: 'sha256:abcd' });
    expect(imageFacts(from!.image)).toBeNull();
    expect(parseTag(from?.image.tag ?? null).release?.codename).toBe('bookworm');
  });

  it('resolves ARG-templated references with their defaults', () => {
    const [from] = fromImages('ARG NODE_VERSION=18\nARG VARIANT=alpine\nFROM node:${NODE_VERSION}-${VARIANT}\n');
    expect(from?.image).toMatchObject({ raw: 'node:${NODE_VERSION}-${VARIANT}', resolved: 'node:18-alpine', unresolved: false });
    expect(endOfLife(from!.image).map((finding) => finding.what)).toEqual(['Node.js 18']);
  });

  it('leaves references with unknown variables alone', () => {
    const [from] = fromImages('ARG BASE\nFROM ${BASE}\n');
    expect(from?.image.unresolved).toBe(true);
    expect(imageFacts(from!.image)).toBeNull();
    expect(endOfLife(from!.image)).toEqual([]);
  });

  it('matches official images pulled through a library mirror', () => {
    const [from] = fromImages('FROM public.ecr.aws/docker/library/python:3.8-slim\n');
    expect(imageFacts(from!.image)?.name).toBe('python');
    expect(endOfLife(from!.image)[0]?.what).toBe('Python 3.8');
  });
});
