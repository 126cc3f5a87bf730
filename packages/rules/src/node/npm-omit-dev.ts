import { defineRule, type Stage } from '@dockfix/core';
import { baseImageOf, isOfficialNode, nodeMajor } from '../lib/images.js';
import { CI_ALIASES, INSTALL_ALIASES, parseNpm, subcommandName, type NpmFlag } from '../lib/npm.js';

/** The deprecated spellings of "leave out devDependencies": `--production`, `--only=prod[uction]`. */
function isDeprecatedOmitDev(flag: NpmFlag): boolean {
  if (flag.dynamic) return false;
  if (flag.name === 'production') return flag.value === null || flag.value === 'true';
  return flag.name === 'only' && (flag.value === 'production' || flag.value === 'prod');
}

/**
 * Whether the stage's npm understands `--omit=dev` (npm ≥ 7, bundled with Node.js ≥ 15): `yes` for the
 * official `node` image with a major version of 15 or more or a tag without one (`lts`, `alpine`),
 * `no` for an official `node` image of Node.js 14 or older, `unknown` otherwise.
 */
export function supportsOmitDev(stage: Stage): 'yes' | 'no' | 'unknown' {
  const { image, templated } = baseImageOf(stage);
  if (templated || !isOfficialNode(image)) return 'unknown';
  const major = nodeMajor(image);
  if (major === 'newest' || (major !== null && major >= 15)) return 'yes';
  return major === null ? 'unknown' : 'no';
}

export default defineRule({
  meta: {
    id: 'npm-omit-dev',
    category: 'node',
    severity: 'warning',
    description: 'Use `--omit=dev` instead of the deprecated `--production` / `--only=production`',
    fix: 'safe',
    docs: {
      rationale: [
        'Since npm 7, `--production` and `--only=production` are deprecated aliases of `--omit=dev`; npm prints',
        '`npm WARN config production Use --omit=dev instead` on every build, and later npm majors may drop',
        'them. `--omit=dev` says the same thing in the spelling npm documents.',
        '',
        'The rule checks `npm install`, `npm i`, `npm ci` and `npm prune`. `--production=false` (which keeps',
        'devDependencies) is left alone, and so is Yarn, whose `--production` is not deprecated.',
      ].join('\n'),
      invalid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --only=production\n',
        'FROM node:lts\nRUN npm run build && npm prune --production\n',
      ],
      valid: [
        'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n',
        'FROM node:20\nRUN npm install --production=false\n',
        'FROM node:20\nRUN yarn install --production\n',
      ],
      fixNotes: [
        'Safe only when npm is known to be 7 or newer: the stage builds (directly or through `FROM <stage>`)',
        'on the official `node` image with a tag of Node.js 15 or newer, or a tag with no version (`lts`,',
        '`current`, `alpine`, no tag). npm 6 (Node.js ≤ 14) does not know `--omit=dev` and would install',
        'devDependencies, so on an official `node` image of Node.js 14 or older the rule stays quiet (there',
        '`--production` is the right spelling; `eol-base-image` reports the old Node.js), and for unknown or',
        'ARG-templated base images the same rewrite is offered as an unsafe fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script || !run.stage) return;
        const support = supportsOmitDev(run.stage);
        // npm 6 (Node.js ≤ 14) does not know `--omit=dev`: there `--production` is the right spelling (W5).
        if (support === 'no') return;
        for (const command of script.commands) {
          const npm = parseNpm(command);
          const name = npm && subcommandName(npm);
          if (!npm || name === null || !(INSTALL_ALIASES.has(name) || CI_ALIASES.has(name) || name === 'prune')) continue;
          const hasOmitDev = npm.flags.some((flag) => flag.name === 'omit' && flag.value === 'dev');
          let replaced = hasOmitDev;
          let replacedHere = false;
          for (const flag of npm.flags) {
            if (!isDeprecatedOmitDev(flag)) continue;
            const first = flag.words[0];
            const lastWord = flag.words.at(-1);
            if (!first || !lastWord) continue;
            const written = ctx.source.slice({ start: first.range.start, end: lastWord.range.end });
            // Only one deprecated flag becomes `--omit=dev`; any others (and duplicates) are deleted with their leading space.
            const edit = replaced
              ? ctx.fix.replaceRange(precedingSpace(ctx.source.text, first.range.start), lastWord.range.end, '')
              : ctx.fix.replaceRange(first.range.start, lastWord.range.end, '--omit=dev');
            const action = !edit.text
              ? `Remove \`${written}\` (${replacedHere ? 'an earlier flag becomes' : 'the command already has'} \`--omit=dev\`)`
              : `Replace \`${written}\` with \`--omit=dev\``;
            replacedHere ||= !replaced;
            replaced = true;
            ctx.report({
              node: { start: first.range.start, end: lastWord.range.end },
              message: `\`${written}\` is deprecated since npm 7; use \`--omit=dev\``,
              ...(support === 'yes' ? {} : { help: 'Unsafe: npm 6 (Node.js 14 and older) ignores `--omit=dev` and installs devDependencies; this base image may have it.' }),
              fix: {
                title: support === 'yes' ? action : `${action} (needs npm 7 or newer; npm 6 would install devDependencies)`,
                edits: [edit],
                safety: support === 'yes' ? 'safe' : 'unsafe',
              },
            });
          }
        }
      },
    };
  },
});

/** Where the blanks before `offset` start, so that deleting a word does not leave a double space. */
function precedingSpace(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start;
}
