import type { Finding } from '../engine/types';

const RANK = { error: 3, warning: 2, info: 1 } as const;
// The underline sits below the glyph box; let the pointer on the wave count as on the text.
const SLOP_PX = 3;

/** Something on screen that stands for a finding: a page Range or a mirror span. */
export interface Hittable {
  finding: Finding;
  rects(): Iterable<DOMRectReadOnly>;
}

/** The most severe shown finding whose text box contains the point (client coordinates). */
export function findingAt<T extends Hittable>(items: readonly T[], x: number, y: number, shown: (f: Finding) => boolean): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (!shown(item.finding)) continue;
    if (best && RANK[best.finding.severity] >= RANK[item.finding.severity]) continue;
    for (const r of item.rects()) {
      if (x >= r.left && x <= r.right && y >= r.top - 1 && y <= r.bottom + SLOP_PX) {
        best = item;
        break;
      }
    }
  }
  return best;
}

/** The finding whose span holds a caret offset (keyboard focus), most severe first. */
export function findingAtOffset<T extends { finding: Finding }>(items: readonly T[], offset: number, shown: (f: Finding) => boolean): T | null {
  let best: T | null = null;
  for (const item of items) {
    const f = item.finding;
    if (!shown(f) || offset < f.start || offset > f.end) continue;
    if (!best || RANK[f.severity] > RANK[best.finding.severity]) best = item;
  }
  return best;
}

/** The union box of some rects, for placing the card. */
export function unionRect(rects: Iterable<DOMRectReadOnly>): { left: number; top: number; right: number; bottom: number } | null {
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (const r of rects) {
    if (r.width === 0 && r.height === 0) continue;
    if (!box) box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    else {
      box.left = Math.min(box.left, r.left);
      box.top = Math.min(box.top, r.top);
      box.right = Math.max(box.right, r.right);
      box.bottom = Math.max(box.bottom, r.bottom);
    }
  }
  return box;
}
