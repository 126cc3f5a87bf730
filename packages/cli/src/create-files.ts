// Creates the files that fixes ask for beside a Dockerfile (`FixResult.createFiles`, e.g. the
// `.dockerignore` of missing-dockerignore). The fix engine only rewrites Dockerfile text; writing a
// second file is the CLI's job, done here so the `fix` command only has to call one function.
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FileCreation, FixResult } from '@dockfix/core';

/** What happened to one requested file. */
export interface CreatedFile {
  readonly path: string;
  readonly title: string;
  /** `created`; `exists` (left alone: never overwritten); `would-create` in a dry run; `failed`. */
  readonly outcome: 'created' | 'exists' | 'would-create' | 'failed';
  /** Why it failed, for the error message. */
  readonly reason?: string;
}

/**
 * Creates each requested file that does not exist yet, atomically with respect to an existing file
 * (`wx`: fails instead of overwriting, and on a symlink, even a dangling one, or a directory). A file
 * outside `directory` (the linted Dockerfile's) is refused: a rule may only add files beside the
 * Dockerfile. `dryRun` (for `--diff`/`--check`) only reports what would be created. Call it with
 * `result.createFiles` after the Dockerfile itself was written; the fix engine only lists unsafe files
 * when `fix` ran with `unsafe: true`.
 */
export async function createRequestedFiles(
  files: FixResult['createFiles'] | readonly FileCreation[],
  options: { readonly dryRun: boolean; readonly directory: string },
): Promise<CreatedFile[]> {
  const outcomes: CreatedFile[] = [];
  for (const file of files) {
    if (dirname(resolve(file.path)) !== resolve(options.directory)) {
      outcomes.push({ path: file.path, title: file.title, outcome: 'failed', reason: `it is not in the Dockerfile's directory (${options.directory}); dockfix only creates files beside the Dockerfile` });
      continue;
    }
    if (options.dryRun) {
      outcomes.push({ path: file.path, title: file.title, outcome: (await exists(file.path)) ? 'exists' : 'would-create' });
      continue;
    }
    try {
      const handle = await open(file.path, 'wx');
      try {
        await handle.writeFile(file.text, 'utf8');
      } finally {
        await handle.close();
      }
      outcomes.push({ path: file.path, title: file.title, outcome: 'created' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') outcomes.push({ path: file.path, title: file.title, outcome: 'exists' });
      else outcomes.push({ path: file.path, title: file.title, outcome: 'failed', reason: (error as Error).message });
    }
  }
  return outcomes;
}

async function exists(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    await handle.close();
    return true;
  } catch {
    return false;
  }
}
