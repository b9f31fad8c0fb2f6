// `npm run bench:browser`: edit-to-highlight latency on a 50k-character draft in Chromium, long
// tasks while typing, and the content script's bundle size (issue 3 §9: p95 ≤ 16 ms, no long task
// over 50 ms caused by fashen). Latency is measured in the page by the content script itself:
// from the input event's timeStamp to the moment the highlights are updated, read through the
// probe in the isolated world.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildTestExtension, Isolated, launchWithExtension, openPage, TEST_BUILD, waitFor } from '../e2e/harness';
import { startPageServer } from '../e2e/server';

const EDITS = Number(process.env.FASHEN_BENCH_EDITS ?? 120);
const DRAFT = 'long50k';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (n: number): string => `${n.toFixed(2)} ms`;

async function latencies(iso: Isolated): Promise<number[]> {
  return (await iso.evalAll<number[]>('globalThis.__fashen ? [...globalThis.__fashen.latencies] : []')).flatMap((r) => r.value);
}

/** Put the caret in the middle of the draft, inside a paragraph (page-world selection API). */
async function caretToMiddle(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    if (p.startsWith('textarea')) {
      const ta = document.getElementById('editor') as HTMLTextAreaElement;
      ta.focus();
      const at = ta.value.indexOf('。', ta.value.length >> 1) + 1;
      ta.setSelectionRange(at, at);
      return;
    }
    const ed = document.getElementById('editor')!;
    ed.focus();
    const ps = ed.querySelectorAll('p');
    const mid = ps[ps.length >> 1]!;
    getSelection()!.collapse(mid.firstChild!, 4);
  }, path);
}

async function bench(path: string, server: Awaited<ReturnType<typeof startPageServer>>, b: Awaited<ReturnType<typeof launchWithExtension>>): Promise<void> {
  const page = await b.context.newPage();
  // long tasks from the very start: the first check of the whole draft runs in slices
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const iso = await Isolated.attach(page);
  const t0 = Date.now();
  await openPage(page, server.url(`/pages/${path}?draft=${DRAFT}`));
  const regions = await iso.settled();
  const firstCheck = Date.now() - t0;
  const chars = await page.evaluate(() => (window as unknown as { __page: { output(): string } }).__page.output().length);
  const loadLongs = await page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks.splice(0));
  await caretToMiddle(page, path);
  const base = (await latencies(iso)).length;
  const parts: { wait: number; read: number; check: number; paint: number }[] = [];
  for (let i = 0; i < EDITS; i++) {
    if (i % 4 === 3) await page.keyboard.press('Backspace');
    else await page.keyboard.insertText('罚');
    await waitFor(async () => (await latencies(iso)).length > base + i, `latency of edit ${i}`);
    const [r] = (await iso.evalAll<{ timing: { wait: number; read: number; check: number; paint: number } }[]>('globalThis.__fashen ? globalThis.__fashen.regions() : []')).flatMap((x) => x.value);
    if (r) parts.push(r.timing);
  }
  const lat = (await latencies(iso)).slice(base).sort((a, b) => a - b);
  const longs = await page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks);
  const findings = regions.reduce((n, r) => n + r.findings.length, 0);
  console.log(`\n${path}: ${chars.toLocaleString()} characters of editor output, ${findings} findings, first check painted ${firstCheck} ms after load`);
  console.log(`  long tasks during page load and the sliced first check: ${loadLongs.length}${loadLongs.length ? ` (longest ${ms(Math.max(...loadLongs))})` : ''}`);
  console.log(`  edit→highlight over ${lat.length} edits: p50 ${ms(pct(lat, 50))}  p95 ${ms(pct(lat, 95))}  max ${ms(lat[lat.length - 1]!)}  (budget p95 ≤ 16 ms)`);
  const med = (k: 'wait' | 'read' | 'check' | 'paint'): string => ms(pct(parts.map((p) => p[k]).sort((a, b) => a - b), 50));
  console.log(`  median parts: input event to check ${med('wait')}, read the DOM ${med('read')}, engine ${med('check')}, paint ${med('paint')}`);
  console.log(`  long tasks while typing: ${longs.length} (over 50 ms: ${longs.filter((d) => d > 50).length}${longs.length ? `, longest ${ms(Math.max(...longs))}` : ''})`);
  await page.close();
}

async function main(): Promise<void> {
  if (process.env.FASHEN_BENCH_NO_BUILD !== '1') buildTestExtension();
  const js = readFileSync(join(TEST_BUILD, 'content-scripts/content.js'));
  console.log(`content script: ${(statSync(join(TEST_BUILD, 'content-scripts/content.js')).size / 1024).toFixed(1)} KiB minified, ${(gzipSync(js).length / 1024).toFixed(1)} KiB gzip`);
  const server = await startPageServer();
  const b = await launchWithExtension();
  try {
    for (const path of ['contenteditable.html', 'textarea.html']) await bench(path, server, b);
  } finally {
    await b.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
