import type { TextModel } from './text-model';

/** The editor families fashen knows; one adapter file each in lib/editors/. */
export const EDITOR_FAMILIES = ['contenteditable', 'iframe-body', 'wangeditor', 'ckeditor5', 'quill', 'textarea'] as const;
export type EditorFamily = (typeof EDITOR_FAMILIES)[number];

/** A rich-text region: text is read from the DOM and annotated through Ranges. */
export interface RichRegion {
  kind: 'rich';
  family: EditorFamily;
  /** the editor product as far as the DOM tells (tinymce, ueditor, kindeditor, wangeditor, ckeditor5, quill, …) */
  editor: string;
  /** the editing host: the element whose subtree is the draft */
  root: HTMLElement;
  /** a fresh text model of the draft, with offsets that map back to DOM positions */
  read(): TextModel;
}

/** A plain-text region (textarea): text is its value, annotations go to a mirror overlay. */
export interface PlainRegion {
  kind: 'plain';
  family: 'textarea';
  editor: string;
  root: HTMLTextAreaElement;
  read(): { text: string };
}

/** One editable region of a document, found by an adapter. */
export type Region = RichRegion | PlainRegion;

/** One editor family: where its editable roots are and how to read them. */
export interface EditorAdapter {
  family: EditorFamily;
  /** the family's editing roots in `doc` (outermost editing hosts only) */
  find(doc: Document): HTMLElement[];
  /** the region for a root returned by find() */
  region(root: HTMLElement): Region;
}
