import { describe, expect, it } from 'vitest';
import { lintWith, specTable } from './spec-table.js';

// hadolint's `allowedRegistries` is dockfix's `trustedRegistries` option; each group shares one setting.
specTable('DL3026', 'untrusted-registry', [['empty allowed registries', 'FROM random.com/debian', false]]);
specTable('DL3026', 'untrusted-registry', [['non-allowed registry', 'FROM random.com/debian', true]], { trustedRegistries: ['docker.io'] });
specTable('DL3026', 'untrusted-registry', [
  ['allowed registries', 'FROM random.com/debian', false],
  ['scratch image', 'FROM scratch', false],
], { trustedRegistries: ['x.com', 'random.com'] });
const hub = 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n';
specTable('DL3026', 'untrusted-registry', [['all forms of docker.io', hub, false]], { trustedRegistries: ['docker.io'] });
specTable('DL3026', 'untrusted-registry', [['previous stages', 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', false]], { trustedRegistries: ['random.com'] });
specTable('DL3026', 'untrusted-registry', [['non-allowed wildcard registry', 'FROM x.com/debian', true]], { trustedRegistries: ['*.random.com'] });
specTable('DL3026', 'untrusted-registry', [['allowed wildcard registries', 'FROM foo.random.com/debian', false]], { trustedRegistries: ['x.com', '*.random.com'] });
specTable('DL3026', 'untrusted-registry', [['* registry', hub, false]], { trustedRegistries: ['*'] });
specTable('DL3026', 'untrusted-registry', [
  ['copy from untrusted registry', 'COPY --from=untrusted.com/repo/image:tag /foo /bar', true],
  ['copy from trusted registry', 'COPY --from=trusted.com/repo/image:tag /foo /bar', false],
  ['run with bind mount from untrusted registry', 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar', true],
  ['run with cache mount from untrusted registry', 'RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar', true],
  ['run with bind mount from trusted registry', 'RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar', false],
  ['run with cache mount from trusted registry', 'RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar', false],
], { trustedRegistries: ['trusted.com'] });

describe('hadolint DL3026 spec → untrusted-registry (counts)', () => {
  it('distrusts all forms of docker.io when trusted registries are given: 3 reports', () => {
    expect(lintWith('DL3026', hub, { trustedRegistries: ['trusted.com'] })).toHaveLength(3);
  });
});
