import { buildTextModel, type SkipElement } from './text-model';
import type { EditorFamily, RichRegion } from './types';

/** A rich region reading its root through the shared text model. */
export function richRegion(family: EditorFamily, editor: string, root: HTMLElement, skip?: SkipElement): RichRegion {
  return { kind: 'rich', family, editor, root, read: () => buildTextModel(root, skip) };
}

/** True when `el` is an editing host: editable, and its parent is not (the outermost editable). */
export function isEditingHost(el: HTMLElement): boolean {
  if (!el.isContentEditable) return false;
  const parent = el.parentElement;
  return !parent || !parent.isContentEditable;
}
