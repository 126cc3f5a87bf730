import { defineRule, type Instruction, type Stage } from '@dockfix/core';
import { shippedStages } from '../lib/images.js';
import { workdirAt } from '../lib/stages.js';
import { TRAILING_SLASHES } from '../lib/text.js';

/** File names that hold credentials: registry tokens, SSH keys, dotenv files, private keys and certificates. */
const SECRET_NAME = /^(\.npmrc|\.netrc|\.pypirc|\.git-credentials|id_(rsa|dsa|ecdsa|ed25519)|\.env(\.[\w-]+)?|[^/]+\.(pem|key|p12|pfx))$/;

/** Public certificates: CA bundles and chains are meant to be shipped. */
const PUBLIC_CERT = /(^|[-_.])(ca|cacert|root|chain|fullchain|bundle|public|pub|cert|crt)([-_.]|$)/i;

/** The dotenv examples that hold no secrets by convention. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?)$/;

/** The last path segment, without a trailing slash. */
function baseOf(path: string): string {
  const trimmed = path.replace(TRAILING_SLASHES, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Where `source` lands: the destination itself, or inside it when it ends in `/` or several sources are copied. */
function landing(instruction: Instruction, source: string, dest: string, many: boolean): string {
  const workdir = workdirAt(instruction) ?? '/';
  const absolute = dest.startsWith('/') ? dest : `${workdir.replace(/\/$/, '')}/${dest === '.' || dest === './' ? '' : dest}`;
  return absolute.endsWith('/') || many ? `${absolute.replace(TRAILING_SLASHES, '')}/${baseOf(source)}` : absolute;
}

/** True when a shipped stage copies `path` out of `stage` (`COPY --from=<stage> <dir containing path>`). */
function shippedCopyOf(stage: Stage, path: string, shipped: ReadonlySet<Stage>, stages: readonly Stage[]): boolean {
  return stages.some(
    (other) =>
      shipped.has(other) &&
      other.instructions.some((instruction) => {
        if (instruction.keyword !== 'COPY' || instruction.json) return false;
        const from = instruction.flags.find((flag) => flag.name === 'from')?.value;
        if (!from || (from !== stage.name && from !== String(stage.index))) return false;
        return instruction.args.slice(0, -1).some((arg) => {
          const dir = arg.value.replace(TRAILING_SLASHES, '');
          return dir === '' || path === dir || path.startsWith(`${dir}/`);
        });
      }),
  );
}

export default defineRule({
  meta: {
    id: 'secret-file-copied',
    category: 'security',
    severity: 'warning',
    description: 'Do not COPY credential files (`.npmrc`, `.netrc`, `id_rsa`, `.env`, `*.pem`) into an image that ships',
    fix: 'none',
    docs: {
      rationale: [
        'Every file a COPY brings in is stored in that layer for good: `docker history`, `docker save` and anyone',
        'who can pull the image can read it, and a later `RUN rm .npmrc` only hides it in a new layer. A registry',
        'token in `.npmrc`, a `.netrc` password, an SSH key or a `.env` file copied into the final image (or into a',
        'builder stage whose directory the final stage copies) is a published secret.',
        '',
        'Mount the secret for the one RUN that needs it instead; it is never written to a layer:',
        '',
        '```dockerfile',
        'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
        '```',
        '',
        'and build with `docker build --secret id=npmrc,src=$HOME/.npmrc .`. SSH keys: `RUN --mount=type=ssh git clone …`',
        'with `docker build --ssh default`. Both need BuildKit. Copying the file into a builder stage that the final',
        'stage does not copy from is not reported (that layer is not shipped, though it stays in the build cache).',
        'Templates (`.env.example`, `.env.sample`) are not reported. There is no automatic fix: the build command',
        'has to change too.',
      ].join('\n'),
      invalid: [
        'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json .npmrc ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY id_rsa /src/id_rsa\nRUN go build -o /src/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /src /srv\n',
      ],
      valid: [
        'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM node:22-slim AS deps\nWORKDIR /app\nCOPY package.json package-lock.json .npmrc ./\nRUN npm ci --omit=dev\nFROM node:22-slim\nCOPY --from=deps /app/node_modules /app/node_modules\n',
        'FROM python:3.12-slim\nCOPY .env.example /app/.env.example\n',
      ],
    },
  },
  create(ctx) {
    const shipped = shippedStages(ctx.model.stages);
    const check = (instruction: Instruction): void => {
      const stage = instruction.stage;
      if (!stage || instruction.json || instruction.flags.some((flag) => flag.name === 'from')) return;
      const args = instruction.args;
      const dest = args.at(-1);
      if (!dest || args.length < 2) return;
      const sources = args.slice(0, -1);
      for (const source of sources) {
        const name = baseOf(source.value);
        if (!SECRET_NAME.test(name) || TEMPLATE.test(name) || source.value.includes('$')) continue;
        if (/\.pem$/i.test(name) && (PUBLIC_CERT.test(name.slice(0, -4)) || /ca-certificates|\/certs?\b/.test(dest.value))) continue;
        const path = landing(instruction, source.value, dest.value, sources.length > 1);
        const ships = shipped.has(stage) || shippedCopyOf(stage, path, shipped, ctx.model.stages);
        if (!ships) continue;
        ctx.report({
          node: source.range,
          message: `\`${name}\` is copied into a layer of the shipped image; anyone who pulls it can read it`,
          help: 'Mount it for the RUN that needs it instead: `RUN --mount=type=secret,id=…,target=…` (BuildKit).',
        });
      }
    };
    return { COPY: check, ADD: check };
  },
});
