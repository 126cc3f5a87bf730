#!/usr/bin/env node
// Writes packages/cli/config.schema.json, the JSON Schema of dockfix config files, from the built
// rules' metadata (`npm run docs` runs it after the build). A test fails when the file is stale.
//
//   node scripts/generate-config-schema.mjs           write it
//   node scripts/generate-config-schema.mjs --check   write nothing; exit 1 when it is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = join(ROOT, 'packages/cli/config.schema.json');

/** The schema file's text for the rules built in packages/rules/dist. */
export async function renderSchema() {
  const { configJsonSchema } = await import(pathToFileURL(join(ROOT, 'packages/core/dist/index.js')).href);
  const { rules } = await import(pathToFileURL(join(ROOT, 'packages/rules/dist/index.js')).href);
  return `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = await renderSchema();
  let current = '';
  try {
    current = readFileSync(SCHEMA_PATH, 'utf8');
  } catch {}
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('packages/cli/config.schema.json is stale: run `npm run docs`');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, text);
    console.log(`packages/cli/config.schema.json: ${current === text ? 'up to date' : 'written'}`);
  }
}
