// `npm run demo`: build fashen with the local demo host pre-enabled, serve the OA pages with the
// real editors and a draft made from the seeds, then
// - with a display: open Chromium with the extension on the demo index and keep serving;
// - headless (no DISPLAY): open each editor page, open a card, write screenshots, print paths.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTestExtension, Isolated, launchWithExtension, openPage, waitFor } from './harness';
import { FLAG } from './draft';
import { startPageServer } from './server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, '.output/demo');
const PORT = Number(process.env.FASHEN_DEMO_PORT ?? 4173);

const PAGES = [
  ['contenteditable', 'contenteditable.html'],
  ['ueditor', 'iframe-body.html'],
  ['kindeditor', 'iframe-body.html?shape=kindeditor'],
  ['tinymce', 'tinymce.html'],
  ['wangeditor', 'wangeditor.html'],
  ['ckeditor5', 'ckeditor5.html'],
  ['quill', 'quill.html'],
  ['textarea', 'textarea.html'],
] as const;

async function main(): Promise<void> {
  console.log('构建扩展 / building the extension (FASHEN_TEST_HOSTS=http://127.0.0.1/*)…');
  buildTestExtension();
  const server = await startPageServer(PORT);
  const index = server.url('/pages/index.html');
  const headful = !!process.env.DISPLAY && process.env.FASHEN_DEMO_HEADLESS !== '1';

  if (headful) {
    const b = await launchWithExtension({ headless: false, sentinel: false });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(index);
    console.log(`演示已打开 / demo open: ${index}`);
    console.log('审核面板：在编辑器页面点击工具栏的法审按钮 →“打开审核面板” / review panel: toolbar button → Open review panel');
    console.log('关闭浏览器窗口或按 Ctrl+C 结束 / close the browser window or press Ctrl+C to stop');
    await new Promise<void>((done) => {
      b.context.on('close', () => done());
      process.once('SIGINT', () => done());
    });
    await b.close().catch(() => undefined);
    await server.close();
    return;
  }

  mkdirSync(OUT, { recursive: true });
  const b = await launchWithExtension();
  const shots: string[] = [];
  try {
    for (const [name, path] of PAGES) {
      const page = await b.context.newPage();
      const iso = await Isolated.attach(page);
      await openPage(page, server.url(`/pages/${path}${path.includes('?') ? '&' : '?'}draft=demo`));
      const regions = await iso.settled();
      // open the card of the licensing clause, as a reviewer hovering it would
      const lic = regions.flatMap((r) => r.findings).find((f) => f.category === 'licensing' && FLAG.licensing.includes(f.text));
      if (lic) {
        await iso.reveal(lic.text);
        // scroll events (and the textarea mirror following them) are handled at the next frames
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const at = await waitFor(() => iso.pointOf(lic.text), 'licensing finding on screen');
        await page.mouse.move(at.x, at.y);
        await waitFor(() => iso.card(), 'card open');
      }
      const file = join(OUT, `fashen-demo-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const n = regions.reduce((k, r) => k + r.findings.length, 0);
      console.log(`${name.padEnd(16)} ${String(n).padStart(2)} 处标注 / findings  ${file}`);
      shots.push(file);
      if (name === 'contenteditable') shots.push(await panelShot(b, page.url()));
      await page.close();
    }
    if (b.sentinel.requests.length) console.warn('外发请求 / outgoing requests:', b.sentinel.requests);
  } finally {
    await b.close();
    await server.close();
  }
  console.log(`\n截图 / screenshot: ${shots[0]}`);
}

/** The review side panel of the draft at `url`, in reviewer mode, as a screenshot. */
async function panelShot(b: Awaited<ReturnType<typeof launchWithExtension>>, url: string): Promise<string> {
  // the extension API inside sw.evaluate() callbacks
  const tabId: number = await b.sw.evaluate(async (u: string) => (await (globalThis as any).chrome.tabs.query({})).find((t: { url?: string }) => t.url === u)?.id, url);
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
  await waitFor(async () => (await panel.locator('li[data-finding]').count()) > 0 || null, 'findings in the side panel', 20_000);
  await panel.getByRole('radio', { name: '审核人' }).check();
  const file = join(OUT, 'fashen-demo-sidepanel.png');
  await panel.screenshot({ path: file, fullPage: true });
  console.log(`${'side panel'.padEnd(16)} 审核面板 / review panel  ${file}`);
  await panel.close();
  return file;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
