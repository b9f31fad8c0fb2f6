import { watchRegions, type Region } from '../editors/index';
import type { Lang, Report } from '../engine/types';
import { MAX_REGION_FINDINGS, type ContentCommand, type RegionReport, type StoredDecision } from '../messages/index';
import { compilePack } from '../packs/compile';
import type { BuiltPack } from '../packs/schema';
import { Card } from './card';
import { DEFAULT_VIEW, type ViewState } from './layers';
import { canPaint, Painter } from './painter';
import { installProbe } from './probe';
import { RegionSession, type FrameEnv } from './session';

/** What the content script needs from the extension; the entrypoint wires it to browser APIs. */
export interface ContentIO {
  /** the packs to check with and the site (top-level origin) whose view state applies */
  hello(): Promise<{ site: string; packs: BuiltPack[] }>;
  readView(site: string): Promise<ViewState>;
  watchView(site: string, onChange: (view: ViewState) => void, signal: AbortSignal): void;
  /** the reports of this frame's regions, for the popup and the side panel */
  report(regions: RegionReport[]): void;
  /** the stored review decisions of this page's document */
  decisions(): Promise<StoredDecision[]>;
  /** the user's UI language now (the card speaks it) */
  lang(): Lang;
}

/** What a frame's annotator answers to the side panel's commands (content.ts wires them). */
export interface Annotator {
  command(cmd: Exclude<ContentCommand, { kind: 'stop' }>): void;
}

function regionReport(index: number, session: RegionSession, report: Report): RegionReport {
  const region = session.region;
  const counts: Record<string, number> = {};
  for (const f of report.findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  const findings = session.wire();
  return {
    region: index,
    family: region.family,
    editor: region.editor,
    title: report.title,
    documentType: report.documentType,
    validity: { status: report.validity.status, years: report.validity.years, limitYears: report.validity.limitYears },
    commentPeriod: { status: report.commentPeriod.status, days: report.commentPeriod.days, minDays: report.commentPeriod.minDays },
    counts,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    length: session.textLength(),
    packs: report.packs,
    findings: findings.slice(0, MAX_REGION_FINDINGS),
    truncated: Math.max(0, findings.length - MAX_REGION_FINDINGS),
  };
}

/**
 * Annotate every editable region of this frame until `signal` aborts. Nothing happens in a frame
 * without an editor: packs are requested and compiled only when the first region appears.
 */
export function init(signal: AbortSignal, io: ContentIO, doc: Document = document): Annotator {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return { command: () => undefined };
  const sessions = new Map<Region, RegionSession>();
  /** regions are numbered in the order they appear; the side panel addresses them by number */
  const indexOf = new Map<Region, number>();
  let nextIndex = 0;
  let decisions: readonly StoredDecision[] = [];
  const readDecisions = async (): Promise<void> => {
    try {
      decisions = await io.decisions();
    } catch (err) {
      console.warn('[fashen] cannot read review decisions / 无法读取审核决定', err);
    }
  };
  let env: Promise<FrameEnv | null> | null = null;
  let view: ViewState = DEFAULT_VIEW;
  let busy = 0;
  const idleWaiters: (() => void)[] = [];
  const latencies: number[] = [];
  let summaryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSummary = '';

  const sendSummary = (): void => {
    summaryTimer = undefined;
    const list = [...sessions.values()].filter((s) => s.report).map((s) => regionReport(indexOf.get(s.region) ?? 0, s, s.report!));
    const json = JSON.stringify(list);
    if (json === lastSummary) return;
    lastSummary = json;
    io.report(list);
  };

  const makeEnv = async (): Promise<FrameEnv | null> => {
    const [{ site, packs }] = await Promise.all([io.hello(), readDecisions()]);
    const pack = compilePack(packs);
    view = await io.readView(site);
    const painter = canPaint(win) ? new Painter(win, signal) : null;
    if (!painter) console.warn('[fashen] CSS Custom Highlight API missing: rich editors are checked but not painted / 浏览器不支持高亮');
    painter?.setView(view);
    const card = new Card(doc, signal, io.lang);
    io.watchView(
      site,
      (next) => {
        view = next;
        painter?.setView(next);
        for (const s of sessions.values()) s.applyView();
      },
      signal,
    );
    return {
      pack,
      painter,
      card,
      view: () => view,
      reported: () => {
        if (summaryTimer === undefined) summaryTimer = setTimeout(sendSummary, 300);
      },
      busy: (d) => {
        busy += d;
        if (busy === 0) for (const w of idleWaiters.splice(0)) w();
      },
      latency: (ms) => {
        latencies.push(ms);
        if (latencies.length > 1000) latencies.shift();
      },
      decisions: () => decisions,
    };
  };

  const live = new Set<Region>();
  watchRegions(
    doc,
    {
      added(region) {
        live.add(region);
        if (!indexOf.has(region)) indexOf.set(region, nextIndex++);
        env ??= makeEnv().catch((err: unknown) => {
          console.warn('[fashen] cannot start / 无法启动', err);
          return null;
        });
        void env.then((e) => {
          if (!e || signal.aborted || !live.has(region)) return;
          sessions.set(region, new RegionSession(region, e, signal));
        });
      },
      removed(region) {
        live.delete(region);
        sessions.get(region)?.dispose();
        sessions.delete(region);
        if (sessions.size === 0 && lastSummary !== '' && lastSummary !== '[]') sendSummary();
      },
    },
    signal,
  );
  signal.addEventListener('abort', () => {
    if (summaryTimer !== undefined) clearTimeout(summaryTimer);
    for (const w of idleWaiters.splice(0)) w();
  });

  installProbe(win, signal, {
    sessions: () => [...sessions.values()],
    view: () => view,
    latencies,
    card: async () => (await env)?.card.text() ?? null,
    idle: () => (busy === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
    started: () => env !== null,
    flashing: () => [...sessions.values()].map((s) => s.flashing()).find((t) => t) ?? '',
  });

  return {
    command(cmd) {
      if (signal.aborted) return;
      if (cmd.kind === 'decisions-changed') {
        void readDecisions().then(() => {
          if (signal.aborted) return;
          for (const s of sessions.values()) s.redecide();
          // the side panel waits for a report: send one even when nothing it shows changed
          lastSummary = '';
        });
      } else if (cmd.kind === 'reveal') {
        for (const [region, s] of sessions) {
          if (indexOf.get(region) === cmd.region && s.revealFinding(cmd.ruleId, cmd.start, cmd.end)) return;
        }
      }
    },
  };
}
