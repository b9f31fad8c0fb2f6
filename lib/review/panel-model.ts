import { z } from 'zod';
import { CATEGORY_LABELS } from '../annotate/labels';
import { CATEGORIES, SEVERITIES, type Category, type Lang, type Localized, type Report, type Severity } from '../engine/types';
import type { FrameReport, StoredDecision, WireFinding } from '../messages/index';
import { R } from '../i18n/catalog/review';
import { tr } from '../i18n/index';
import { DECISION_FIELD_LABELS, DECISION_KINDS, REASON_REQUIRED, type Decision, type DecisionKind } from './decisions';
import { findingKey } from './export';

// What the side panel shows (issue 5), computed without the DOM or the browser: which region is
// the draft, how findings group and filter, which decisions are resolved (已修改), what the export
// includes by default. The components only render these values.

/** A region of the tab's page, named by its frame and its index within the frame. */
export function regionId(r: Pick<FrameReport, 'frameId' | 'region'>): string {
  return `${r.frameId}:${r.region}`;
}

/**
 * Regions longest text first (stable): an OA page holds the draft and a few small boxes (comment,
 * opinion, search), and the draft is almost always the longest.
 */
export function listRegions(regions: readonly FrameReport[]): FrameReport[] {
  return regions
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.length - a.r.length || a.i - b.i)
    .map((x) => x.r);
}

/** The region reviewed unless the user picks another: the longest. */
export function primaryRegion(regions: readonly FrameReport[]): FrameReport | null {
  return listRegions(regions)[0] ?? null;
}

/** The region the user picked while it still exists, else the primary one. */
export function pickRegion(regions: readonly FrameReport[], selected: string | null): FrameReport | null {
  return regions.find((r) => regionId(r) === selected) ?? primaryRegion(regions);
}

const CN_NUM = '零〇一二三四五六七八九十百千';
const LOCATION_HEADS: RegExp[] = [
  new RegExp(`^第[${CN_NUM}\\d]+条`), // 第十二条第二款第（三）项 → 第十二条
  new RegExp(`^[${CN_NUM}]+、`), // 三、（二）5. → 三、
  /^[（(][^）)]{1,6}[）)]/, // （二）5. → （二）
  /^\d{1,3}[.．]/, // 5. → 5.
  new RegExp(`^第[${CN_NUM}\\d]+章`), // 第二章第一节 (before the first article) → 第二章
];

/** The 条-level (or top heading) part of an engine location; '' stays '' (the whole document). */
export function locationGroup(location: string): string {
  const loc = location.trim();
  for (const re of LOCATION_HEADS) {
    const m = re.exec(loc);
    if (m) return m[0];
  }
  return loc;
}

/** Where a finding stands in the review: no decision yet, or the kind decided. */
export type DecisionStatus = 'undecided' | DecisionKind;
/** The status filter: every finding, one status, or the decisions whose text was rewritten. */
export type StatusFilter = 'all' | DecisionStatus | 'resolved';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'undecided', ...DECISION_KINDS, 'resolved'];

/** One finding as the panel shows it, paired with its decision. */
export interface PanelFinding {
  /** findingKey(): the key buildOpinion's `include` and `decisions` use */
  key: string;
  /**
   * Unique across the regions of the tab, and stable while the drafter edits elsewhere: frame,
   * region, rule, the quoted text and which repeat of that quote it is (offsets would change
   * with every keystroke before the finding and close an open decision form).
   */
  uid: string;
  frameId: number;
  region: number;
  finding: WireFinding;
  decision: StoredDecision | null;
  status: DecisionStatus;
}

/**
 * The findings of a region in text order with their decisions. `pending` maps a finding's uid to
 * the id of a decision just saved for it: the content script pairs it on its next report, and
 * until then the panel shows the saved decision rather than none.
 */
