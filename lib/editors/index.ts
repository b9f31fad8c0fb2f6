import { ckeditor5 } from './ckeditor5';
import { contenteditable } from './contenteditable';
import { iframeBody } from './iframe-body';
import { quill } from './quill';
import { textarea } from './textarea';
import type { EditorAdapter, Region } from './types';
import { wangeditor } from './wangeditor';

export type { EditorAdapter, EditorFamily, PlainRegion, Region, RichRegion } from './types';
export { buildTextModel, offsetOf, pointAt, type TextModel } from './text-model';
export { watchEdits, type EditWatch } from './edits';

/** Most specific first: generic contenteditable only gets roots nobody else claimed. */
export const ADAPTERS: readonly EditorAdapter[] = [wangeditor, ckeditor5, quill, iframeBody, textarea, contenteditable];

/** Every editable region of `doc`, one per root, inner roots of a claimed root excluded. */
export function findRegions(doc: Document, adapters: readonly EditorAdapter[] = ADAPTERS): Region[] {
  const claimed: HTMLElement[] = [];
  const regions: Region[] = [];
  for (const adapter of adapters) {
    for (const root of adapter.find(doc)) {
      if (claimed.some((c) => c === root || c.contains(root) || root.contains(c))) continue;
      claimed.push(root);
      regions.push(adapter.region(root));
    }
  }
  return regions;
}

/** Hooks a region watcher calls as editors appear and go away. */
export interface RegionEvents {
  added(region: Region): void;
  removed(region: Region): void;
}

// Discovery scans are coalesced: editors come and go rarely, keystrokes mutate the DOM often.
const RESCAN_MS = 250;

/**
 * Watch `doc` for editable regions: the initial ones, editors created later (TinyMCE and
 * CKEditor initialise asynchronously, UEditor flips contenteditable on after load) and editors
 * removed. Only reads the DOM.
 */
export function watchRegions(doc: Document, events: RegionEvents, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win) return;
  const live = new Map<HTMLElement, Region>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scan = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    const found = findRegions(doc);
    const roots = new Set(found.map((r) => r.root));
    for (const [root, region] of live) {
      if (!roots.has(root) || !root.isConnected) {
        live.delete(root);
        events.removed(region);
      }
    }
    for (const region of found) {
      const old = live.get(region.root);
      if (old && old.family === region.family) continue;
      if (old) events.removed(old);
      live.set(region.root, region);
      events.added(region);
    }
  };
  const soon = (): void => {
    if (timer === undefined) timer = setTimeout(scan, RESCAN_MS);
  };

  const observer = new win.MutationObserver(soon);
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'class'] });
  // designMode and focus into a new editor are not mutations; hear them directly.
  doc.addEventListener('focusin', scan, { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    for (const region of live.values()) events.removed(region);
    live.clear();
  });
  scan();
}
