import { z } from 'zod';
import { CATEGORIES, type Category, type Severity } from '../engine/types';

/** What a reviewer sees on one site: the global switch and the hidden category layers. */
export const ViewStateSchema = z.object({
  visible: z.boolean().default(true),
  hidden: z.array(z.enum(CATEGORIES)).default([]),
});
export type ViewState = z.infer<typeof ViewStateSchema>;

export const DEFAULT_VIEW: ViewState = { visible: true, hidden: [] };

/** storage.local key of a site's view state; a site is the tab's top-level origin. */
export function viewKey(site: string): string {
  return `view:${site}`;
}

/** A stored value read leniently: anything malformed falls back to the default view. */
export function parseView(value: unknown): ViewState {
  const parsed = ViewStateSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_VIEW;
}

export function isShown(view: ViewState, category: Category): boolean {
  return view.visible && !view.hidden.includes(category);
}

export function toggleVisible(view: ViewState): ViewState {
  return { ...view, visible: !view.visible };
}

export function setLayer(view: ViewState, category: Category, shown: boolean): ViewState {
  const hidden = view.hidden.filter((c) => c !== category);
  if (!shown) hidden.push(category);
  return { ...view, hidden: CATEGORIES.filter((c) => hidden.includes(c)) };
}

/** The CSS highlight name of a category and severity: one highlight each (issue 3). */
export function highlightName(category: Category, severity: Severity): string {
  return `fashen-${category}-${severity}`;
}

/** The highlight of a category's dismissed findings (decided acceptable): drawn dimmed (issue 5). */
export function dismissedHighlightName(category: Category): string {
  return `fashen-${category}-dismissed`;
}

/** The highlight that flashes a finding the side panel revealed. */
export const FLASH_HIGHLIGHT = 'fashen-flash';
/** How long a revealed finding flashes, in ms. */
export const FLASH_MS = 1600;
