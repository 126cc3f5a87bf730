/** A base image reference from `FROM`, split the way the Docker reference grammar splits it. */
export interface ImageRef {
  /** The text as written, before ARG substitution. */
  readonly raw: string;
  /** The text after substituting global ARG defaults; equal to `raw` when nothing was substituted. */
  readonly resolved: string;
  /** True when a variable in the reference has no known value, so the parts below are partial. */
  readonly unresolved: boolean;
  /** Registry host (with port) when one is written, e.g. `ghcr.io` or `localhost:5000`. */
  readonly registry: string | null;
  /** Repository path without registry, e.g. `node`, `library/node` or `bitnami/redis`. */
  readonly repository: string;
  /** Repository path with `library/` and the Docker Hub host stripped, for matching official images. */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
  /** True for `scratch`. */
  readonly scratch: boolean;
}

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Parses an image reference such as `ghcr.io:443/org/app:1.2@sha256:…`.
 * `variables` maps ARG names to values for `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alt}`.
 */
export function parseImageRef(raw: string, variables: ReadonlyMap<string, string | undefined> = new Map()): ImageRef {
  const { text: resolved, unresolved } = substituteVariables(raw, variables);
  let rest = resolved;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  const repository = rest;
  const onHub = registry === null || DOCKER_HUB_HOSTS.has(registry);
  const name = onHub && repository.startsWith('library/') ? repository.slice('library/'.length) : repository;
  return {
    raw,
    resolved,
    unresolved,
    registry,
    repository,
    name: onHub ? name : `${registry}/${repository}`,
    tag,
    digest,
    scratch: resolved === 'scratch',
  };
}

/** Substitutes `$VAR` / `${VAR…}` the way the Dockerfile frontend does for FROM (a subset of shell expansion). */
export function substituteVariables(
  text: string,
  variables: ReadonlyMap<string, string | undefined>,
): { text: string; unresolved: boolean } {
  let unresolved = false;
  const out = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (match, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = (braced ?? bare) as string;
      const value = variables.get(name);
      const isSet = variables.has(name) && value !== undefined;
      const nonEmpty = isSet && value !== '';
      switch (operator) {
        case ':-':
          return nonEmpty ? (value as string) : (word ?? '');
        case '-':
          return isSet ? (value as string) : (word ?? '');
        case ':+':
          return nonEmpty ? (word ?? '') : '';
        case '+':
          return isSet ? (word ?? '') : '';
        default:
          if (!isSet) {
            unresolved = true;
            return match;
          }
          return value as string;
      }
    },
  );
  return { text: out, unresolved };
}
