// The text the engine sees, built from the DOM without touching it. Editors' own text APIs
// disagree on paragraph breaks (TOOLCHAIN.md: TinyMCE and CKEditor put "\n\n", wangEditor drops
// the last "\n"), so offsets come from this one walk: text nodes contribute their data, block
// elements and <br> add a virtual "\n" that belongs to no node.

/** A text node's place in the model: text.slice(start, end) === node.data. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

/** A DOM position: a text node and an offset into its data. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/** The draft as one string plus the text nodes it came from, in document order. */
export interface TextModel {
  text: string;
  segments: Segment[];
  /** a Range over [start, end) of `text`, or null when the span holds no node text */
  rangeFor(start: number, end: number): Range | null;
}

/** Elements that break a line when rendered. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never draft text. */
const OPAQUE = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'TEXTAREA', 'SELECT', 'svg', 'SVG']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** What an adapter may exclude on top of the defaults (editor UI, placeholders, bookmarks). */
export type SkipElement = (el: Element) => boolean;

/** Whitespace made only of source formatting between blocks ("\n    "), not typed by anyone. */
function isFormattingWhitespace(data: string): boolean {
  return /^[ \t\r\n]*$/.test(data) && /[\r\n]/.test(data);
}

/**
 * Build the text model of `root`'s subtree. Only reads the DOM (nodeType, nodeName, childNodes,
 * data, getAttribute), so it runs on any DOM-shaped tree.
 */
export function buildTextModel(root: Node, skip?: SkipElement): TextModel {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  // Start as if after a break so the model never opens with a virtual "\n".
  let atBreak = true;

  const softBreak = (): void => {
    if (atBreak) return;
    parts.push('\n');
    length += 1;
    atBreak = true;
  };

  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const data = (child as Text).data;
        if (!data || isFormattingWhitespace(data)) continue;
        segments.push({ node: child as Text, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
        atBreak = data.endsWith('\n');
      } else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        const name = el.nodeName.toUpperCase();
        if (OPAQUE.has(name) || OPAQUE.has(el.nodeName)) continue;
        if (el.getAttribute('contenteditable') === 'false') continue;
        if (skip?.(el)) continue;
        if (name === 'BR') {
          // A <br> always breaks the line, even after a block boundary (an empty paragraph).
          parts.push('\n');
          length += 1;
          atBreak = true;
          continue;
        }
        const block = BLOCK.has(name);
        if (block) softBreak();
        walk(el);
        if (block) softBreak();
      }
    }
  };
  walk(root);

  const text = parts.join('');
  const doc = root.ownerDocument;
  return {
    text,
    segments,
    rangeFor(start, end) {
      if (!doc) return null;
      return rangeFromPoints(doc, pointAt(segments, start, 'start'), pointAt(segments, end, 'end'));
    },
  };
}

/**
 * The DOM position of a model offset. `start` affinity resolves an offset on a boundary or in a
 * virtual "\n" to the following text node, `end` affinity to the preceding one, so a range never
 * starts at the end of one node or ends at the start of the next.
 */
export function pointAt(segments: readonly Segment[], offset: number, affinity: 'start' | 'end'): DomPoint | null {
  if (segments.length === 0) return null;
  // last segment whose start <= offset (binary search)
  let lo = 0;
  let hi = segments.length - 1;
  if (offset < segments[0]!.start) return affinity === 'start' ? { node: segments[0]!.node, offset: 0 } : null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo]!;
  if (affinity === 'end') {
    // offset === seg.start with an empty span before it belongs to the previous node's end
    if (offset === seg.start && lo > 0) {
      const prev = segments[lo - 1]!;
      return { node: prev.node, offset: prev.end - prev.start };
    }
    return { node: seg.node, offset: Math.min(offset, seg.end) - seg.start };
  }
  if (offset < seg.end) return { node: seg.node, offset: offset - seg.start };
  const next = segments[lo + 1];
  return next ? { node: next.node, offset: 0 } : null;
}

function rangeFromPoints(doc: Document, s: DomPoint | null, e: DomPoint | null): Range | null {
  if (!s || !e) return null;
  const range = doc.createRange();
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  // setEnd before the start collapses the range: the span held only virtual breaks
  if (range.collapsed) return null;
  return range;
}

/** The model offset of a DOM point inside one of the model's text nodes, or null. */
export function offsetOf(segments: readonly Segment[], node: Node, offset: number): number | null {
  for (const seg of segments) if (seg.node === node) return seg.start + Math.min(offset, seg.end - seg.start);
  return null;
}
