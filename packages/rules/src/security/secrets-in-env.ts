import { defineRule, type Instruction } from '@dockfix/core';
import { keyValues } from '../lib/properties.js';

/** BuildKit's words (validations.go): a key with one of them as an `_`-delimited word looks like a secret… */
const SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/** …unless it also has one of these: `PUBLIC_KEY`, `PASSWORD_FILE` (Docker secrets' `_FILE` convention), `KEY_VERSION`. */
const ALLOWED_WORD = /(?:_|^)(?:public|file|version)(?:_|$)/i;
/** GPG/PGP key ids and fingerprints are public (the official images verify downloads with `ENV GPG_KEY …`). */
const PUBLIC_KEY_ID = /(?:_|^)(?:gpg|pgp)(?:_|$)/i;

/**
 * True for a value that is not a secret whatever its name: a number (`PASSWORD_MIN_LENGTH=8`), a path
 * (`TOKEN_PATH=/run/secrets/token`) or a URL without credentials in it (`TOKEN_URL=https://…`).
 */
export function isPlainSetting(value: string | null): boolean {
  if (value === null || value === '') return false;
  if (/^\d+(\.\d+)?[a-z]{0,2}$/i.test(value)) return true;
  if (/^(\/|\.\.?\/|~\/)[^\s]*$/.test(value)) return true;
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/i.exec(value);
  return url !== null && !(url[1] ?? '').includes('@');
}

/** True when an ARG or ENV name looks like it holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_WORD.test(name) && !ALLOWED_WORD.test(name) && !PUBLIC_KEY_ID.test(name);
}

export default defineRule({
  meta: {
    id: 'secrets-in-env',
    category: 'security',
    severity: 'warning',
    description: 'Pass secrets with `RUN --mount=type=secret`, not in ARG or ENV',
    fix: 'none',
    sources: [
      { tool: 'buildkit', rule: 'SecretsUsedInArgOrEnv', kind: 'same' },
      { tool: 'hadolint', rule: 'DL3064', kind: 'same' },
    ],
    docs: {
      rationale: [
        'ENV values are stored in the image config: `docker inspect` (and anyone who can pull the image) reads',
        'them. ARG values do not end up in the config, but they are recorded in the image history of every',
        'layer whose RUN used them (`docker history --no-trunc`) and in the build cache and provenance. A',
        'token passed as `--build-arg NPM_TOKEN=…` is therefore as public as the image.',
        '',
        'BuildKit mounts a secret for the length of one RUN without writing it to any layer or to the history:',
        '`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` with `docker build --secret',
        'id=npm_token,env=NPM_TOKEN .` (`env=` needs Dockerfile frontend 1.10; older frontends read the file',
        '`/run/secrets/npm_token`).',
        '',
        'Like BuildKit\'s SecretsUsedInArgOrEnv, the rule reports ARG and ENV names with an `_`-delimited word',
        '`apikey`, `auth`, `credential(s)`, `key`, `password`, `pword`, `passwd`, `secret` or `token` (any case),',
        'unless the name also has `public`, `file` or `version`. It also skips names with a `GPG`/`PGP` word,',
        'which the official images use for public key fingerprints (`ENV GPG_KEY …`), and values that cannot be',
        'secrets: numbers (`PASSWORD_MIN_LENGTH=8`, `SECRET_TTL=3600s`), paths (`API_KEY_PATH=/run/secrets/key`)',
        'and URLs without credentials (`TOKEN_URL=https://auth.example.com/token`; `https://user:pass@…` is reported).',
      ].join('\n'),
      invalid: ['FROM node:24-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n', 'FROM postgres:17\nENV POSTGRES_PASSWORD=hunter2\n'],
      valid: [
        'FROM node:24-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
        'FROM postgres:17\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n',
        'FROM python:3.13-slim\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n',
      ],
      fixNotes: 'No automatic fix: moving a secret to a secret mount changes how the build is invoked (`docker build --secret …`).',
    },
  },
  create(ctx) {
    const check = (instruction: Instruction) => {
      for (const pair of keyValues(ctx.source, instruction)) {
        if (!isSecretName(pair.name) || isPlainSetting(pair.value)) continue;
        const secretId = pair.name.toLowerCase();
        ctx.report({
          node: pair.nameRange,
          message:
            instruction.keyword === 'ENV'
              ? `\`ENV ${pair.name}\` stores a secret in the image config, readable by anyone who pulls it`
              : `\`ARG ${pair.name}\` is recorded in the image history of the layers that use it`,
          help: `Pass secrets with \`RUN --mount=type=secret,id=${secretId},env=${pair.name} …\` instead.`,
        });
      }
    };
    return { ARG: check, ENV: check };
  },
});
