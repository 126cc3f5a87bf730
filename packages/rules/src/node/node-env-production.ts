import { defineRule, type ImageRef } from '@dockfix/core';
import { insertLinesAfter, keywordCase } from '../lib/edits.js';
import { baseImageOf, officialName, stageChain } from '../lib/images.js';
import { keyValues } from '../lib/properties.js';

/** Images that run Node.js: the official image (and mirrors of it), distroless and Chainguard Node.js. */
export function isNodeRuntime(image: ImageRef): boolean {
  const name = officialName(image);
  return name === 'node' || /^gcr\.io\/distroless\/nodejs\d*(-debian\d+)?$/.test(name) || name === 'cgr.dev/chainguard/node';
}

/** Commands that start a development server or a test run, where NODE_ENV=production would be wrong. */
const DEVELOPMENT = /\b(dev|develop|development|nodemon|watch|test|tests|jest|vitest|mocha|storybook|start:dev)\b/;

export default defineRule({
  meta: {
    id: 'node-env-production',
    category: 'node',
    severity: 'info',
    description: 'Set `NODE_ENV=production` in the stage that runs the Node.js app',
    fix: 'unsafe',
    docs: {
      rationale: [
        'Many Node.js libraries switch behaviour on `NODE_ENV`. Express caches view templates and stops',
        'sending stack traces to clients only when it is `production` (its documentation measures about 3x',
        'the throughput from the template cache alone); React, Vue and many loggers drop development-only',
        'checks; and npm (`npm ci`, `npm install`) leaves devDependencies out when it is set. An image that',
        'does not set it runs the app in development mode by default.',
        '',
        'The rule reports the final stage when it is based on a Node.js image (`node`, distroless or',
        'Chainguard Node.js), starts something with CMD or ENTRYPOINT, and neither an ENV in the stage (or',
        'the stages it builds on) nor the command line sets `NODE_ENV`. Commands that look like a',
        'development server or a test run (`npm run dev`, `nodemon`, `--watch`, `jest`) are left alone.',
      ].join('\n'),
      invalid: [
        'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM node:24-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:24-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
      ],
      valid: [
        'FROM node:24-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npm", "run", "dev"]\n',
        'FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n',
      ],
      fixNotes: [
        'Unsafe: the app and its libraries may behave differently (less logging, cached templates, no',
        'development checks), and npm commands that run after the new line leave devDependencies out. The',
        'fix inserts `ENV NODE_ENV=production` after the last RUN of the final stage (or right after its',
        'FROM when it has no RUN), so the image\'s build steps still run as before.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const final = ctx.model.stages.at(-1);
        // A fragment's implicit stage has no FROM to point at, nor a known base image.
        if (!final?.from || final.windows) return;
        const finalFrom = final.from;
        const { image } = baseImageOf(final);
        if (!isNodeRuntime(image)) return;
        const chain = stageChain(final);
        const instructions = chain.flatMap((stage) => stage.instructions);
        const starts = instructions.filter((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT');
        if (starts.length === 0) return;
        if (starts.some((instruction) => DEVELOPMENT.test(ctx.source.slice(instruction.range)) || /NODE_ENV/.test(ctx.source.slice(instruction.range)))) return;
        const sets = instructions.some(
          (instruction) => instruction.keyword === 'ENV' && keyValues(ctx.source, instruction).some((pair) => pair.name === 'NODE_ENV'),
        );
        if (sets) return;
        const lastRun = final.instructions.filter((instruction) => instruction.keyword === 'RUN').at(-1);
        const line = `${keywordCase(final, ctx)('ENV')} NODE_ENV=production`;
        const edit = insertLinesAfter(ctx, lastRun ?? finalFrom, [line]);
        ctx.report({
          node: finalFrom.from.imageRange ?? finalFrom.range,
          message: 'The final stage runs a Node.js app without `NODE_ENV=production`, so Express, React and many other libraries run in development mode (slower, more verbose); add `ENV NODE_ENV=production`',
          ...(edit ? { fix: { title: `Add \`${line}\` ${lastRun ? 'after the last RUN' : 'after FROM'}`, edits: [edit], instructionDelta: 1 } } : {}),
        });
      },
    };
  },
});
