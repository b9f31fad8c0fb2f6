// Which characters can a pattern's match start with, and which can follow the first one?
// Knowing it lets the engine walk a text's code units once against a table and run only the
// patterns that can start at a position, instead of every pattern everywhere.

const MAX_SET = 256;

/** Index just past the bracket expression or group that opens at `i`. */
function closeOf(src: string, i: number): number {
  if (src[i] === '[') {
    let j = i + 1;
    while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  let depth = 0;
  let inClass = false;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Split on top-level `|`. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[' || c === '(') j = closeOf(src, j) - 1;
    else if (c === '|') {
      out.push(src.slice(last, j));
      last = j + 1;
    }
  }
  out.push(src.slice(last));
  return out;
}

/**
 * Options of the prefix analysis. `afterStart`: only matches that start after position 0 count,
 * where a `^` (the patterns are never multiline) cannot match, so a path through it adds nothing.
 */
interface Analysis {
  afterStart: boolean;
}

const WHOLE: Analysis = { afterStart: false };

/** One consuming atom of a pattern, with its quantifier. */
interface Atom {
  src: string;
  /** the atom may match zero times (?, *, {0,n}) */
  optional: boolean;
  /** the atom may match more than once (+, *, {n,m} with m > 1) */
  repeated: boolean;
  /** the atom may match any number of times (+, *, {n,}) */
  unbounded: boolean;
  /** the most times the atom may match (Infinity for +, *, {n,}) */
  max: number;
  /** where the atom starts in its sequence, and where the next thing after it (and its quantifier) does */
  at: number;
  next: number;
}

// sticky: tried where an atom starts or ends, without slicing the rest of a long pattern
const LOOKAROUND = /\(\?(?:<=|<!|=|!)/y;
const QUANTIFIER = /(?:[?*+]|\{(\d+)(?:,(\d*))?\})\??/y;

/**
 * The consuming atoms of a top-level sequence; anchors and lookarounds consume nothing. With
 * `afterStart`, a sequence that passes a `^` cannot match at all: 'dead'. `leadOnly`: only the
 * atoms up to the first that is not optional are wanted (not with `afterStart`, whose `^` may
 * come later).
 */
function atoms(src: string, how: Analysis, leadOnly = false): Atom[] | 'dead' | null {
  const out: Atom[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '^' && how.afterStart) return 'dead';
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '|') return null;
    LOOKAROUND.lastIndex = i;
    if (c === '(' && LOOKAROUND.test(src)) {
      i = closeOf(src, i);
      continue;
    }
    const end = c === '(' || c === '[' ? closeOf(src, i) : c === '\\' ? i + 2 : i + 1;
    QUANTIFIER.lastIndex = end;
    const q = QUANTIFIER.exec(src);
    const min = !q ? 1 : q[0][0] === '+' ? 1 : q[0][0] === '{' ? Number(q[1]) : 0;
    const max = !q ? 1 : q[0][0] === '?' ? 1 : q[0][0] === '{' ? (q[2] === undefined ? Number(q[1]) : q[2] === '' ? Infinity : Number(q[2])) : Infinity;
    out.push({ src: src.slice(i, end), optional: min === 0, repeated: max > 1, unbounded: max === Infinity, max, at: i, next: end + (q ? q[0].length : 0) });
    if (leadOnly && min > 0) return out;
    i = end + (q ? q[0].length : 0);
  }
  return out;
}

function classChars(body: string): Set<string> | null {
  if (body.startsWith('^')) return null;
  const set = new Set<string>();
  for (let j = 0; j < body.length; j++) {
    let c = body[j]!;
    if (c === '\\') {
      const e = body[++j];
      if (e === 'd') {
        for (const d of '0123456789') set.add(d);
        continue;
      }
      // only escaped metacharacters stand for themselves (\s, \w, \n, \u3000… do not)
      if (!e || !/[.*+?()[\]{}|^$\\/-]/.test(e)) return null;
      c = e;
    }
    if (body[j + 1] === '-' && j + 2 < body.length) {
      const from = c.codePointAt(0)!;
      const to = body[j + 2]!.codePointAt(0)!;
      if (to - from > MAX_SET) return null;
      for (let k = from; k <= to; k++) set.add(String.fromCodePoint(k));
      j += 2;
      continue;
    }
    set.add(c);
  }
  return set;
}

/** A sequence without metacharacters: it matches itself. */
const PLAIN = /^[^\\[\](){}.*+?^$|]*$/;

/**
 * The strings an atom matches when they are few and literal (a character, a small class, a
 * group of literal alternatives), else null.
 */
function literalStrings(atom: string, how: Analysis): string[] | null {
  if (atom.startsWith('(')) {
    const inner = atom.slice(1, -1).replace(/^\?(?::|<[A-Za-z_][A-Za-z0-9_]*>)/, '');
    if (inner.startsWith('?')) return null;
    const out: string[] = [];
    for (const alt of alternatives(inner)) {
      // most alternatives are plain words (单位|个人|…), which match just themselves
      if (PLAIN.test(alt)) {
        out.push(alt);
        if (out.length > 512) return null;
        continue;
      }
      const seq = prefixesOfSequence(alt, Infinity, how);
      if (!seq || seq.open) return null;
      out.push(...seq.strings);
      if (out.length > 512) return null;
    }
    return out;
  }
  if (atom.startsWith('[')) {
    const set = classChars(atom.slice(1, -1));
    return set && set.size <= MAX_SET ? [...set] : null;
  }
  if (atom.startsWith('\\')) {
    if (atom === '\\d') return [...'0123456789'];
    return /^\\[.*+?()[\]{}|^$\\/-]$/.test(atom) ? [atom[1]!] : null;
  }
  return atom === '.' ? null : [atom];
}

/**
 * The prefixes (up to `k` characters) of the strings a sequence can match. `open` means some
 * prefix stops short of `k` because what follows could not be bounded: anything may follow it.
 */
function prefixesOfSequence(src: string, k: number, how: Analysis): { strings: string[]; open: boolean } | null {
  const list = atoms(src, how);
  if (list === 'dead') return { strings: [], open: false };
  if (!list) return null;
  let acc: string[] = [''];
  for (const atom of list) {
    if (acc.every((a) => a.length >= k)) break;
    const strings = literalStrings(atom.src, how);
    if (!strings || atom.repeated) {
      // a bounded first step is still known: its first characters start the prefix
      if (strings && !atom.optional) acc = acc.flatMap((a) => (a.length >= k ? [a] : strings.map((s) => (a + s).slice(0, k))));
      return { strings: [...new Set(acc)], open: true };
    }
    const next: string[] = atom.optional ? [...acc] : [];
    for (const a of acc) {
      if (a.length >= k) {
        if (!atom.optional) next.push(a);
        continue;
      }
      for (const s of strings) next.push((a + s).slice(0, k));
    }
    acc = [...new Set(next)];
    if (acc.length > 4096) return null;
  }
  return { strings: acc, open: false };
}

/** Prefixes of up to `k` characters of a whole pattern (top-level alternatives included). */
function prefixes(src: string, k: number, how: Analysis = WHOLE): { strings: string[]; open: boolean } | null {
  const strings: string[] = [];
  let open = false;
  for (const alt of alternatives(src)) {
    const p = prefixesOfSequence(alt, k, how);
    if (!p) return null;
    strings.push(...p.strings);
    open ||= p.open;
  }
  return { strings, open };
}

/**
 * The set of characters a match of `src` can start with, or null when it cannot be bounded
 * (a leading negated class, `.`, `\s`, a possibly empty match).
 */
export function firstChars(src: string): Set<string> | null {
  const p = prefixes(src, 1);
  if (!p || p.strings.some((s) => s.length === 0)) return null;
  return new Set(p.strings);
}

/**
 * For each first character of `src`, the set of characters that can follow it in a match, or
 * null for "any" (the pattern's second step could not be bounded). 实 must be followed by 行 or
 * 施 for (?:实行|实施)… to match, so most 实 in a text are skipped without running the pattern.
 */
export function secondChars(src: string): Map<string, Set<string> | null> | null {
  const p = prefixes(src, 2);
  if (!p || p.strings.some((s) => s.length === 0)) return null;
  const out = new Map<string, Set<string> | null>();
  for (const s of p.strings) {
    const first = s[0]!;
    if (s.length < 2) out.set(first, null);
    else if (out.get(first) !== null) out.set(first, (out.get(first) ?? new Set<string>()).add(s[1]!));
  }
  return out;
}

/**
 * The characters a match of `src` can start with at any position but 0 (a `^` matches only
 * there), or null when they cannot be bounded. A search for `src` in a string then only needs
 * to try position 0 and the positions holding one of these characters. Alternatives wrapped in a
 * group of their own ((?:a)|(?:b), how guard lists are joined) are analysed one by one.
 */
export function startChars(src: string): Set<string> | null {
  const out = new Set<string>();
  for (const alt of alternatives(src)) {
    const whole = alt.startsWith('(?:') && closeOf(alt, 0) === alt.length;
    const chars = whole ? startChars(alt.slice(3, -1)) : startOfSequence(alt);
    if (!chars) return null;
    for (const c of chars) out.add(c);
  }
  return out;
}

// Guard lists of many rules repeat the same guard sets: each alternative is analysed once.
const startMemo = new Map<string, string[] | null>();

function startOfSequence(src: string): string[] | null {
  let out = startMemo.get(src);
  if (out === undefined) {
    const p = prefixesOfSequence(src, 1, { afterStart: true });
    out = !p || p.strings.some((s) => s.length === 0) ? null : p.strings;
    startMemo.set(src, out);
  }
  return out;
}

/**
 * Whether the named group `hit` of `src` is the first thing every match consumes (lookarounds
 * aside): its span then starts at the match's and is as long as its text, and the match needs no
 * indices (a regex with the d flag is slower to run).
 */
export function hitGroupLeads(src: string): boolean {
  const alts = alternatives(src);
  if (alts.length !== 1) return false;
  const list = atoms(alts[0]!, WHOLE, true);
  if (!list || list === 'dead') return false;
  const first = list[0];
  return first !== undefined && first.src.startsWith('(?<hit>') && !first.optional && !first.repeated;
}

/**
 * Strings one of which every match of `src` contains, or null when none are known: the strings
 * of a consuming step that every match takes (阻止 in 未经…阻止, any of 缴纳|交纳 in
 * [^。]{0,80}?(?:缴纳|交纳)费), for each top-level alternative. A text that contains none of
 * them cannot match, whatever the rest of the pattern says, so a cheap search for them may rule
 * a costly search out.
 */
export function requiredStrings(src: string): string[] | null {
  // the atoms after an escape the analysis does not read (\u3000, \x41, \cJ) are no atoms of the
  // pattern: the 3000 of \u3000 is no literal 3000
  if (/\\[^dDsSwWbB.*+?()[\]{}|^$\\/-]/.test(src)) return null;
  const out: string[] = [];
  for (const alt of alternatives(src)) {
    const strings = requiredOfSequence(alt);
    if (!strings) return null;
    for (const s of strings) if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** requiredStrings of a sequence: of its steps that every match takes, the one with the fewest strings, then the longest shortest string. */
function requiredOfSequence(src: string): string[] | null {
  const list = atoms(src, WHOLE);
  if (!list || list === 'dead') return null;
  let best: string[] | null = null;
  let bestMin = 0;
  for (const atom of list) {
    if (atom.optional) continue;
    const strings = literalStrings(atom.src, WHOLE);
    if (!strings || strings.length === 0) continue;
    let min = Infinity;
    for (const s of strings) min = Math.min(min, s.length);
    if (min === 0) continue;
    if (!best || strings.length < best.length || (strings.length === best.length && min > bestMin)) {
      best = strings;
      bestMin = min;
    }
  }
  return best;
}

/**
 * The characters of an unbounded run of single characters that `src` starts with when a match
 * starts on one of them (\d+年内…; (?:处|给予)?\d+日以下…, whose optional lead cannot start on
 * a digit), else null. A match that starts inside a run of those characters can then also start
 * where the run does, with the run taken longer, since what follows the run does not see where
 * the match started (no backreferences; lookbehinds and ^ look at the text, not the match): a
 * position inside the run after one where the pattern failed fails too, and need not be tried.
 */
export function leadingRun(src: string): Set<string> | null {
  const alts = alternatives(src);
  if (alts.length !== 1) return null;
  const list = atoms(alts[0]!, WHOLE, true);
  if (!list || list === 'dead') return null;
  const runAt = list.findIndex((a) => !a.optional);
  const run = list[runAt];
  if (!run || !run.unbounded) return null;
  // nothing but the atoms themselves before the run: an anchor or lookaround there would depend
  // on where the match starts
  for (let j = 0, at = 0; j <= runAt; at = list[j]!.next, j++) if (list[j]!.at !== at) return null;
  const strings = literalStrings(run.src, WHOLE);
  if (!strings || strings.length === 0 || strings.some((s) => s.length !== 1)) return null;
  const chars = new Set(strings);
  // the optional atoms before it must match nothing where the match starts on one of them
  for (const atom of list.slice(0, runAt)) {
    const lead = literalStrings(atom.src, WHOLE);
    if (!lead || lead.some((s) => s.length > 0 && chars.has(s[0]!))) return null;
  }
  return chars;
}

/**
 * The most code units a match of `src` can consume, or Infinity when that is unbounded (+, *,
 * {n,}) or unknown (a backreference). Lookarounds and anchors consume nothing; an escape the
 * analysis does not read (\u3000) counts its letters as characters: too many, never too few.
 */
export function maxMatchLength(src: string): number {
  let max = 0;
  for (const alt of alternatives(src)) {
    const list = atoms(alt, WHOLE);
    if (!list || list === 'dead') return Infinity;
    let len = 0;
    for (const atom of list) if (atom.max > 0) len += atomMaxLength(atom.src) * atom.max;
    max = Math.max(max, len);
  }
  return max;
}

function atomMaxLength(atom: string): number {
  if (atom.startsWith('(')) {
    const inner = atom.slice(1, -1).replace(/^\?(?::|<[A-Za-z_][A-Za-z0-9_]*>)/, '');
    return inner.startsWith('?') ? Infinity : maxMatchLength(inner);
  }
  // a backreference (\1, \k<name>) matches whatever its group did
  return /^\\(?:[1-9]|k)/.test(atom) ? Infinity : 1;
}

/**
 * Whether every match of `src` ends at the end of the text: each top-level alternative ends with
 * an unescaped `$` (patterns are never multiline). With maxMatchLength, a search then only needs
 * to try the last few positions of a text.
 */
export function endAnchored(src: string): boolean {
  return alternatives(src).every((alt) => {
    if (alt.startsWith('(?:') && closeOf(alt, 0) === alt.length) return endAnchored(alt.slice(3, -1));
    if (!alt.endsWith('$')) return false;
    let k = alt.length - 2;
    while (k >= 0 && alt[k] === '\\') k--;
    return (alt.length - 2 - k) % 2 === 0;
  });
}

/** Branches an alternation needs before a first-character lookahead pays. */
const LOOKAHEAD_MIN_BRANCHES = 20;

/**
 * `src` with a lookahead for its first characters placed after each lazy gap that a long
 * alternation follows: …[^，。]{0,30}?(?:单位|个人|…) becomes …{0,30}?(?=[单个…])(?:单位|个人|…).
 * At every step of the gap the regex engine would try each of the ~80 branches; one class test
 * rules most steps out. The lookahead goes right after the gap, before any lookbehinds between
 * it and the group, so the costly ones (?<![向报][^，]{1,10}) run only where the class passed:
 * zero-width tests at one position commute, in lookbehinds too (matched backwards, each
 * assertion is still tested at its own position). The group cannot match empty
 * (firstChars is null then) and is not optional, so the lookahead changes no match.
 */
export function withGapLookaheads(src: string): string {
  // a lazy bounded quantifier ({0,30}?), any lookbehinds, then a group
  const GAP = /\{\d+(?:,\d*)?\}\?((?:\(\?<[!=](?:[^()\\]|\\.|\([^()]*\))*\))*)(?=\(\?:)/g;
  let out = '';
  let last = 0;
  for (let m = GAP.exec(src); m; m = GAP.exec(src)) {
    // the quantifier must not be escaped text (\{1}?) or inside a class
    if (src[m.index - 1] === '\\' || !outsideClasses(src, m.index)) continue;
    const groupAt = m.index + m[0].length;
    const end = closeOf(src, groupAt);
    // an optional group (…)? or (…){0,n} may match nothing where the lookahead would fail
    if (/^(?:[?*]|\{0[,}])/.test(src.slice(end, end + 3))) continue;
    const inner = src.slice(groupAt + 3, end - 1);
    if (alternatives(inner).length < LOOKAHEAD_MIN_BRANCHES) continue;
    const chars = firstChars(inner);
    if (!chars || chars.size > MAX_SET || [...chars].some((c) => c.length !== 1)) continue;
    const cls = [...chars].map((c) => (/[\]\\^-]/.test(c) ? `\\${c}` : c)).join('');
    const at = m.index + m[0].length - m[1]!.length;
    out += `${src.slice(last, at)}(?=[${cls}])`;
    last = at;
  }
  return out + src.slice(last);
}

/** Whether position `at` of `src` is outside any bracket class. */
function outsideClasses(src: string, at: number): boolean {
  let inClass = false;
  for (let j = 0; j < at; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
  }
  return !inClass;
}
