#!/usr/bin/env node
// Benchmark: generates a JSONL corpus from the fixtures (numbers and sentence order varied),
// runs the real CLI on it, and prints MB/s, articles/s, records/s and peak RSS — next to a
// baseline that only parses the JSONL lines and finds the numbers, in this same process.
//
//   npm run bench                      # 200 MB corpus, --jobs = cores
//   npm run bench -- --mb 50 --jobs 2  # other sizes; several: --mb 50,200
//   npm run bench -- --dense           # twice the numbers per KB of real articles (stress case)
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run bench -- [--mb 200[,50,...]] [--jobs N] [--dense]\n' +
    '  --mb     corpus sizes in MB (default 200); corpora are generated once into bench-corpus/\n' +
    '  --jobs   chiso extract --jobs (default: the cores)\n' +
    '  --dense  twice the numbers per KB of real articles (a stress case)');
  process.exit(0);
}
const sizes = String(opt('mb', '200')).split(',').map(Number);
const jobs = Number(opt('jobs', String(availableParallelism())));
const dense = args.includes('--dense');

/** Deterministic pseudo-random numbers, so every run benchmarks the same corpus. */
let seed = 20241119;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function sentencesOf(text) {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})|\n+/u).map((s) => s.trim()).filter((s) => s.length > 20);
}

/**
 * Same shapes, new values, still plausible: 2.424 → 7.118, 50,65% → 31,09% (a share stays at
 * most 100), 58/71 → 12/40 (a part stays at most its whole), 19/11/2024 → 7/3/2024 (dates and
 * times stay valid), years are kept.
 */
function varyNumbers(s) {
  const digits = (n) => Array.from({ length: n }, (_, i) => String(i === 0 && n > 1 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 10))).join('');
  const vary = (m) => m.replace(/\d+/g, (d) => digits(d.length));
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n, like) => String(n).padStart(like.length, '0');
  return s
    .replace(/\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/g, (_, d, m, y) => `${pad(int(1, 28), d)}/${pad(int(1, 12), m)}/${y}`)
    .replace(/\b(\d{1,2}):(\d{2})\b/g, (_, h, m) => `${pad(int(0, 23), h)}:${pad(int(0, 59), m)}`)
    .replace(/(?<![\d/:.,])(\d+(?:[.,]\d+)*)\/(\d+(?:[.,]\d+)*)(?![\d/])/g, (all, a, b) => {
      if (/^\d{1,2}$/.test(a) && /^\d{1,2}$/.test(b) && Number(a) <= 31 && Number(b) <= 12) return `${int(1, 28)}/${int(1, 12)}`; // a day and month
      if (/^(?:19|20)\d\d$/.test(b)) return `${int(1, 12)}/${b}`; // a month and year
      const whole = vary(b);
      const part = vary(a);
      return Number(part.replace(/\D/g, '')) <= Number(whole.replace(/\D/g, '')) ? `${part}/${whole}` : `${whole}/${part}`;
    })
    // Whole numerals only (no backing off to a prefix), and not the parts of a fraction or date.
    .replace(/(?<![\d/:.,])\d+(?:[.,]\d+)*(?![\d/:]|[.,]\d)(?:\s?%)?/g, (m) => {
      if (/^(?:19|20)\d\d$/.test(m)) return m; // keep years, so dates stay dates
      if (!m.endsWith('%')) return vary(m);
      // A share: at most 100, written with the same decimals.
      const dec = /[.,](\d+)/.exec(m);
      const v = Math.floor(rand() * 100);
      return `${v}${dec ? m[/[.,]/.exec(m).index] + digits(dec[1].length) : ''}${m.slice(m.search(/\s?%$/))}`;
    });
}

/**
 * Articles like the fixtures: each is the sentences of one real article, shuffled, with new
 * numbers, plus a few phrasebook sentences for varied phrasing — so the corpus has about the
 * number density of real articles. `--dense` instead draws every sentence from the pooled
 * articles and phrasebook alike (about twice as many numbers per KB): a stress case.
 */
