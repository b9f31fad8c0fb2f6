// The one scenario every editor family runs (Harper's shared helper, issue 3 §7): expected
// findings highlighted on exactly the right text, the hard negative not, the card, the toggle and
// layers, typing and deleting a clause, an IME composition, the editor's own output compared with
// a browser without fashen, the page's MutationObserver, and the network. One browser with the
// extension and one without per spec file; the steps of a page share its tab, in order.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../lib/engine/index';
import type { Finding } from '../../lib/engine/types';
import { defaultChain } from '../../lib/packs/builtin';
import { compilePack } from '../../lib/packs/compile';
import { HARD_NEGATIVE_KEY, IME_CLAUSE, smallDraft, TYPED_CLAUSE } from './draft';
import {
  caretToEnd,
  editorOutput,
  Isolated,
  launchPlain,
  launchWithExtension,
  openPage,
  pageMutations,
  setView,
  waitFor,
  type ExtBrowser,
} from './harness';
import { startPageServer, type PageServer } from './server';

/** One OA page of the family. */
export interface PageCase {
  /** path and query under /pages/ */
  path: string;
  /** the editor the adapter must report */
  editor: string;
  family: string;
  /** textarea: painted into the mirror instead of CSS highlights */
  mirror?: boolean;
}

const pack = compilePack(defaultChain());
const draft = smallDraft();

/** A painted span as the tests compare it: highlight name, its text, the paragraph it is in. */
type Spot = string;
const spot = (category: string, severity: string, text: string, block: string): Spot => `fashen-${category}-${severity} | ${text} | ${block}`;

function blockAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? undefined : end);
}

/** What the engine finds in Node on the same paragraphs: the truth the page is compared with. */
function expected(paragraphs: string[]): { spots: Spot[]; findings: Finding[] } {
  const text = paragraphs.join('\n');
  const findings = check(text, pack).findings;
  return { findings, spots: findings.map((f) => spot(f.category, f.severity, f.text, blockAt(text, f.start))).sort() };
}

/** What the page shows: CSS highlights (rich editors) or mirror spans (textarea), with paragraphs. */
async function painted(iso: Isolated, page: Page, c: PageCase): Promise<Spot[]> {
  // a collapsed range paints nothing (an editor re-rendered its paragraph since the last check)
  if (!c.mirror) return (await iso.paintedInContext()).filter((p) => p.text).map((p) => `${p.name} | ${p.text} | ${p.block.replace(/\uFEFF/g, '')}`).sort();
  const value = await page.evaluate(() => (document.getElementById('editor') as HTMLTextAreaElement).value);
  const regions = await iso.regions();
  return regions.flatMap((r) => r.painted.map((p) => spot(p.category, p.severity, p.text, blockAt(value, p.start)))).sort();
}

async function checksOf(iso: Isolated): Promise<number> {
  return (await iso.regions()).reduce((n, r) => n + r.checks, 0);
}

/** The keystrokes every run performs, with and without fashen; outputs are read between steps. */
const STAGES = ['initial', 'typed', 'deleted', 'composed'] as const;
type Stage = (typeof STAGES)[number];

async function typeClause(page: Page): Promise<void> {
  await caretToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(TYPED_CLAUSE);
}

async function deleteClause(page: Page, text: string): Promise<void> {
  for (let i = 0; i <= text.length; i++) await page.keyboard.press('Backspace');
}

async function compose(page: Page, steps: string[], commit: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}

/**
 * Put the caret two characters into `text` in the editor (the page's one editing root), the way a
 * page script would: `place` sets it, otherwise only whether it is there is answered.
 */
function caretAt(args: { needle: string; place: boolean }): boolean {
  const { needle, place } = args;
  const root = (window as unknown as { __page: { roots(): Node[] } }).__page.roots()[0] as HTMLElement;
  const doc = root.ownerDocument;
  const ta = root.querySelector('textarea');
  if (ta) {
    const at = ta.value.indexOf(needle) + 2;
    if (place) ta.setSelectionRange(at, at);
    return ta.selectionStart === at && ta.selectionEnd === at;
  }
  const sel = doc.getSelection()!;
  if (!place) return sel.isCollapsed && !!sel.anchorNode?.textContent?.includes(needle.slice(0, 4));
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(needle.slice(0, 4));
    if (at < 0) continue;
    sel.collapse(n, at + 2);
    return true;
  }
  throw new Error(`no text node holds ${needle}`);
}

