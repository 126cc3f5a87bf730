// The worker thread of `--jobs`: checks the files the main thread sends, one at a time. It resolves
// each file's configuration itself, with the same command-line settings, so JavaScript configs and
// plugins load here exactly as they do in the main thread (a plugin's top-level code runs once per
// worker); a Config holding functions never has to cross a thread boundary.
import { parentPort, workerData } from 'node:worker_threads';
import { builtinLinter } from '../index.js';
import { checkFile, type CheckOutcome, type CheckTask } from './check-file.js';
import { SettingsResolver, type CliSettings } from './settings.js';

/** What the pool passes to each worker. */
export interface WorkerSetup {
  readonly cwd: string;
  readonly cli: CliSettings;
}

/** One message from the pool: a task and its number, echoed in the answer. */
export interface WorkerRequest {
  readonly id: number;
  readonly task: CheckTask;
}

export interface WorkerResponse {
  readonly id: number;
  readonly outcome: CheckOutcome;
}

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  const resolver = new SettingsResolver(setup.cli, setup.cwd, builtinLinter.rules);
  port.on('message', (request: WorkerRequest) => {
    void (async () => {
      let outcome: CheckOutcome;
      try {
        outcome = await checkFile(await resolver.forPath(request.task.settingsPath), request.task);
      } catch (error) {
        // The main thread resolved the same configuration before: this is a file changed meanwhile.
        outcome = { kind: 'internal-error', message: `the configuration could not be loaded in a worker thread: ${error instanceof Error ? error.message : String(error)}` };
      }
      port.postMessage({ id: request.id, outcome } satisfies WorkerResponse);
    })();
  });
}
