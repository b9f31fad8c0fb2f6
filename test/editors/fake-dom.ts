// A DOM-shaped tree for unit tests (happy-dom and jsdom are not installed): just what the text
// model reads, i.e. nodeType, nodeName, firstChild/nextSibling, data and attributes.

export class FakeNode {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  readonly ownerDocument = null;
  private readonly attrs = new Map<string, string>();

  constructor(
    readonly nodeType: 1 | 3,
    readonly nodeName: string,
    readonly data = '',
  ) {}

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const sibs = this.parentNode?.childNodes ?? [];
    return sibs[sibs.indexOf(this) + 1] ?? null;
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  get classList(): { contains(c: string): boolean } {
    const list = (this.attrs.get('class') ?? '').split(/\s+/);
    return { contains: (c) => list.includes(c) };
  }
  get id(): string {
    return this.attrs.get('id') ?? '';
  }
  setAttr(name: string, value: string): this {
    this.attrs.set(name, value);
    return this;
  }
}

/** An element: h('p', { class: 'x' }, 'text', h('b', {}, 'bold')). */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: (FakeNode | string)[]): FakeNode {
  const el = new FakeNode(1, tag.toUpperCase());
  for (const [k, v] of Object.entries(attrs)) el.setAttr(k, v);
  for (const c of children) {
    const node = typeof c === 'string' ? new FakeNode(3, '#text', c) : c;
    node.parentNode = el;
    el.childNodes.push(node);
  }
  return el;
}

/** The fake as the DOM type the code under test expects. */
export const asNode = (n: FakeNode): Node => n as unknown as Node;
export const asText = (n: FakeNode | undefined): Text => n as unknown as Text;
