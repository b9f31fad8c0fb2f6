import type { CompiledPack } from '../packs/compile';
import type { ClauseRule, Rule } from '../packs/schema';
import { ClauseScanner, type ClauseHit } from './checks/clause';
import { checkCommentPeriod } from './checks/comment-period';
import { checkValidity } from './checks/validity';
import { detectDocumentType } from './document-type';
import { normalizeTransient } from './normalize';
import { forgetOccurrences } from './search';
import { forgetDates } from './dates';
import { buildStructure, isSpace } from './structure';
import type { Finding, Localized, Report } from './types';

export type { Finding, Report } from './types';

const CITED_MESSAGE: Localized = {
  'zh-CN': '该条款援引上位法规定了此项措施，请核实所引法律条文是否存在、是否现行有效、本条表述是否与其一致。',
  en: 'This clause restates the measure with a citation of an upper-level law: verify that the cited article exists, is in force and matches this wording.',
};

const LIST_ITEM = /^\s{0,4}(?:[（(][一二三四五六七八九十\d]{1,4}[）)]|\d{1,3}[.．、])/;
const LEAD_IN = /[：:]\s{0,4}$/;
/** LIST_ITEM, tested only on a paragraph that starts with a space, a bracket or a digit: the others cannot match. */
const isListItem = (para: string): boolean => {
  const c = para.charCodeAt(0);
  return (c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39) || isSpace(c)) && LIST_ITEM.test(para);
};
/**
 * LEAD_IN tested on the paragraph's last 5 characters, which hold any match, and only when the
 * last one is a colon or a space: no scan of the whole paragraph.
 */
const endsLeadIn = (para: string): boolean => {
  const c = para.charCodeAt(para.length - 1);
  return (c === 0xff1a || c === 0x3a || isSpace(c)) && LEAD_IN.test(para.length > 5 ? para.slice(para.length - 5) : para);
};

/** Options of check(). */
export interface CheckOptions {
  /** the document's title when the caller knows it better than the first line */
  title?: string;
  /** paragraph memo for live editing (createChecker) */
  cache?: ParagraphCache;
  /** false: clause findings only, skip the validity and comment-period checks (rule examples) */
  documentChecks?: boolean;
  /** run only this clause rule (a rule's own examples concern only its findings) */
  onlyRule?: string;
}

/** Per-paragraph memo of clause hits, keyed by the paragraph's normalized text. */
export type ParagraphCache = Map<string, ClauseHit[]>;

function clauseFinding(rule: ClauseRule, text: string, start: number, end: number, location: string, cited: boolean): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: cited ? 'info' : rule.severity,
    cited,
    start,
    end,
    text: text.slice(start, end),
    location,
    message: cited
      ? { 'zh-CN': `${rule.messages['zh-CN']}（已援引上位法）${CITED_MESSAGE['zh-CN']}`, en: `${rule.messages.en} (cited) ${CITED_MESSAGE.en}` }
      : rule.messages,
    basis: rule.basis,
    ...(rule.suggestion && !cited ? { suggestion: rule.suggestion } : {}),
  };
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Sort the findings by position and keep one finding per span and category: two rules of one
 * category that mark the same words (应当向原发证部门申请变更…许可 is both an approval and a permit
 * duty; an item's 不得 is both a listed duty and a prohibition) would give the reviewer two
 * underlines and two cards saying the same thing. The most severe stays, then the first rule id.
 */
function sortAndMerge(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const out: Finding[] = [];
  for (const f of findings) {
    let same = -1;
    for (let k = out.length - 1; k >= 0 && out[k]!.start === f.start && out[k]!.end === f.end; k--) {
      if (out[k]!.category === f.category) same = k;
    }
    if (same < 0) out.push(f);
    else if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[out[same]!.severity]) out[same] = f;
  }
  return out;
}

function documentRule(pack: CompiledPack, check: Rule['check']): Rule | undefined {
  return pack.rules.find((r) => r.check === check);
}

/**
 * Check one document: clause findings for every enabled rule, plus the document's validity
 * period and comment period. Pure: no DOM, no I/O. Offsets refer to `text` as given.
 */
