/**
 * A fixed pool of extraction workers. Batches go to the least busy worker; results come back
 * as promises the caller awaits in submission order, so output order never depends on timing.
 */
import { Worker } from 'node:worker_threads';
import type { Format } from '../io/formats.js';
import type { WorkItem, WorkResult } from './work.js';

interface Pending {
  resolve: (r: WorkResult[]) => void;
  reject: (e: Error) => void;
}

export interface PoolSetup {
  rulesDir: string;
  format: Format;
  bom?: boolean;
  color?: boolean;
  dedupe?: boolean;
  all?: boolean;
  emitText?: boolean;
}

export class ExtractPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number, setup: PoolSetup) {
    const file = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      // A small young generation keeps each worker's resident memory modest (RSS stays flat).
      const worker = new Worker(file, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      const slot = { worker, busy: 0 };
      worker.on('message', (msg: { id: number; results?: WorkResult[]; error?: string }) => {
        slot.busy--;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if (msg.error) p.reject(new Error(`worker failed: ${msg.error.split('\n')[0]}`));
        else p.resolve(msg.results!);
      });
      worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(slot);
    }
  }

  /** Batches submitted and not yet answered. */
  get busy(): number {
    return this.workers.reduce((n, w) => n + w.busy, 0);
  }

  submit(items: WorkItem[]): Promise<WorkResult[]> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, items });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
