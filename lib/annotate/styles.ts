import { CATEGORIES, SEVERITIES, type Severity } from '../engine/types';
import { dismissedHighlightName, FLASH_HIGHLIGHT, highlightName } from './layers';

// Underlines that read at a glance: error a red wave, warning an amber wave, info (and cited
// findings, which the engine downgrades to info) a dotted blue line. Category is not a colour:
// reviewers split categories with the layer switches.

/** Underline colour per severity; the mirror and the card use the same ones. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#d93025',
  warning: '#e37400',
  info: '#1a73e8',
};

const SEVERITY_DECORATION: Record<Severity, string> = {
  error: `underline wavy ${SEVERITY_COLORS.error} 1.5px`,
  warning: `underline wavy ${SEVERITY_COLORS.warning} 1.5px`,
  info: `underline dotted ${SEVERITY_COLORS.info} 2px`,
};

const SEVERITY_TINT: Record<Severity, string> = {
  error: 'rgb(217 48 37 / 0.10)',
  warning: 'rgb(227 116 0 / 0.10)',
  info: 'rgb(26 115 232 / 0.06)',
};

/** Findings a reviewer decided acceptable stay visible but recede: a thin grey dotted line. */
export const DISMISSED_DECORATION = 'underline dotted #9aa0a6 1px';
/** A finding the side panel revealed flashes with a marker-yellow background. */
export const FLASH_BACKGROUND = 'rgb(251 188 4 / 0.55)';

/** Decoration of one severity, for ::highlight() rules and mirror spans alike. */
export function decoration(severity: Severity): { textDecoration: string; background: string } {
  return { textDecoration: SEVERITY_DECORATION[severity], background: SEVERITY_TINT[severity] };
}

/** The page stylesheet: only ::highlight() rules, which style nothing but fashen's highlights. */
export function highlightCss(): string {
  const rules: string[] = [];
  for (const category of CATEGORIES) {
    for (const severity of SEVERITIES) {
      const d = decoration(severity);
      rules.push(`::highlight(${highlightName(category, severity)}){text-decoration:${d.textDecoration};background-color:${d.background}}`);
    }
    rules.push(`::highlight(${dismissedHighlightName(category)}){text-decoration:${DISMISSED_DECORATION};background-color:transparent}`);
  }
  rules.push(`::highlight(${FLASH_HIGHLIGHT}){background-color:${FLASH_BACKGROUND}}`);
  return rules.join('\n');
}

/** Styles of the card, inside its own shadow root. */
export const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: min(420px, calc(100vw - 16px));
  min-width: 240px; padding: 10px 12px; border-radius: 8px; background: #fff; color: #202124;
  border: 1px solid #dadce0; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  overflow: auto; overscroll-behavior: contain;
  font: 13px/1.55 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.card[hidden] { display: none; }
.head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 6px; }
.badge { border-radius: 4px; padding: 0 6px; font-size: 12px; color: #fff; }
.badge.error { background: ${SEVERITY_COLORS.error}; }
.badge.warning { background: ${SEVERITY_COLORS.warning}; }
.badge.info { background: ${SEVERITY_COLORS.info}; }
.category { font-weight: 600; }
.location { color: #5f6368; }
.msg { margin: 0 0 4px; }
.section { margin-top: 6px; }
.label { font-weight: 600; }
ul { margin: 2px 0 0; padding-left: 18px; }
.verify { margin-top: 6px; padding: 4px 6px; border-radius: 4px; background: #e8f0fe; color: #174ea6; }
.close { position: absolute; top: 4px; right: 6px; border: 0; background: none; cursor: pointer; font-size: 16px; color: #5f6368; }
`;

/** Styles of the textarea mirror, inside its own shadow root. */
export const MIRROR_CSS = `
:host { all: initial; }
.mirror { position: fixed; z-index: 2147483646; pointer-events: none; overflow: hidden; box-sizing: border-box;
  margin: 0; border: 0; color: transparent; background: transparent; white-space: pre-wrap;
  overflow-wrap: break-word; word-wrap: break-word; }
.mirror[hidden] { display: none; }
.inner { position: relative; }
.inner > div { text-indent: 0; }
.inner > div:first-child { text-indent: inherit; }
${SEVERITIES.map((s) => `.hl.${s}{text-decoration:${decoration(s).textDecoration};background-color:${decoration(s).background};}`).join('\n')}
.hl.dismissed{text-decoration:${DISMISSED_DECORATION};background-color:transparent;}
.hl.flash{background-color:${FLASH_BACKGROUND};}
`;
