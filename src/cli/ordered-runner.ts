/**
 * Runs `chiso extract` work items — in this thread, or batched to a pool of worker threads —
 * and hands every result back in input order, so the output never depends on timing.
 *
 *  - Workers start lazily: once `startAfterBytes` of input have been submitted (a worker needs
 *    about a second to start and warm up, so small runs are faster in one thread).
 *  - Huge items (over 1 MB) go to one more worker without a memory cap, with any job count, so
 *    this thread stays free to act on Ctrl-C and kill at once (one large article used to hold
 *    it for seconds); if that worker cannot run, they are done here.
 *  - If a worker dies, its batches are redone here (`onWorkerLost` is told once).
 *  - At most `jobs × IN_FLIGHT_PER_WORKER` batches are pending, which bounds memory.
 */
import { ExtractPool, type PoolSetup } from './pool.js';
import { doWork, type WorkContext, type WorkItem, type WorkResult } from './work.js';

/** Articles per batch, and batches queued per worker. */
const BATCH_ARTICLES = 16;
const BATCH_BYTES = 256 * 1024;
const IN_FLIGHT_PER_WORKER = 2;
/** Items larger than this are done on this thread. */
const LARGE_ITEM_BYTES = 1024 * 1024;

export interface RunnerOptions {
  /** Worker threads; 1 runs everything on this thread. */
  jobs: number;
  /** Start the workers once this many bytes were submitted (0: at once). */
  startAfterBytes: number;
  setup: PoolSetup;
  local: WorkContext;
  /** Called for each result, in input order. May throw (to stop the run). */
  onResult: (r: WorkResult) => void;
  onWorkerLost: () => void;
  /** false: extract large items on this thread too (tests, and callers without workers). */
  offThread?: boolean;
}

export class OrderedRunner {
  private pool: ExtractPool | null = null;
  private solo: ExtractPool | null = null;
  private readonly pending: Promise<WorkResult[]>[] = [];
  private batch: WorkItem[] = [];
  private batchBytes = 0;
  private bytesSeen = 0;
  private workerLost = false;

  constructor(private readonly opts: RunnerOptions) {
    if (opts.jobs > 1 && opts.startAfterBytes === 0) this.pool = new ExtractPool(opts.jobs, opts.setup);
  }

  private get slots(): number {
    return this.opts.jobs * IN_FLIGHT_PER_WORKER;
  }

  async submit(item: WorkItem, bytes: number): Promise<void> {
    this.bytesSeen += bytes;
    if (!this.pool && this.opts.jobs > 1 && this.bytesSeen > this.opts.startAfterBytes) this.pool = new ExtractPool(this.opts.jobs, this.opts.setup);
    if (bytes > LARGE_ITEM_BYTES && this.opts.offThread !== false) {
      await this.flush();
      this.solo ??= new ExtractPool(1, this.opts.setup, false);
      this.pending.push(this.solo.alive > 0 ? this.solo.submit([item]).catch(() => this.redo([item])) : Promise.resolve(this.runHere([item])));
      return this.drain(this.slots);
    }
    if (!this.pool) {
      if (this.pending.length === 0) return this.opts.onResult(doWork(item, this.opts.local)); // nothing pending: order holds
      this.pending.push(Promise.resolve(this.runHere([item])));
      return this.drain(this.slots);
    }
    this.batch.push(item);
    this.batchBytes += bytes;
    if (this.batch.length >= BATCH_ARTICLES || this.batchBytes >= BATCH_BYTES) await this.flush();
  }

  /** Sends what is batched and waits for every result. */
  async finish(): Promise<void> {
    await this.flush();
    await this.drain(0);
  }

  async close(): Promise<void> {
    await Promise.all([this.pool?.close(), this.solo?.close()]);
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    const pool = this.pool;
    this.pending.push(pool && pool.alive > 0 ? pool.submit(items).catch(() => this.redo(items)) : Promise.resolve(this.runHere(items)));
    await this.drain(this.slots);
  }

  private redo(items: WorkItem[]): WorkResult[] {
    if (!this.workerLost) this.opts.onWorkerLost();
    this.workerLost = true;
    return this.runHere(items);
  }

  private runHere(items: WorkItem[]): WorkResult[] {
    return items.map((item) => doWork(item, this.opts.local));
  }

  private async drain(keep: number): Promise<void> {
    while (this.pending.length > keep) for (const r of await this.pending.shift()!) this.opts.onResult(r);
  }
}
