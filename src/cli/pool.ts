/**
 * A fixed pool of extraction workers. Batches go to the least busy worker; results come back
 * as promises the caller awaits in submission order, so output order never depends on timing.
 */
import { Worker } from 'node:worker_threads';
import type { Format } from '../io/formats.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { WorkItem, WorkResult } from './work.js';

// A small young generation keeps each worker's RSS about 15 MB lower at no measured cost: an
// article's garbage is short-lived, and scavenging 8 MB is as quick as 16.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

interface Slot {
  worker: Worker;
  busy: number;
  dead: boolean;
}

interface Pending {
  slot: Slot;
  resolve: (r: WorkResult[]) => void;
  reject: (e: Error) => void;
}

export interface PoolSetup {
  ruleSet: RuleSet;
  format: Format;
  bom?: boolean;
  color?: boolean;
  dedupe?: boolean;
  all?: boolean;
  emitText?: boolean;
}

export class ExtractPool {
  private readonly workers: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closing = false;

  /** `capped: false`: no heap cap (the worker that takes articles over 1 MB). */
  constructor(size: number, setup: PoolSetup, capped = true) {
    const file = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      // Capped generations keep each worker's resident memory small and flat: without a cap V8
      // lets the old generation grow far past what is live (measured: 285 → 215 MB peak RSS on
      // the bench corpus). Batches are small and huge articles stay on the main thread, so the
      // cap is never near; if a worker dies anyway, its batches are redone on the main thread.
      const worker = new Worker(file, { workerData: setup, ...(capped ? { resourceLimits: WORKER_LIMITS } : {}) });
      const slot: Slot = { worker, busy: 0, dead: false };
      worker.on('message', (msg: { id: number; results?: WorkResult[]; error?: string }) => {
        slot.busy--;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if (msg.error) p.reject(new Error(`worker failed: ${msg.error.split('\n')[0]}`));
        else p.resolve(msg.results!);
      });
      const fail = (e: Error) => {
        slot.dead = true;
        for (const [id, p] of this.pending) {
          if (p.slot !== slot) continue;
          this.pending.delete(id);
          p.reject(e);
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.closing) fail(new Error(`worker exited with code ${code}`));
      });
      this.workers.push(slot);
    }
  }

  /** Workers still running. */
  get alive(): number {
    return this.workers.filter((w) => !w.dead).length;
  }

  /** Sends a batch to the least busy live worker. Rejects if that worker dies first. */
  submit(items: WorkItem[]): Promise<WorkResult[]> {
    const live = this.workers.filter((w) => !w.dead);
    if (live.length === 0) return Promise.reject(new Error('no worker left'));
    const slot = live.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slot, resolve, reject });
      slot.worker.postMessage({ id, items });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