export function check(text: string, pack: CompiledPack, opts: CheckOptions = {}): Report {
  // the normalized form does not outlive this call: its offset map may live in reused buffers
  const norm = normalizeTransient(text);
  const ntext = norm.text;
  const structure = buildStructure(ntext);
  const findings: Finding[] = [];
  const cache = opts.onlyRule === undefined ? opts.cache : undefined;
  const only = opts.onlyRule === undefined ? -1 : pack.clauseRules.findIndex((r) => r.rule.id === opts.onlyRule);
  const seen = cache ? new Set<string>() : null;
  const scanner = new ClauseScanner(pack, only);

  let pos = 0;
  let leadIn = '';
  while (pos <= ntext.length) {
    let nl = ntext.indexOf('\n', pos);
    if (nl < 0) nl = ntext.length;
    // A paragraph's indentation (the two full-width spaces of an official document, a tab, the
    // space normalization leaves of them) is no part of its clauses: 　　禁止… starts a sentence.
    while (pos < nl && isSpace(ntext.charCodeAt(pos))) pos++;
    if (nl > pos) {
      const para = ntext.slice(pos, nl);
      // The items of a list (（一）… after 经营者应当遵守下列规定：) take their subject from its lead-in.
      if (!isListItem(para)) leadIn = '';
      const key = leadIn ? `${leadIn}\u0000${para}` : para;
      let hits = cache?.get(key);
      if (!hits) {
        hits = scanner.paragraph(ntext, pos, nl, leadIn, para);
        cache?.set(key, hits);
      }
      seen?.add(key);
      if (endsLeadIn(para)) leadIn = para;
      for (const h of hits) {
        const s = norm.origAt(pos + h.start);
        const e = norm.origAt(pos + h.end);
        const rule = pack.clauseRules[h.rule]!.rule;
        findings.push(clauseFinding(rule, text, s, e, structure.locate(pos + h.start), h.cited));
      }
    }
    pos = nl + 1;
  }
  // Drop cache entries of paragraphs that no longer exist so a long editing session stays small.
  if (cache && seen) for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);

  const { params } = pack;
  if (opts.documentChecks === false) {
    return {
      title: opts.title ?? null,
      documentType: 'unknown',
      provisional: false,
      findings: sortAndMerge(findings),
      validity: { status: 'missing', years: null, limitYears: params.validityMaxYears },
      commentPeriod: { status: 'missing', days: null, minDays: params.commentMinDays },
      packs: pack.packs,
    };
  }
  // the word lists and dates the document checks share are this call's own, not a previous call's
  forgetOccurrences();
  forgetDates();
  const doc = detectDocumentType(text, opts.title);
  const validity = checkValidity(text, norm, { maxYears: params.validityMaxYears, provisionalMaxYears: params.provisionalValidityMaxYears }, opts.title ?? doc.title ?? undefined);
  const comment = checkCommentPeriod(text, norm, { minDays: params.commentMinDays, counting: params.commentCounting });

  const vRule = documentRule(pack, 'validity');
  if (vRule && validity.status !== 'ok') {
    // a missing period has no statement to point at: the finding marks the title line
    const first = /\S[^\n]*/.exec(text);
    const at = validity.start ?? first?.index ?? 0;
    const end = validity.end ?? (first ? first.index + first[0].trimEnd().length : at);
    findings.push({
      ruleId: vRule.id,
      category: 'validity',
      severity: vRule.severity,
      cited: false,
      start: at,
      end,
      text: text.slice(at, end),
      location: validity.start !== undefined ? structure.locate(norm.normAt(at)) : '',
      message:
        validity.status === 'missing'
          ? { 'zh-CN': `文件未标明有效期。${vRule.messages['zh-CN']}`, en: `The document states no validity period. ${vRule.messages.en}` }
          : validity.years === null
            ? {
                'zh-CN': `文件规定长期有效，超过有效期上限 ${validity.limitYears} 年。${vRule.messages['zh-CN']}`,
                en: `The document claims to be valid indefinitely, above the limit of ${validity.limitYears} years. ${vRule.messages.en}`,
              }
            : {
                'zh-CN': `有效期为 ${validity.years} 年，超过上限 ${validity.limitYears} 年。${vRule.messages['zh-CN']}`,
                en: `The validity period is ${validity.years} years, above the limit of ${validity.limitYears}. ${vRule.messages.en}`,
              },
      basis: vRule.basis,
      ...(vRule.suggestion ? { suggestion: vRule.suggestion } : {}),
    });
  }
  const cRule = documentRule(pack, 'comment-period');
  if (cRule && comment.status === 'too_short') {
    const at = comment.start ?? 0;
    const end = comment.end ?? at;
    findings.push({
      ruleId: cRule.id,
      category: 'comment-period',
      severity: cRule.severity,
      cited: false,
      start: at,
      end,
      text: text.slice(at, end),
      location: comment.start !== undefined ? structure.locate(norm.normAt(at)) : '',
      message: {
        'zh-CN': `征求意见期限为 ${comment.days} 日，少于 ${comment.minDays} 日。${cRule.messages['zh-CN']}`,
        en: `The comment period is ${comment.days} days, shorter than ${comment.minDays}. ${cRule.messages.en}`,
      },
      basis: cRule.basis,
      ...(cRule.suggestion ? { suggestion: cRule.suggestion } : {}),
    });
  }
  return {
    title: doc.title,
    documentType: doc.documentType,
    provisional: doc.provisional,
    findings: sortAndMerge(findings),
    validity: {
      status: validity.status,
      years: validity.years,
      limitYears: validity.limitYears,
      ...(validity.start !== undefined ? { start: validity.start, end: validity.end, text: validity.text } : {}),
    },
    commentPeriod: {
      status: comment.status,
      days: comment.days,
      minDays: comment.minDays,
      ...(comment.start !== undefined ? { start: comment.start, end: comment.end, text: comment.text } : {}),
    },
    packs: pack.packs,
  };
}

/** A checker for live editing: re-checks only paragraphs whose text changed since the last call. */
export function createChecker(pack: CompiledPack): { check(text: string, opts?: { title?: string }): Report } {
  const cache: ParagraphCache = new Map();
  return { check: (text, opts = {}) => check(text, pack, { ...opts, cache }) };
}
