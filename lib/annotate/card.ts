import type { Finding, Lang } from '../engine/types';
import { CATEGORY_LABELS, SEVERITY_LABELS, UI } from './labels';
import { CARD_CSS } from './styles';

/** What a card says about one finding, before it becomes DOM (kept pure for unit tests). */
export interface CardContent {
  lang: Lang;
  severity: Finding['severity'];
  category: string;
  severityLabel: string;
  /** "位置：第四条" / "Location: 第四条" */
  location: string;
  message: string;
  /** "建议：…" / "Suggestion: …" */
  suggestion?: string;
  basisLabel: string;
  basis: string[];
  verify: string | null;
  close: string;
}

/** The card's words in one language (issue 5: the UI shows the user's language, zh-CN first). */
export function cardContent(f: Finding, lang: Lang = 'zh-CN'): CardContent {
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return {
    lang,
    severity: f.severity,
    category: CATEGORY_LABELS[f.category][lang],
    severityLabel: SEVERITY_LABELS[f.severity][lang],
    location: `${UI.location[lang]}${colon}${f.location || UI.wholeDocument[lang]}`,
    message: f.message[lang],
    ...(f.suggestion ? { suggestion: `${UI.suggestion[lang]}${colon}${f.suggestion[lang]}` } : {}),
    basisLabel: `${UI.basis[lang]}${colon}`,
    basis: f.basis,
    verify: f.cited ? UI.verifyBasis[lang] : null,
    close: UI.close[lang],
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
    /** the user's language, read when a card opens (the setting may change while the page lives) */
    private readonly lang: () => Lang = () => 'zh-CN',
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
    if (this.current !== f || box.lang !== this.lang()) this.render(box, cardContent(f, this.lang()));
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
    box.lang = c.lang;
    box.setAttribute('aria-label', c.category);
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', c.close);
    close.addEventListener('click', () => this.hide(), { signal: this.signal });
    const head = el('div', 'head');
    head.append(el('span', `badge ${c.severity}`, c.severityLabel), el('span', 'category', c.category), el('span', 'location', c.location));
    box.append(close, head, el('p', 'msg', c.message));
    if (c.suggestion) box.append(el('div', 'section', c.suggestion));
    if (c.basis.length) {
      const s = el('div', 'section');
      const list = el('ul', '');
      // the articles a finding rests on are Chinese law titles in either UI language
      for (const b of c.basis) list.append(el('li', '', b, 'zh-CN'));
      s.append(el('span', 'label', c.basisLabel), list);
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
