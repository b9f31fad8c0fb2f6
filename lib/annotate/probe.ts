import type { ViewState } from './layers';
import type { RegionSession } from './session';

/** What the probe reads from a frame's annotation state. */
export interface ProbeSource {
  sessions(): RegionSession[];
  view(): ViewState;
  latencies: number[];
  card(): Promise<string | null>;
  idle(): Promise<void>;
  started(): boolean;
  /** the text of the finding flashing now (revealed from the side panel), '' when none */
  flashing(): string;
}

/**
 * `globalThis.__fashen` in the content script's isolated world: read-only state for the
 * end-to-end tests and the browser bench (through CDP, TOOLCHAIN.md). The page's own scripts run
 * in another world and cannot see it.
 */
export function installProbe(win: Window, signal: AbortSignal, src: ProbeSource): void {
  const probe = {
    version: 1,
    started: src.started,
    /** resolves when no check is scheduled or running in this frame */
    settled: () => src.idle(),
    view: src.view,
    latencies: src.latencies,
    card: src.card,
    /** centre of a shown finding's first line, in this frame's client coordinates */
    reveal: (text: string) => src.sessions().some((s) => s.reveal(text)),
    flashing: src.flashing,
    pointOf: (text: string) => src.sessions().map((s) => s.pointOf(text)).find((p) => p) ?? null,
    regions: () =>
      src.sessions().map((s) => ({
        family: s.region.family,
        editor: s.region.editor,
        checks: s.checks,
        timing: s.timing,
        composing: s.watch.composing,
        findings: s.report?.findings.map((f) => ({ ruleId: f.ruleId, category: f.category, severity: f.severity, cited: f.cited, text: f.text, location: f.location, start: f.start, end: f.end })) ?? [],
        painted: s.painted(),
        validity: s.report?.validity.status ?? null,
        commentPeriod: s.report?.commentPeriod.status ?? null,
      })),
  };
  const g = win as unknown as { __fashen?: typeof probe };
  g.__fashen = probe;
  signal.addEventListener('abort', () => {
    if (g.__fashen === probe) delete g.__fashen;
  });
}
