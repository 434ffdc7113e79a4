#!/usr/bin/env node
// Benchmark: generates a JSONL corpus from the fixtures (numbers and sentence order varied),
// runs the real CLI on it, and prints MB/s, articles/s, records/s and peak RSS — next to a
// baseline that only parses the JSONL lines and finds the numbers, in this same process.
//
//   npm run bench                      # 200 MB corpus, --jobs = cores
//   npm run bench -- --mb 50 --jobs 2  # other sizes; several: --mb 50,200
//   npm run bench -- --dense           # twice the numbers per KB of real articles (stress case)
//   npm run bench -- --html --mb 20    # saved news pages (five layouts), next to the same articles as text
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run bench -- [--mb 200[,50,...]] [--jobs N] [--dense] [--html]\n' +
    '  --mb     corpus sizes in MB (default 200; 20 with --html); corpora are generated once into bench-corpus/\n' +
    '  --jobs   chiso extract --jobs (default: the cores)\n' +
    '  --dense  twice the numbers per KB of real articles (a stress case)\n' +
    '  --html   a folder of saved news pages in five layouts, run next to the same articles as JSONL text;\n' +
    '           also times the main-content extractor alone and checks it read each page\'s article exactly');
  process.exit(0);
}
const html = args.includes('--html');
const sizes = String(opt('mb', html ? '20' : '200')).split(',').map(Number);
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

// ---------------------------------------------------------------------------------------------
// HTML mode: saved news pages. Each page wraps one generated article (as above: a fixture
// article's sentences, shuffled, new numbers) in one of five layouts modelled on Vietnamese news
// sites, with the boxes around an article: a ticker, the lead outside the body, captions, related
// news inside and beside the body, most-read lists, ads, comments and a footer with phone
// numbers (all holding numbers), plus the inline scripts and styles that make up most of a real
// page's bytes. The same articles are also written as JSONL text, so both run side by side.

const CLASS_WORDS = ['zone', 'blk', 'wrap', 'part', 'area', 'unit', 'cell', 'grp'];
const pick = (list) => list[Math.floor(rand() * list.length)];
const neutral = () => `${pick(CLASS_WORDS)}-${Math.floor(rand() * 90 + 10)}`;
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (t) => `<p>${esc(t)}</p>`;

function boxes() {
  const n = () => Math.floor(rand() * 900 + 100);
  return {
    ticker: `VN-Index ${n()},${n() % 100} (+${n() % 10},${n() % 100}%) · USD ${n()}.${n()} · Vàng ${n() % 90},${n() % 10} triệu đồng/lượng`,
    related: [`Tỉnh bạn có ${n()} tổ công nghệ số cộng đồng`, `${n() % 100}% hồ sơ được xử lý trực tuyến toàn trình`, `Thêm ${n()} trạm BTS được lắp đặt`],
    relatedDesc: `Đã có ${n()}.${n()} tài khoản định danh điện tử được kích hoạt, đạt ${n() % 100}% kế hoạch.`,
    mostRead: [`Giá vàng tăng ${n() % 10},${n() % 10}%`, `Lãi suất tiết kiệm lên ${n() % 10},${n() % 10}% mỗi năm`],
    ad: `Gói cước 5G giảm ${n() % 60}%, chỉ còn ${n()}.000 đồng mỗi tháng`,
    comment: `Xã tôi mới có ${n() % 100}% hộ dùng cáp quang, mong có thêm ${n() % 50} trạm nữa.`,
    caption: `Người dân làm thủ tục tại bộ phận một cửa, nơi ${n() % 100}% hồ sơ được nộp trực tuyến. Ảnh: P.V.`,
    footer: `Giấy phép số ${n()}/GP-BTTTT. Đường dây nóng: 09${n()}.${n()}.${n()}. Quảng cáo: 024.${n()}.${n()}${n() % 10}.`,
  };
}

function filler() {
  // What a saved page carries besides the article: inline scripts and styles (about 60 KB).
  const js = Array.from({ length: 700 }, (_, i) => `window.__d${i}={id:${i},v:"${Math.floor(rand() * 1e9).toString(36)}",s:[${i % 7},${i % 11},${i % 13}]};`).join('\n');
  const css = Array.from({ length: 300 }, (_, i) => `.c${i}{margin:${i % 9}px;padding:${i % 5}px;color:#${(i * 2654435761 % 16777216).toString(16).padStart(6, '0')}}`).join('\n');
  return `<script>${js}</script><style>${css}</style>`;
}

