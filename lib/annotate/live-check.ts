import { check, type ParagraphCache } from '../engine/index';
import type { Report } from '../engine/types';
import type { CompiledPack } from '../packs/compile';

// Checking in the page stays cheap (issue 3): the pack is compiled once per frame, the engine's
// paragraph cache means a keystroke re-checks one paragraph, and a long draft that is not cached
// yet (first load, a big paste) is checked in slices, yielding to the page between them so no
// task of ours blocks input for more than about one frame.

/** Work done in one slice before yielding to the page. */
export const SLICE_BUDGET_MS = 8;
/** Uncached text below this many characters is checked in one go. */
export const SLICE_CHARS = 4000;
/** Paragraphs are checked in chunks of about this many characters between budget checks. */
const CHUNK_CHARS = 500;

/** Yield to the event loop: pending input and rendering run before the next slice. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Paragraphs (text between "\n") grouped into chunks of about `size` characters. */
export function chunks(paragraphs: readonly string[], size: number): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const p of paragraphs) {
    cur.push(p);
    len += p.length + 1;
    if (len >= size) {
      out.push(cur.join('\n'));
      cur = [];
      len = 0;
    }
  }
  if (cur.length) out.push(cur.join('\n'));
  return out;
}

/** A checker for one editing region. */
export interface LiveChecker {
  /** Characters of `text` in paragraphs the cache has not seen. */
  uncached(text: string): number;
  /**
   * Fill the paragraph cache for `text` in slices of at most about SLICE_BUDGET_MS, yielding
   * between them. Resolves false when `stale()` turned true meanwhile (a newer edit arrived).
   */
  warm(text: string, stale: () => boolean): Promise<boolean>;
  /** Check synchronously; fast once the cache is warm. */
  check(text: string): Report;
}

export function createLiveChecker(pack: CompiledPack, now: () => number = () => performance.now()): LiveChecker {
  const cache: ParagraphCache = new Map();
  const seen = new Set<string>();
  const remember = (text: string): void => {
    seen.clear();
    for (const p of text.split('\n')) seen.add(p);
  };
  return {
    uncached(text) {
      let n = 0;
      for (const p of text.split('\n')) if (!seen.has(p)) n += p.length;
      return n;
    },
    async warm(text, stale) {
      // small chunks: the first ones also pay for compiling the pack's regexes (lazily, on first use)
      const todo = chunks(text.split('\n').filter((p) => p && !seen.has(p)), CHUNK_CHARS);
      let sliceStart = now();
      for (const chunk of todo) {
        if (now() - sliceStart >= SLICE_BUDGET_MS) {
          await yieldToPage();
          if (stale()) return false;
          sliceStart = now();
        }
        // A private cache per chunk: check() drops entries of paragraphs absent from the text it
        // is given, so sharing the main cache here would evict the rest of the draft.
        const part: ParagraphCache = new Map();
        check(chunk, pack, { cache: part });
        for (const [k, v] of part) cache.set(k, v);
        for (const p of chunk.split('\n')) seen.add(p);
      }
      await yieldToPage();
      return !stale();
    },
    check(text) {
      const report = check(text, pack, { cache });
      remember(text);
      return report;
    },
  };
}