async function caretInto(page: Page, text: string): Promise<void> {
  // Focus first and let the editor settle: Slate (wangEditor) restores its own saved selection a
  // moment after focus, which would move a caret placed in the same task back to the start.
  await page.evaluate(() => {
    const root = (window as unknown as { __page: { roots(): Node[] } }).__page.roots()[0] as HTMLElement;
    root.ownerDocument.defaultView!.focus();
    (root.querySelector('textarea') ?? root).focus();
  });
  // Place the caret, then confirm it is still there a little later (again if the editor moved it).
  await waitFor(async () => {
    await page.evaluate(caretAt, { needle: text, place: true });
    await new Promise((r) => setTimeout(r, 100));
    return page.evaluate(caretAt, { needle: text, place: false });
  }, 'caret placed in the finding');
}

/** Define the suite of one spec file: a family and its pages. */
export function editorSuite(family: string, cases: PageCase[]): void {
  let server: PageServer;
  let ext: ExtBrowser;
  let plain: Awaited<ReturnType<typeof launchPlain>>;
  const pageRequests: string[] = [];

  beforeAll(async () => {
    server = await startPageServer();
    [ext, plain] = await Promise.all([launchWithExtension(), launchPlain()]);
    ext.context.on('request', (r) => pageRequests.push(r.url()));
  });
  afterAll(async () => {
    await Promise.all([ext?.close(), plain?.close()]);
    await server?.close();
  });

  for (const c of cases) {
    describe(`${family}: ${c.editor} (${c.path})`, () => {
      let page: Page;
      let iso: Isolated;
      const outputs: Partial<Record<Stage, string>> = {};
      const base = expected(draft.paragraphs);
      // the site whose view state applies: the tab's top-level origin
      const site = (): string => server.origin;

      beforeAll(async () => {
        page = await ext.context.newPage();
        iso = await Isolated.attach(page);
        await openPage(page, server.url(`/pages/${c.path}`));
      });
      afterAll(() => page?.close());

      test('finds the editor and highlights the expected findings on exactly their text', async () => {
        const regions = await iso.settled();
        expect(regions.map((r) => [r.family, r.editor])).toEqual([[c.family, c.editor]]);
        // the draft's flagged clauses are really there (the comparison below is not vacuous)
        expect(base.findings.map((f) => `${f.category}/${f.severity}${f.cited ? '/cited' : ''}`)).toEqual(
          expect.arrayContaining(['licensing/error', 'penalty/error', 'penalty/info/cited', 'validity/warning']),
        );
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(base.spots), 'painted = expected');
        expect(await painted(iso, page, c)).toEqual(base.spots);
        outputs.initial = await editorOutput(page);
      });

      test('does not highlight the hard negative (规范性文件不得设定行政许可)', async () => {
        const spots = await painted(iso, page, c);
        expect(draft.paragraphs.some((p) => p.includes(HARD_NEGATIVE_KEY))).toBe(true);
        expect(spots.filter((s) => s.includes(HARD_NEGATIVE_KEY))).toEqual([]);
      });

      test('opens the card on hover with category, location, message, basis; cited says verify the basis', async () => {
        const lic = base.findings.find((f) => f.category === 'licensing')!;
        const at = await waitFor(() => iso.pointOf(lic.text), 'licensing finding on screen');
        await page.mouse.move(at.x, at.y);
        const card = await waitFor(async () => {
          const t = await iso.card();
          return t?.includes(lic.message['zh-CN']) ? t : null;
        }, 'card with the licensing message');
        expect(card).toContain('许可');
        expect(card).toContain(lic.location);
        expect(card).toContain(lic.basis[0]!);
        expect(card).not.toContain('请核实依据');

        const cited = base.findings.find((f) => f.cited)!;
        const at2 = await waitFor(() => iso.pointOf(cited.text), 'cited finding on screen');
        await page.mouse.move(at2.x, at2.y);
        const card2 = await waitFor(async () => {
          const t = await iso.card();
          return t?.includes('请核实依据') ? t : null;
        }, 'card of the cited finding');
        expect(card2).toContain(cited.location);

        await page.mouse.move(2, 2);
        await waitFor(async () => (await iso.card()) === null, 'card closed when the pointer leaves');
      });

      test('the global switch hides and shows everything; a layer hides its category only', async () => {
        await setView(ext.sw, site(), { visible: false, hidden: [] });
        await waitFor(async () => (await painted(iso, page, c)).length === 0, 'all annotations hidden');
        await setView(ext.sw, site(), { visible: true, hidden: [] });
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(base.spots), 'annotations back');

        await setView(ext.sw, site(), { visible: true, hidden: ['penalty'] });
        const noPenalty = base.spots.filter((s) => !s.startsWith('fashen-penalty-'));
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(noPenalty), 'penalty layer hidden');
        await setView(ext.sw, site(), { visible: true, hidden: [] });
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(base.spots), 'penalty layer back');
      });

      test('records no mutation of the editor while annotating, hovering and toggling', async () => {
        expect(await pageMutations(page)).toEqual([]);
      });

      test('the caret entering a finding opens its card (keyboard); Escape closes it', async () => {
        const pen = base.findings.find((f) => f.category === 'penalty' && !f.cited)!;
        await caretInto(page, pen.text);
        await page.keyboard.press('ArrowRight');
        await waitFor(async () => (await iso.card())?.includes(pen.message['zh-CN']), 'card opened by the caret');
        await page.keyboard.press('Escape');
        await waitFor(async () => (await iso.card()) === null, 'card closed by Escape');
      });

      test('typing an offending clause adds its highlight; deleting it removes it', async () => {
        await typeClause(page);
        const typed = expected([...draft.paragraphs, TYPED_CLAUSE]);
        expect(typed.spots.length).toBe(base.spots.length + 1);
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(typed.spots), 'typed clause highlighted');
        await iso.settled();
        outputs.typed = await editorOutput(page);

        await deleteClause(page, TYPED_CLAUSE);
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(base.spots), 'typed clause gone');
        await iso.settled();
        outputs.deleted = await editorOutput(page);
      });

      test('an IME composition is not checked until it is committed', async () => {
        await caretToEnd(page);
        await page.keyboard.press('Enter');
        const before = await (async () => {
          await iso.settled();
          return checksOf(iso);
        })();
        const cdp = await page.context().newCDPSession(page);
        for (const s of [IME_CLAUSE.slice(0, 4), IME_CLAUSE]) {
          await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
        }
        // the composed text (an offending clause) is in the editor, and nothing re-checked it
        await iso.settled();
        const mid = await iso.regions();
        expect(mid.map((r) => r.composing)).toEqual([true]);
        expect(await checksOf(iso)).toBe(before);
        // no new highlight; an editor that re-renders a paragraph (Slate) may collapse an old one
        // until the committed text is checked
        const midSpots = await painted(iso, page, c);
        expect(base.spots).toEqual(expect.arrayContaining(midSpots));
        expect(midSpots.filter((s) => s.includes(IME_CLAUSE))).toEqual([]);

        await cdp.send('Input.insertText', { text: IME_CLAUSE });
        await cdp.detach();
        const composed = expected([...draft.paragraphs, IME_CLAUSE]);
        await waitFor(async () => JSON.stringify(await painted(iso, page, c)) === JSON.stringify(composed.spots), 'composed clause highlighted');
        expect((await iso.regions()).map((r) => r.composing)).toEqual([false]);
        expect(await checksOf(iso)).toBeGreaterThan(before);
        await iso.settled();
        outputs.composed = await editorOutput(page);
      });

      test("the editor's own output is identical with and without fashen", async () => {
        const p = await plain.page();
        try {
          await openPage(p, server.url(`/pages/${c.path}`));
          const without: Partial<Record<Stage, string>> = { initial: await editorOutput(p) };
          await typeClause(p);
          without.typed = await editorOutput(p);
          await deleteClause(p, TYPED_CLAUSE);
          without.deleted = await editorOutput(p);
          await caretToEnd(p);
          await p.keyboard.press('Enter');
          await compose(p, [IME_CLAUSE.slice(0, 4), IME_CLAUSE], IME_CLAUSE);
          without.composed = await editorOutput(p);
          for (const stage of STAGES) expect.soft(outputs[stage], stage).toBe(without[stage]);
          expect(outputs.composed).toContain(IME_CLAUSE);
        } finally {
          await p.context().close();
        }
      });

      test('no request leaves the browser except to the local test server', () => {
        expect(ext.sentinel.requests).toEqual([]);
        const foreign = pageRequests.filter((u) => !u.startsWith(server.origin) && !/^(data|blob|chrome-extension|about):/.test(u));
        expect(foreign).toEqual([]);
      });
    });
  }
}
