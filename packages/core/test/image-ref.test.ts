import { describe, expect, it } from 'vitest';
import { parseImageRef, substituteVariables } from '@dockfix/core';

describe('parseImageRef', () => {
  it.each([
    ['node', { registry: null, repository: 'node', name: 'node', tag: null, digest: null }],
    ['node:20-alpine', { registry: null, repository: 'node', name: 'node', tag: '20-alpine', digest: null }],
    ['library/python:3.12-slim', { registry: null, repository: 'library/python', name: 'python', tag: '3.12-slim', digest: null }],
    ['docker.io/library/redis:7', { registry: 'docker.io', repository: 'library/redis', name: 'redis', tag: '7', digest: null }],
    ['bitnami/redis', { registry: null, repository: 'bitnami/redis', name: 'bitnami/redis', tag: null, digest: null }],
    ['localhost:5000/app:1.2', { registry: 'localhost:5000', repository: 'app', name: 'localhost:5000/app', tag: '1.2', digest: null }],
    ['registry.example.com:8443/team/app', { registry: 'registry.example.com:8443', repository: 'team/app', name: 'registry.example.com:8443/team/app', tag: null, digest: null }],
    [
      'gcr.io/distroless/static@sha256:abc',
      { registry: 'gcr.io', repository: 'distroless/static', name: 'gcr.io/distroless/static', tag: null, digest: 'sha256:abc' },
    ],
    ['node:20@sha256:def', { registry: null, repository: 'node', name: 'node', tag: '20', digest: 'sha256:def' }],
  ])('splits %s', (raw, expected) => {
    expect(parseImageRef(raw)).toMatchObject({ raw, resolved: raw, unresolved: false, ...expected });
  });

  it('recognises scratch', () => {
    expect(parseImageRef('scratch').scratch).toBe(true);
  });

  it('substitutes ARG defaults, with ${VAR:-default} forms', () => {
    const args = new Map([
      ['NODE_VERSION', '20'],
      ['EMPTY', ''],
    ]);
    expect(parseImageRef('node:${NODE_VERSION}-alpine', args)).toMatchObject({ resolved: 'node:20-alpine', tag: '20-alpine', unresolved: false });
    expect(parseImageRef('node:$NODE_VERSION', args).tag).toBe('20');
    expect(parseImageRef('python:${PY:-3.12}-slim', args).tag).toBe('3.12-slim');
    expect(parseImageRef('x:${EMPTY:-d}', args).tag).toBe('d');
    expect(parseImageRef('x:${EMPTY-d}', args).tag).toBe(null);
    expect(parseImageRef('x:${NODE_VERSION:+set}', args).tag).toBe('set');
  });

  it('marks references with unknown variables as unresolved', () => {
    const ref = parseImageRef('${REGISTRY}/app:${TAG}', new Map([['TAG', undefined]]));
    expect(ref.unresolved).toBe(true);
  });

  it('leaves text without variables alone', () => {
    expect(substituteVariables('plain', new Map())).toEqual({ text: 'plain', unresolved: false });
  });
});