export function panelFindings(region: FrameReport, decisions: readonly StoredDecision[], pending: ReadonlyMap<string, string> = new Map()): PanelFinding[] {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const repeats = new Map<string, number>();
  return [...region.findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((finding) => {
      const key = findingKey(finding);
      const quote = `${finding.ruleId}|${finding.anchor.exact}`;
      const n = repeats.get(quote) ?? 0;
      repeats.set(quote, n + 1);
      const uid = `${regionId(region)}#${quote}#${n}`;
      const id = pending.get(uid) ?? finding.decisionId;
      const decision = id === null ? null : (byId.get(id) ?? null);
      return {
        key,
        uid,
        frameId: region.frameId,
        region: region.region,
        finding,
        decision,
        status: decision ? decision.decision.kind : 'undecided',
      };
    });
}

/** Every decision id some finding of the tab carries. */
export function carriedIds(regions: readonly FrameReport[]): Set<string> {
  const ids = new Set<string>();
  for (const r of regions) for (const f of r.findings) if (f.decisionId !== null) ids.add(f.decisionId);
  return ids;
}

/**
 * Decisions no finding carries any more: the quoted text was rewritten, so the finding is gone
 * (已修改). Decisions just saved (`pending`) are not resolved yet, only not reported yet.
 * Most recent first.
 */
export function resolvedDecisions(regions: readonly FrameReport[], decisions: readonly StoredDecision[], pending: ReadonlySet<string> = new Set()): StoredDecision[] {
  const carried = carriedIds(regions);
  return decisions.filter((d) => !carried.has(d.id) && !pending.has(d.id)).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The filters of the finding list. */
export interface Filters {
  category: Category | 'all';
  severity: Severity | 'all';
  status: StatusFilter;
  /** free text, matched case-insensitively in the excerpt, location, message, basis, rule and decision */
  query: string;
}

export const NO_FILTERS: Filters = { category: 'all', severity: 'all', status: 'all', query: '' };

function haystack(parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join('\n').toLowerCase();
}

function queryMatches(query: string, parts: (string | undefined)[]): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || haystack(parts).includes(q);
}

export function matchesFilters(item: PanelFinding, filters: Filters, lang: Lang): boolean {
  const f = item.finding;
  if (filters.category !== 'all' && f.category !== filters.category) return false;
  if (filters.severity !== 'all' && f.severity !== filters.severity) return false;
  if (filters.status === 'resolved') return false;
  if (filters.status !== 'all' && item.status !== filters.status) return false;
  const d = item.decision?.decision;
  return queryMatches(filters.query, [f.text, f.location, f.message[lang], f.ruleId, ...f.basis, f.suggestion?.[lang], d?.reason, d?.note]);
}

export function filterFindings(items: readonly PanelFinding[], filters: Filters, lang: Lang): PanelFinding[] {
  return items.filter((i) => matchesFilters(i, filters, lang));
}

/**
 * Resolved decisions under the filters: shown for the status 'all' or 'resolved' only. Their
 * category and severity are not known (the finding is gone), so those filters hide them.
 */
export function filterResolved(decisions: readonly StoredDecision[], filters: Filters): StoredDecision[] {
  if (filters.status !== 'all' && filters.status !== 'resolved') return [];
  if (filters.status === 'all' && (filters.category !== 'all' || filters.severity !== 'all')) return [];
  return decisions.filter((s) => queryMatches(filters.query, [s.decision.anchor.exact, s.decision.anchor.ruleId, s.decision.reason, s.decision.note]));
}

/** How the list is grouped. */
export type GroupBy = 'category' | 'location';

/** One heading of the list and its findings, in text order. */
export interface FindingGroup {
  id: string;
  label: Localized;
  items: PanelFinding[];
}

const WHOLE_DOCUMENT: Localized = { 'zh-CN': '全文', en: 'Whole document' };

/** Groups by category (in the order of CATEGORIES) or by 条 (in text order); empty groups left out. */
export function groupFindings(items: readonly PanelFinding[], by: GroupBy): FindingGroup[] {
  const sorted = [...items].sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  if (by === 'category') {
    return CATEGORIES.map((c) => ({ id: `category:${c}`, label: CATEGORY_LABELS[c], items: sorted.filter((i) => i.finding.category === c) })).filter((g) => g.items.length > 0);
  }
  const groups = new Map<string, FindingGroup>();
  for (const item of sorted) {
    const head = locationGroup(item.finding.location);
    let g = groups.get(head);
    if (!g) {
      g = { id: `location:${head}`, label: head ? { 'zh-CN': head, en: head } : WHOLE_DOCUMENT, items: [] };
      groups.set(head, g);
    }
    g.items.push(item);
  }
  // whole-document findings (validity, comment period without a place) read best first
  return [...groups.values()].sort((a, b) => Number(a.id !== 'location:') - Number(b.id !== 'location:'));
}

/** Counts of one category by severity. */
export interface CountRow {
  category: Category;
  counts: Record<Severity, number>;
  total: number;
}

/** The summary's table: categories that have findings, by severity, and the totals. */
export interface CountTable {
  rows: CountRow[];
  totals: Record<Severity, number>;
  total: number;
}

const zeroes = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });

export function countTable(findings: readonly Pick<WireFinding, 'category' | 'severity'>[]): CountTable {
  const rows = new Map<Category, CountRow>();
  const totals = zeroes();
  for (const f of findings) {
    let row = rows.get(f.category);
    if (!row) rows.set(f.category, (row = { category: f.category, counts: zeroes(), total: 0 }));
    row.counts[f.severity]++;
    row.total++;
    totals[f.severity]++;
  }
  return {
    rows: CATEGORIES.flatMap((c) => rows.get(c) ?? []),
    totals,
    total: SEVERITIES.reduce((n, s) => n + totals[s], 0),
  };
}

/** Included in the export unless the reviewer says otherwise: what must change or goes to legal review. */
export function includedByDefault(item: Pick<PanelFinding, 'status'>): boolean {
  return item.status === 'must-change' || item.status === 'needs-legal-review';
}

/**
 * The key of the reviewer's include choice: the finding's quote anchor, not its offsets, so the
 * choice survives an edit elsewhere in the draft that shifts every offset after it.
 */
