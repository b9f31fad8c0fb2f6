import type { EditorAdapter, PlainRegion } from './types';

// Single-line-ish textareas (a remark box, a search field) are not drafts: a region needs room for
// at least a few lines. Disabled textareas cannot be typed in; read-only ones are still reviewed.
const MIN_HEIGHT_PX = 48;

function isDraftTextarea(ta: HTMLTextAreaElement): boolean {
  if (ta.disabled) return false;
  return ta.offsetHeight >= MIN_HEIGHT_PX || ta.rows >= 3;
}

/** Textareas tall enough to hold a draft. */
export const textarea: EditorAdapter = {
  family: 'textarea',
  find: (doc) => [...doc.querySelectorAll('textarea')].filter(isDraftTextarea),
  region(root): PlainRegion {
    const ta = root as HTMLTextAreaElement;
    return { kind: 'plain', family: 'textarea', editor: 'textarea', root: ta, read: () => ({ text: ta.value }) };
  },
};
