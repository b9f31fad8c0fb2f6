import type { Finding } from '../engine/types';
import { dismissedHighlightName, FLASH_HIGHLIGHT, FLASH_MS, highlightName, isShown, type ViewState } from './layers';
import { highlightCss } from './styles';

/** A finding and the page Range it covers. */
export interface Painted {
  finding: Finding;
  range: Range;
  /** a reviewer decided the finding acceptable: drawn dimmed (issue 5) */
  dimmed?: boolean;
}

const PRIORITY = { error: 3, warning: 2, info: 1, dismissed: 0 } as const;

/** True when this window can paint with the CSS Custom Highlight API. */
export function canPaint(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights === 'object';
}

/**
 * Paints findings of every rich region of one window with the CSS Custom Highlight API: one
 * Highlight per category×severity, styled by one constructed stylesheet adopted by the document.
 * Nothing is inserted into the page's DOM (TOOLCHAIN.md: zero mutations, editor output unchanged).
 * Uses the frame's own constructors: a sheet or Highlight from another realm cannot be adopted.
 */
export class Painter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly regions = new Map<object, Map<string, Range[]>>();
  private readonly sheet: CSSStyleSheet;
  private view: ViewState = { visible: true, hidden: [] };

  constructor(
    private readonly win: Window & typeof globalThis,
    signal: AbortSignal,
  ) {
    const doc = win.document;
    this.sheet = new win.CSSStyleSheet();
    this.sheet.replaceSync(highlightCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet];
    signal.addEventListener('abort', () => this.dispose());
  }

  /** Replace the painted findings of one region. */
  set(region: object, items: readonly Painted[]): void {
    this.clearRegion(region);
    const byName = new Map<string, Range[]>();
    for (const { finding, range, dimmed } of items) {
      const name = dimmed ? dismissedHighlightName(finding.category) : highlightName(finding.category, finding.severity);
      let h = this.highlights.get(name);
      if (!h) {
        h = new this.win.Highlight();
        h.priority = PRIORITY[dimmed ? 'dismissed' : finding.severity];
        this.highlights.set(name, h);
        if (this.shown(name)) this.win.CSS.highlights.set(name, h);
      }
      h.add(range);
      const list = byName.get(name) ?? [];
      list.push(range);
      byName.set(name, list);
    }
    this.regions.set(region, byName);
  }

  /** Forget a region (its editor went away). */
  clearRegion(region: object): void {
    const old = this.regions.get(region);
    if (!old) return;
    for (const [name, ranges] of old) {
      const h = this.highlights.get(name);
      if (h) for (const r of ranges) h.delete(r);
    }
    this.regions.delete(region);
  }

  /** Apply the global switch and the category layers by (un)registering highlights. */
  setView(view: ViewState): void {
    this.view = view;
    const registry = this.win.CSS.highlights;
    for (const [name, h] of this.highlights) {
      if (this.shown(name)) registry.set(name, h);
      else if (registry.get(name) === h) registry.delete(name);
    }
  }

  /**
   * Flash one range (a finding the side panel revealed) for FLASH_MS; a new flash replaces the
   * previous one. Drawn above every other highlight, like the others without touching the DOM.
   */
  flash(range: Range): void {
    const registry = this.win.CSS.highlights;
    const h = new this.win.Highlight(range);
    h.priority = 10;
    registry.set(FLASH_HIGHLIGHT, h);
    this.win.clearTimeout(this.flashTimer);
    this.flashTimer = this.win.setTimeout(() => {
      if (registry.get(FLASH_HIGHLIGHT) === h) registry.delete(FLASH_HIGHLIGHT);
    }, FLASH_MS);
  }

  /** The text under the flash highlight now ('' when nothing flashes). */
  flashing(): string {
    const h = this.win.CSS.highlights.get(FLASH_HIGHLIGHT);
    if (!h) return '';
    return [...h].map((r) => r.toString()).join('');
  }

  private flashTimer = 0;

  private shown(name: string): boolean {
    const category = /^fashen-(.+)-(?:error|warning|info|dismissed)$/.exec(name)?.[1];
    return isShown(this.view, category as Finding['category']);
  }

  private dispose(): void {
    const registry = this.win.CSS.highlights;
    for (const [name, h] of this.highlights) if (registry.get(name) === h) registry.delete(name);
    this.highlights.clear();
    this.win.clearTimeout(this.flashTimer);
    registry.delete(FLASH_HIGHLIGHT);
    this.regions.clear();
    const doc = this.win.document;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }
}
