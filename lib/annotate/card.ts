import type { Finding, Localized } from '../engine/types';
import { both, CATEGORY_LABELS, SEVERITY_LABELS, UI } from './labels';
import { CARD_CSS } from './styles';

/** What a card says about one finding, before it becomes DOM (kept pure for unit tests). */
export interface CardContent {
  severity: Finding['severity'];
  category: string;
  severityLabel: string;
  location: string;
  message: Localized;
  suggestion?: Localized;
  basis: string[];
  verify: string | null;
}

export function cardContent(f: Finding): CardContent {
  return {
    severity: f.severity,
    category: both(CATEGORY_LABELS[f.category]),
    severityLabel: both(SEVERITY_LABELS[f.severity]),
    location: f.location || UI.wholeDocument['zh-CN'],
    message: f.message,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    basis: f.basis,
    verify: f.cited ? both(UI.verifyBasis) : null,
  };
}

/** A box to place the card against, in the client coordinates of the card's window. */
export interface Anchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP_PX = 6;
const MARGIN_PX = 8;
const MIN_HEIGHT_PX = 60;

/**
 * The finding card: a closed shadow root on a host element appended to <html> (outside the
 * editor's subtree, so editors and their serializers never see it), created on first use.
 * Every string goes in through textContent: draft text is never parsed as HTML.
 */
export class Card {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private current: Finding | null = null;
  private leave: ((to: EventTarget | null) => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.host?.remove());
  }

  get finding(): Finding | null {
    return this.current;
  }

  /** The card's host element, to tell whether the pointer is over the card. */
  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  /** Visible text of the card (tests read it through the isolated world). */
  text(): string | null {
    return this.current && this.box ? this.box.innerText : null;
  }

  /**
   * Open the card on a finding. `onLeave` runs when the pointer leaves the card (the session
   * closes a card it opened on hover unless the pointer went back to the text).
   */
  show(f: Finding, anchor: Anchor, onLeave: ((to: EventTarget | null) => void) | null = null): void {
    this.leave = onLeave;
    const box = this.ensure();
    if (this.current !== f) this.render(box, cardContent(f));
    this.current = f;
    box.hidden = false;
    this.place(box, anchor);
  }

  hide(): void {
    if (this.box) this.box.hidden = true;
    this.current = null;
    this.leave = null;
  }

  private ensure(): HTMLElement {
    if (this.box) return this.box;
    const doc = this.doc;
    const win = doc.defaultView!;
    const host = doc.createElement('fashen-card');
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
    const box = doc.createElement('div');
    box.className = 'card';
    box.hidden = true;
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-live', 'polite');
    box.lang = 'zh-CN';
    shadow.append(box);
    doc.documentElement.append(host);
    box.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide(), { signal: this.signal });
    box.addEventListener('mouseleave', (e) => this.leave?.(e.relatedTarget), { signal: this.signal });
    this.host = host;
    this.box = box;
    return box;
  }

  private render(box: HTMLElement, c: CardContent): void {
    const doc = this.doc;
    const el = (tag: string, cls: string, text?: string, lang?: string): HTMLElement => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      if (lang) e.lang = lang;
      return e;
    };
    box.replaceChildren();
    box.setAttribute('aria-label', c.category);
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', both(UI.close));
    close.addEventListener('click', () => this.hide(), { signal: this.signal });
    const head = el('div', 'head');
    head.append(el('span', `badge ${c.severity}`, c.severityLabel), el('span', 'category', c.category), el('span', 'location', `${UI.location['zh-CN']}：${c.location}`));
    box.append(close, head, el('p', 'msg', c.message['zh-CN']), el('p', 'msg en', c.message.en, 'en'));
    if (c.suggestion) {
      const s = el('div', 'section');
      s.append(el('span', 'label', `${both(UI.suggestion)}：`), el('span', '', c.suggestion['zh-CN']), el('div', 'en', c.suggestion.en, 'en'));
      box.append(s);
    }
    if (c.basis.length) {
      const s = el('div', 'section');
      const list = el('ul', '');
      for (const b of c.basis) list.append(el('li', '', b));
      s.append(el('span', 'label', `${both(UI.basis)}：`), list);
      box.append(s);
    }
    if (c.verify) box.append(el('div', 'verify', c.verify));
  }

  private place(box: HTMLElement, a: Anchor): void {
    const win = this.doc.defaultView!;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    // Never cover the text the card is about: take the side with room (below first) and let the
    // card scroll inside a small frame (an editor iframe of a few hundred pixels).
    const below = vh - a.bottom - GAP_PX - MARGIN_PX;
    const above = a.top - GAP_PX - MARGIN_PX;
    box.style.maxHeight = 'none';
    const natural = box.offsetHeight;
    const downward = natural <= below || below >= above;
    const room = Math.max(MIN_HEIGHT_PX, downward ? below : above);
    box.style.maxHeight = `${Math.floor(room)}px`;
    const h = Math.min(natural, room);
    const top = downward ? a.bottom + GAP_PX : a.top - GAP_PX - h;
    const left = Math.max(MARGIN_PX, Math.min(a.left, vw - box.offsetWidth - MARGIN_PX));
    box.style.left = `${Math.round(left)}px`;
    box.style.top = `${Math.round(top)}px`;
  }
}
