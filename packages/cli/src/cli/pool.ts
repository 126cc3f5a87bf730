// A pool of worker threads for `--jobs`: each worker checks one file at a time, so a slow file
// never holds up a queue behind it and a crash costs exactly the file being checked.
import { Worker } from 'node:worker_threads';
import type { CheckOutcome, CheckTask } from './check-file.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './worker.js';

// worker.js sits beside this module both in dist/cli/ and in the bundle (scripts/bundle-cli.mjs).
const WORKER_URL = new URL('./worker.js', import.meta.url);

interface Pending {
  readonly id: number;
  readonly task: CheckTask;
  readonly resolve: (outcome: CheckOutcome) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: Pending | null;
}

export class CheckPool {
  private readonly queue: Pending[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly size: number, private readonly setup: WorkerSetup) {}

  /** Checks a task in a worker; resolves (never rejects) with its outcome, or a worker-crash outcome. */
  run(task: CheckTask): Promise<CheckOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      if (this.slots.size < this.size) this.spawn();
      else this.dispatch();
    });
  }

  /** Stops the workers; call once every task has resolved. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_URL, { workerData: this.setup });
    const slot: Slot = { worker, busy: null };
    this.slots.add(slot);
    worker.on('message', (response: WorkerResponse) => {
      const done = slot.busy;
      if (!done || done.id !== response.id) return;
      slot.busy = null;
      done.resolve(response.outcome);
      this.dispatch();
    });
    const lost = (reason: string) => {
      if (!this.slots.delete(slot)) return;
      const done = slot.busy;
      slot.busy = null;
      done?.resolve({ kind: 'worker-crash', message: reason });
      // The other files still get checked, by a fresh worker.
      if (!this.closed && this.queue.length > 0) this.spawn();
    };
    worker.on('error', (error) => {
      lost(error instanceof Error ? error.message : String(error));
      void worker.terminate();
    });
    worker.on('exit', (code) => lost(`the worker thread exited with code ${code}`));
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = next;
      slot.worker.postMessage({ id: next.id, task: next.task } satisfies WorkerRequest);
    }
  }
}