const LAYOUTS = [
  // A main column beside a second column; the lead a paragraph between headline and body.
  (a, b) => `<header class="header-top"><ul class="main-nav"><li><a href="/">Mới nhất</a></li><li><a href="/so-hoa">Số hóa</a></li></ul></header>
<div class="ticker-market">${b.ticker}</div>
<section class="page-detail"><div class="container"><div class="sidebar-1">
<span class="date">Thứ ba, 8/10/2024, 07:30 (GMT+7)</span><h1 class="title-detail">${esc(a.title)}</h1><p class="description">${esc(a.lead)}</p>
<article class="fck_detail">${a.body.slice(0, 2).map(para).join('')}<figure class="tplCaption"><img src="/a.jpg"><figcaption><p>${b.caption}</p></figcaption></figure>
${a.body.slice(2).map(para).join('\n')}<div class="box_brief_info">${a.facts.map(para).join('')}</div><p style="text-align:right"><strong>Minh Khôi</strong></p></article>
<div class="box-tinlienquanv2">${b.related.map((r) => `<h4><a href="/r">${r}</a></h4>`).join('')}<p><a href="/r">${b.relatedDesc}</a></p></div>
<div class="box_comment_vne"><h3>Ý kiến (3)</h3><p>${b.comment}</p></div></div>
<div class="sidebar-2"><div class="box-category"><h3>Xem nhiều</h3>${b.mostRead.map((r) => `<h3><a href="/m">${r}</a></h3>`).join('')}</div><div class="banner-ads"><a href="/ad"><img src="/ad.png">${b.ad}</a></div></div></div></section>
<footer class="footer"><p>${b.footer}</p></footer>`,
  // Utility classes only: what a reader sees (box titles) is the only hint.
  (a, b) => `<div class="dt-sticky dt-top-0"><div class="dt-flex dt-gap-2"><span>Tin nóng</span><a href="/n">${b.ticker}</a></div></div>
<div class="dt-container"><div class="dt-flex dt-gap-6"><div class="dt-w-[720px]"><h1 class="dt-text-3xl">${esc(a.title)}</h1><div class="dt-flex"><span>Thu Trang</span></div>
<h2 class="dt-text-lg dt-font-semibold">${esc(a.lead)}</h2><div class="dt-text-base dt-leading-8">${a.body.slice(0, 3).map(para).join('')}
<article class="dt-flex dt-border"><div class="dt-w-1/3"><a href="/c"><img src="/c.jpg"></a></div><div><h3><a href="/c">${b.related[0]}</a></h3><div class="dt-text-sm">${b.relatedDesc}</div></div></article>
${a.body.slice(3).map(para).join('')}<div class="dt-border dt-p-4">${a.facts.map(para).join('')}</div></div>
<div class="dt-mt-6"><h3 class="dt-font-bold">Tin liên quan</h3><ul>${b.related.map((r) => `<li><a href="/r">${r}</a></li>`).join('')}</ul></div>
<div class="dt-mt-6"><div class="dt-text-lg">Bình luận (12)</div><p>${b.comment}</p></div></div>
<div class="dt-w-[300px]"><div><div class="dt-font-bold">Đọc nhiều</div><ol>${b.mostRead.map((r) => `<li><a href="/m">${r}</a></li>`).join('')}</ol></div><div><span>Quảng cáo</span><a href="/ad"><img src="/ad.jpg">${b.ad}</a></div></div></div></div>
<div class="dt-bg-gray-100"><p>${b.footer}</p></div>`,
  // A CMS with photo and related boxes inside the body and a `qc` column.
  (a, b) => `<div id="admWrapsite"><div class="header"><div class="menu-top"><a href="/">Trang chủ</a> <a href="/kinh-doanh">Kinh doanh</a></div></div>
<div class="tinnong-bar"><a href="/t">${b.ticker}</a></div><div class="main-detail"><h1 class="detail-title">${esc(a.title)}</h1><div class="detail-cmain">
<h2 class="detail-sapo">${esc(a.lead)}</h2><div class="detail-content afcbc-body">${a.body.slice(0, 1).map(para).join('')}
<div class="VCSortableInPreviewMode" type="Photo"><div><a href="/i"><img src="/i.jpg"></a></div><div class="PhotoCMS_Caption"><p>${b.caption}</p></div></div>
${a.body.slice(1, 3).map(para).join('')}<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="kbwscwl-relatedbox"><strong>Đọc tiếp</strong><ul>${b.related.map((r) => `<li><a href="/r">${r}</a></li>`).join('')}</ul></div></div>
${a.body.slice(3).map(para).join('')}<div class="VCSortableInPreviewMode" type="content"><div>${a.facts.map(para).join('')}</div></div></div>
<div class="author">HOÀNG LONG</div><div class="block-qc-mid"><a href="/qc"><img src="/qc.gif">${b.ad}</a></div>
<div class="box-relate"><div class="box-title">Cùng chuyên mục</div><div><a href="/c">${b.related[1]}</a><p>${b.relatedDesc}</p></div></div>
<div class="box-comment"><div>Bình luận (4)</div><p>${b.comment}</p></div></div></div>
<div class="right-side col300"><div class="box-xemnhieu"><h3>Xem nhiều</h3>${b.mostRead.map((r) => `<p><a href="/m">${r}</a></p>`).join('')}</div></div>
<div class="footer"><p>${b.footer}</p></div></div>`,
  // A 2015 table layout: paragraphs separated by <br>, the lead a paragraph before the body.
  (a, b) => `<table width="980"><tr><td colspan="3" class="top"><a href="/">Trang chủ</a> | <a href="/kinh-te">Kinh tế</a></td></tr>
<tr><td width="160" class="col160"><div>${b.ticker}</div></td><td width="500"><p class="date">Thứ Năm, 12/03/2015 06:30</p><h1 class="title-2">${esc(a.title)}</h1>
<p class="txt-head">${esc(a.lead)}</p><div class="fck">${a.body.slice(0, 2).map(esc).join('<br /><br />\n')}<br /><br />
<table class="image center"><tr><td><img src="/i.jpg" /></td></tr><tr><td class="image_desc">${b.caption}</td></tr></table>
${a.body.slice(2).map(esc).join('<br /><br />\n')}<br /><br /><div style="border:1px solid #ccc">${a.facts.map(esc).join('<br />')}</div></div>
<ul class="list-news-relation">${b.related.map((r) => `<li><a href="/r">${r}</a></li>`).join('')}</ul><div class="comment"><p>${b.comment}</p></div></td>
<td width="300" class="col300"><div class="box-tin-doc-nhieu"><p>Tin đọc nhiều</p>${b.mostRead.map((r) => `<a href="/d">${r}</a><br />`).join('')}</div><div class="qc"><img src="/qc.gif" /> ${b.ad}</div></td></tr>
<tr><td colspan="3" class="footer">${b.footer}</td></tr></table>`,
  // Neutral class names; the body split in two around an ad; box titles in plain text.
  (a, b) => `<div id="wrap"><div class="${neutral()}"><div class="${neutral()}"><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></div><div class="${neutral()}">${b.ticker}</div></div>
<div class="row"><div class="col-md-8"><h1>${esc(a.title)}</h1><h2>${esc(a.lead)}</h2>
<div class="zone-a">${a.body.slice(0, 2).map(para).join('')}<p style="text-align:center"><img src="/i.jpg"></p><p style="text-align:center"><em>${b.caption}</em></p></div>
<div class="${neutral()}"><span>QC</span><a href="/qc"><img src="/qc.jpg"></a><a href="/qc">${b.ad}</a></div>
<div class="zone-a">${a.body.slice(2).map(para).join('')}${a.facts.map(para).join('')}</div>
<div class="${neutral()}"><div class="${neutral()}"><span>Cùng chuyên mục</span></div>${b.related.map((r) => `<div><a href="/c"><img src="/c.jpg"></a><a href="/c">${r}</a><div>${b.relatedDesc}</div></div>`).join('')}</div>
<div class="${neutral()}"><h3>Ý kiến bạn đọc</h3><div><b>Minh Tú</b><p>${b.comment}</p></div></div></div>
<div class="col-md-4"><div class="${neutral()}"><h3>Xem nhiều</h3>${b.mostRead.map((r) => `<p><a href="/x">${r}</a></p>`).join('')}</div></div></div>
<div class="${neutral()}"><p>${b.footer}</p></div></div>`,
];