export function choiceKey(item: Pick<PanelFinding, 'finding'>): string {
  const a = item.finding.anchor;
  return JSON.stringify([a.ruleId, a.exact, a.prefix, a.suffix]);
}

/** The findingKey()s to export: the reviewer's own choice per finding (by choiceKey), else the default. */
export function exportSelection(items: readonly PanelFinding[], overrides: ReadonlyMap<string, boolean>): Set<string> {
  return new Set(items.filter((i) => overrides.get(choiceKey(i)) ?? includedByDefault(i)).map((i) => i.key));
}

/** One include choice recorded. */
export function override(previous: ReadonlyMap<string, boolean>, item: Pick<PanelFinding, 'finding'>, included: boolean): Map<string, boolean> {
  return new Map(previous).set(choiceKey(item), included);
}

/** Overrides that include (or leave out) every finding listed: 全选 / 全不选. */
export function overrideAll(items: readonly PanelFinding[], included: boolean, previous: ReadonlyMap<string, boolean> = new Map()): Map<string, boolean> {
  const next = new Map(previous);
  for (const i of items) next.set(choiceKey(i), included);
  return next;
}

/** The decisions of a region's findings by findingKey (buildOpinion's `decisions`). */
export function decisionsByKey(items: readonly PanelFinding[]): Map<string, Decision> {
  return new Map(items.flatMap((i) => (i.decision ? [[i.key, i.decision.decision] as const] : [])));
}

/** The engine's finding without the wire's anchor and decision id. */
function engineFinding(f: WireFinding): Report['findings'][number] {
  const { anchor: _anchor, decisionId: _decisionId, ...finding } = f;
  return finding;
}

/** A region report as the engine's Report, what buildOpinion takes. */
export function reportForExport(region: FrameReport): Report {
  return {
    title: region.title,
    documentType: region.documentType,
    provisional: false,
    findings: region.findings.map(engineFinding),
    validity: { ...region.validity },
    commentPeriod: { ...region.commentPeriod },
    packs: region.packs.map((p) => ({ ...p })),
  };
}

/** The decision kind a key picks on the focused finding (reviewer mode): 1, 2, 3. */
export function shortcutKind(key: string): DecisionKind | null {
  const i = ['1', '2', '3'].indexOf(key);
  return i < 0 ? null : (DECISION_KINDS[i] ?? null);
}

/** The item focused after a move in a roving-focus list: wraps neither way. */
export function moveFocus(uids: readonly string[], current: string | null, move: 'next' | 'prev' | 'first' | 'last'): string | null {
  if (uids.length === 0) return null;
  if (move === 'first') return uids[0]!;
  if (move === 'last') return uids[uids.length - 1]!;
  const at = current === null ? -1 : uids.indexOf(current);
  if (at < 0) return uids[0]!;
  const next = move === 'next' ? Math.min(at + 1, uids.length - 1) : Math.max(at - 1, 0);
  return uids[next]!;
}

/** Local date as YYYY-MM-DD (成文日期 of the export). */
export function localDate(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Who sees what: drafters fix, reviewers also decide and export. */
export type ReviewMode = 'drafter' | 'reviewer';
/** storage.local key of the panel's mode. */
export const MODE_KEY = 'reviewMode';

export function parseMode(value: unknown): ReviewMode {
  return value === 'reviewer' ? 'reviewer' : 'drafter';
}

/** The reviewer's name, office (落款) and the drafting unit the opinion goes to (主送). */
export const ReviewProfileSchema = z.object({
  name: z.string().max(100).catch(''),
  office: z.string().max(200).catch(''),
  recipient: z.string().max(200).catch(''),
});
export type ReviewProfile = z.infer<typeof ReviewProfileSchema>;
/** storage.local key of the reviewer's profile. */
export const PROFILE_KEY = 'reviewProfile';
export const EMPTY_PROFILE: ReviewProfile = { name: '', office: '', recipient: '' };

/** A stored profile read leniently: a malformed field becomes empty. */
export function parseProfile(value: unknown): ReviewProfile {
  const r = ReviewProfileSchema.safeParse(value && typeof value === 'object' ? value : {});
  return r.success ? r.data : EMPTY_PROFILE;
}

/** `?tab=<id>` of the panel's address (a fixed tab), or null to follow the active tab. */
export function fixedTabOf(search: string): number | null {
  const v = new URLSearchParams(search).get('tab');
  return v !== null && /^\d{1,15}$/.test(v) ? Number(v) : null;
}

/** A decide() error in the user's language, with the field it belongs to. */
export function decisionErrorText(err: { path: string; message: string }, lang: Lang): { field: string; text: string } {
  const field = err.path.split('.')[0] ?? '';
  const label = (DECISION_FIELD_LABELS as Record<string, Localized>)[field]?.[lang] ?? field;
  if (field === 'reason' && err.message.includes(REASON_REQUIRED['zh-CN'])) return { field, text: REASON_REQUIRED[lang] };
  if (/too big|too long|<=|at most/i.test(err.message)) return { field, text: tr(R.tooLong, lang, { field: label }) };
  return { field, text: tr(R.invalidField, lang, { field: label }) };
}
