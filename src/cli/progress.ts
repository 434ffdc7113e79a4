/**
 * A progress line on a terminal's stderr: articles, MB, articles/s and, when the input size is
 * known, an ETA. Never drawn on a pipe or with --quiet. Redrawn at most 10 times a second.
 */
import { statSync } from 'node:fs';
import type { CliIO } from './context.js';

export class Progress {
  private readonly t0 = Date.now();
  private articles = 0;
  private bytes = 0;
  /** Total input size when known (files only; null with stdin). */
  readonly totalBytes: number | null;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly io: CliIO, private readonly enabled: boolean, files: string[]) {
    let total: number | null = 0;
    for (const f of files) {
      if (f === '-') {
        total = null;
        break;
      }
      try {
        total += statSync(f).size;
      } catch {
        /* reported when read */
      }
    }
    this.totalBytes = total;
  }

  tick(bytes: number): void {
    this.articles++;
    this.bytes += bytes;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const s = Math.max(0.001, (now - this.t0) / 1000);
    const rate = this.bytes / s;
    let line = `  ${this.articles} articles · ${(this.bytes / 1e6).toFixed(1)} MB · ${(this.articles / s).toFixed(0)} articles/s`;
    if (this.totalBytes) {
      const frac = Math.min(1, this.bytes / this.totalBytes);
      const width = 24;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const eta = rate > 0 ? Math.max(0, (this.totalBytes - this.bytes) / rate) : 0;
      line = `  ${bar} ${(frac * 100).toFixed(0)}%${line} · ETA ${formatSeconds(eta)}`;
    }
    this.io.stderrRaw?.(`\r${line}\u001b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) {
      this.io.stderrRaw?.('\r\u001b[K');
      this.drawn = false;
    }
  }

  elapsed(): string {
    return `${((Date.now() - this.t0) / 1000).toFixed(1)} s`;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