function generate(path, mb, dense) {
  const articles = readdirSync(join(ROOT, 'fixtures/articles')).map((f) => sentencesOf(readFileSync(join(ROOT, 'fixtures/articles', f), 'utf8')));
  const phrasebook = sentencesOf(readFileSync(join(ROOT, 'fixtures/phrasebook/phrasebook.txt'), 'utf8'));
  const pool = [...articles.flat(), ...phrasebook];
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const fd = openSync(path, 'w');
  let bytes = 0;
  let n = 0;
  while (bytes < mb * 1024 * 1024) {
    let sentences;
    if (dense) sentences = Array.from({ length: 20 + Math.floor(rand() * 40) }, () => pick(pool));
    else {
      const own = pick(articles).filter(() => rand() < 0.85);
      sentences = [...own, ...Array.from({ length: Math.round(own.length * 0.1) }, () => pick(phrasebook))].sort(() => rand() - 0.5);
    }
    const body = sentences.map(varyNumbers).join(rand() < 0.3 ? '\n' : ' ');
    const line = JSON.stringify({ id: `bench-${n++}`, url: `https://example.vn/tin/${n}`, title: 'Chuyển đổi số', text: body }) + '\n';
    writeSync(fd, line);
    bytes += Buffer.byteLength(line);
  }
  closeSync(fd);
  return n;
}

function fixtureDensity() {
  let numbers = 0;
  let bytes = 0;
  for (const f of readdirSync(join(ROOT, 'fixtures/articles'))) {
    const t = readFileSync(join(ROOT, 'fixtures/articles', f));
    bytes += t.length;
    numbers += [...t.toString('utf8').matchAll(/\d+(?:[.,]\d+)*/g)].length;
  }
  return numbers / (bytes / 1000);
}

async function baseline(path) {
  // The floor: parse every JSONL line and find every number, nothing else.
  const t0 = performance.now();
  let numbers = 0;
  let articles = 0;
  let peakRss = process.memoryUsage.rss();
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const a = JSON.parse(line);
    articles++;
    for (const _ of a.text.matchAll(/\d+(?:[.,]\d+)*/g)) numbers++;
    if (articles % 256 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  return { seconds: (performance.now() - t0) / 1000, articles, numbers, peakMb: peakRss / 1048576 };
}

function runCli(path) {
  // Output goes to a file (--out), so counting records does not compete for the cores.
  const out = join(dirname(path), 'bench-out.jsonl');
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/chiso'), 'extract', path, '--format', 'jsonl', '--jobs', String(jobs), '--quiet', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* exited */ }
    }, 100);
    child.on('exit', async (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - t0) / 1000;
      let records = 0;
      if (existsSync(out)) {
        for await (const b of createReadStream(out)) for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) records++;
        rmSync(out);
      }
      resolve({ seconds, records, peakMb: peakKb / 1024, code });
    });
  });
}

const dir = join(ROOT, 'bench-corpus');
mkdirSync(dir, { recursive: true });
console.log(`chiso benchmark — ${availableParallelism()} cores, --jobs ${jobs}, Node ${process.version}`);
for (const mb of sizes) {
  // The generator's version is in the name: a corpus made by an older generator is not reused.
  const path = join(dir, `corpus-v2-${mb}mb${dense ? '-dense' : ''}.jsonl`);
  if (!existsSync(path)) {
    process.stdout.write(`generating ${mb} MB corpus … `);
    generate(path, mb, dense);
    console.log('done');
  }
  const size = statSync(path).size / 1e6;
  const base = await baseline(path);
  const cli = await runCli(path);
  const mbps = size / cli.seconds;
  const baseMbps = size / base.seconds;
  console.log(`\ncorpus ${size.toFixed(0)} MB${dense ? ' (dense)' : ''}, ${base.articles} articles, ${base.numbers} numbers (${(base.numbers / (size * 1000)).toFixed(1)} per KB; the fixture articles have ${fixtureDensity().toFixed(1)})`);
  console.log(`  baseline (parse JSONL + find numbers, 1 core): ${baseMbps.toFixed(1)} MB/s, ${(base.articles / base.seconds).toFixed(0)} articles/s, ${(base.numbers / base.seconds).toFixed(0)} numbers/s, peak RSS ${base.peakMb.toFixed(0)} MB (the bench process)`);
  console.log(`  chiso extract --jobs ${jobs}: ${mbps.toFixed(1)} MB/s, ${(base.articles / cli.seconds).toFixed(0)} articles/s, ${(cli.records / cli.seconds).toFixed(0)} records/s, ${cli.records} records, peak RSS ${cli.peakMb.toFixed(0)} MB, ${cli.seconds.toFixed(1)} s${cli.code ? ` (exit ${cli.code})` : ''}`);
  console.log(`  cost per core vs baseline: ${((baseMbps * Math.min(jobs, availableParallelism())) / mbps).toFixed(1)}×`);
}