function generateHtml(pagesDir, jsonlPath, mb) {
  const articles = readdirSync(join(ROOT, 'fixtures/articles')).map((f) => sentencesOf(readFileSync(join(ROOT, 'fixtures/articles', f), 'utf8')));
  mkdirSync(pagesDir, { recursive: true });
  const fd = openSync(jsonlPath, 'w');
  const truth = [];
  let bytes = 0;
  for (let n = 0; bytes < mb * 1024 * 1024; n++) {
    const sentences = pick(articles).filter(() => rand() < 0.85).sort(() => rand() - 0.5).map(varyNumbers);
    // A lead is a full sentence, as on news sites.
    const lead = sentences.findIndex((t) => t.length >= 80 && /[.!?]$/.test(t));
    if (lead > 0) sentences.unshift(...sentences.splice(lead, 1));
    const a = { title: 'Chuyển đổi số: kết quả sau ba năm', lead: sentences[0], body: [], facts: sentences.slice(-2).map((t) => `- ${t}`) };
    // Paragraphs of two or three sentences.
    for (let i = 1; i < sentences.length - 2; i += 2 + (i % 2)) a.body.push(sentences.slice(i, i + 2 + (i % 2)).join(' '));
    const layout = n % LAYOUTS.length;
    const page = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(a.title)}</title>${filler()}</head><body>${LAYOUTS[layout](a, boxes())}</body></html>`;
    const name = `page-${String(n).padStart(5, '0')}.html`;
    writeFileSync(join(pagesDir, name), page);
    bytes += Buffer.byteLength(page);
    const text = [a.lead, ...a.body, ...a.facts].join('\n\n');
    writeSync(fd, JSON.stringify({ id: name, title: a.title, text }) + '\n');
    truth.push({ name, layout, parts: [a.lead, ...a.body, ...a.facts] });
  }
  closeSync(fd);
  writeFileSync(join(pagesDir, '..', `${basename(pagesDir)}.truth.json`), JSON.stringify(truth));
}

async function benchHtml(mb) {
  const base = join(dir, `pages-v2-${mb}mb`);
  const jsonl = `${base}.jsonl`;
  if (!existsSync(jsonl)) {
    process.stdout.write(`generating ${mb} MB of HTML pages … `);
    generateHtml(base, jsonl, mb);
    console.log('done');
  }
  const truth = JSON.parse(readFileSync(`${base}.truth.json`, 'utf8'));
  const pageBytes = truth.reduce((s, t) => s + statSync(join(base, t.name)).size, 0) / 1e6;
  const textBytes = statSync(jsonl).size / 1e6;

  // The extractor alone, in this process: cost per page, and whether it read each article exactly.
  const { extractHtml } = await import(join(ROOT, 'dist/html/extract.js'));
  const norm = (t) => t.replace(/\s+/g, ' ').trim();
  let exact = 0;
  const misses = new Map();
  let ms = 0;
  for (const t of truth) {
    const page = readFileSync(join(base, t.name), 'utf8');
    const t0 = performance.now();
    const got = extractHtml(page).text;
    ms += performance.now() - t0;
    const want = t.parts.map(norm).join(' ');
    if (norm(got.replace(/\n+/g, ' ')).replace(/\s*(Minh Khôi|Thu Trang|HOÀNG LONG)\s*/g, ' ').trim() === norm(want)) exact++;
    else misses.set(t.layout, (misses.get(t.layout) ?? 0) + 1);
  }
  const cli = await runCli(base);
  const text = await runCli(jsonl);
  console.log(`\n${truth.length} pages, ${pageBytes.toFixed(0)} MB of HTML (${(pageBytes * 1000 / truth.length).toFixed(0)} KB a page), ${LAYOUTS.length} layouts; the same articles as text: ${textBytes.toFixed(1)} MB of JSONL`);
  console.log(`  main-content extractor alone (1 core, in process): ${(ms / truth.length).toFixed(2)} ms a page, ${(pageBytes / (ms / 1000)).toFixed(1)} MB/s; article read exactly on ${exact}/${truth.length} pages${misses.size ? ` (misses by layout: ${[...misses].map(([l, c]) => `${l}: ${c}`).join(', ')})` : ''}`);
  console.log(`  chiso extract pages/ --jobs ${jobs}: ${(truth.length / cli.seconds).toFixed(0)} pages/s, ${(pageBytes / cli.seconds).toFixed(1)} MB/s, ${(cli.records / cli.seconds).toFixed(0)} records/s, ${cli.records} records, peak RSS ${cli.peakMb.toFixed(0)} MB, ${cli.seconds.toFixed(1)} s${cli.code ? ` (exit ${cli.code})` : ''}`);
  console.log(`  chiso extract same articles as JSONL text --jobs ${jobs}: ${(truth.length / text.seconds).toFixed(0)} articles/s, ${(textBytes / text.seconds).toFixed(1)} MB/s, ${(text.records / text.seconds).toFixed(0)} records/s, ${text.records} records, peak RSS ${text.peakMb.toFixed(0)} MB, ${text.seconds.toFixed(1)} s`);
  if (cli.records !== text.records) console.log(`  records differ: ${cli.records} from the pages, ${text.records} from the text`);
}

const dir = join(ROOT, 'bench-corpus');
mkdirSync(dir, { recursive: true });
console.log(`chiso benchmark — ${availableParallelism()} cores, --jobs ${jobs}, Node ${process.version}`);
if (html) {
  for (const mb of sizes) await benchHtml(mb);
  process.exit(0);
}
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

