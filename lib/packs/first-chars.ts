// Which characters can a pattern's match start with? Knowing it lets the engine scan a text once
// for a small character class (which V8 does at memory speed) and try only the patterns whose
// first character is there, instead of running one big alternation at every position.

const MAX_SET = 256;

/** Index just past the group that opens at `i` (source[i] === '('). */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Split on top-level `|`. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(last, j));
      last = j + 1;
    }
  }
  out.push(src.slice(last));
  return out;
}

/** Whether the quantifier at `src[i]` allows zero repetitions, and where the atom's tail ends. */
function quantifier(src: string, i: number): { optional: boolean; next: number } {
  const c = src[i];
  if (c === '?' || c === '*') return { optional: true, next: i + 1 + (src[i + 1] === '?' ? 1 : 0) };
  if (c === '+') return { optional: false, next: i + 1 + (src[i + 1] === '?' ? 1 : 0) };
  if (c === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}\??/.exec(src.slice(i));
    if (m) return { optional: m[1] === '0', next: i + m[0].length };
  }
  return { optional: false, next: i };
}

function classChars(body: string): Set<string> | null {
  if (body.startsWith('^')) return null;
  const set = new Set<string>();
  for (let j = 0; j < body.length; j++) {
    let c = body[j]!;
    if (c === '\\') {
      const e = body[++j];
      if (e === 'd') {
        for (let d = 0; d <= 9; d++) set.add(String(d));
        continue;
      }
      if (!e || /[wWsSDbB]/.test(e)) return null;
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

/**
 * The set of characters a match of `src` can start with, or null when it cannot be bounded
 * (a leading negated class, `.`, `\s`, an empty match). Lookarounds consume nothing and are skipped.
 */
export function firstChars(src: string): Set<string> | null {
  const alts = alternatives(src);
  if (alts.length > 1) {
    const all = new Set<string>();
    for (const alt of alts) {
      const s = firstChars(alt);
      if (!s) return null;
      for (const ch of s) all.add(ch);
    }
    return all;
  }
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '(' && /^\(\?(?:<=|<!|=|!)/.test(src.slice(i))) {
      i = groupEnd(src, i);
      continue;
    }
    let atom: Set<string> | null;
    let end: number;
    if (c === '(') {
      end = groupEnd(src, i);
      const inner = src.slice(i + 1, end - 1).replace(/^\?(?::|<[A-Za-z_][A-Za-z0-9_]*>)/, '');
      atom = new Set<string>();
      for (const alt of alternatives(inner)) {
        const s = firstChars(alt);
        if (!s) return null;
        for (const ch of s) atom.add(ch);
      }
    } else if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      end = j + 1;
      atom = classChars(src.slice(i + 1, j));
    } else if (c === '\\') {
      end = i + 2;
      const e = src[i + 1];
      if (e === 'd') atom = new Set('0123456789');
      else if (!e || /[wWsSDbBuxkpP]/.test(e)) atom = null;
      else atom = new Set([e]);
    } else if (c === '.' || c === '|') {
      return null;
    } else {
      end = i + 1;
      atom = new Set([c]);
    }
    if (!atom || atom.size === 0 || atom.size > MAX_SET) return null;
    const q = quantifier(src, end);
    if (!q.optional) return atom;
    // the atom may be absent: the match can also start with what follows it
    const rest = firstChars(src.slice(q.next));
    if (!rest) return null;
    for (const ch of rest) atom.add(ch);
    return atom;
  }
  return null;
}

/** A literal-only expansion of an atom (its alternatives as exact strings), or null. */
function literalStrings(atomSrc: string): string[] | null {
  if (atomSrc.startsWith('(')) {
    const inner = atomSrc.slice(1, -1).replace(/^\?(?::|<[A-Za-z_][A-Za-z0-9_]*>)/, '');
    if (inner.startsWith('?')) return null;
    const out: string[] = [];
    for (const alt of alternatives(inner)) {
      const seq = sequenceStrings(alt);
      if (!seq) return null;
      out.push(...seq);
      if (out.length > 512) return null;
    }
    return out;
  }
  if (atomSrc.startsWith('[')) {
    const set = classChars(atomSrc.slice(1, -1));
    return set && set.size <= 64 ? [...set] : null;
  }
  if (atomSrc.startsWith('\\')) return atomSrc === '\\d' ? [...'0123456789'] : /^\\[.*+?()[\]{}|^$\\/-]$/.test(atomSrc) ? [atomSrc[1]!] : null;
  return atomSrc === '.' ? null : [atomSrc];
}

/** All strings a quantifier-free-ish sequence can match, when it is small and literal; else null. */
function sequenceStrings(src: string): string[] | null {
  let acc: string[] = [''];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '(' && /^\(\?(?:<=|<!|=|!)/.test(src.slice(i))) {
      i = groupEnd(src, i);
      continue;
    }
    let end: number;
    if (c === '(') end = groupEnd(src, i);
    else if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      end = j + 1;
    } else if (c === '\\') end = i + 2;
    else if (c === '^' || c === '$' || c === '|') return null;
    else end = i + 1;
    const strings = literalStrings(src.slice(i, end));
    if (!strings) return null;
    const q = quantifier(src, end);
    if (q.next !== end && !/^\?{1,2}$/.test(src.slice(end, q.next))) return null;
    const next: string[] = q.optional ? [...acc] : [];
    for (const a of acc) for (const s of strings) next.push(a + s);
    if (next.length > 512) return null;
    acc = next;
    i = q.next;
  }
  return acc;
}

/**
 * For each first character of `src`, the set of characters that can follow it in a match, or
 * null for "any" (the pattern's second step could not be bounded). Used to skip most candidate
 * positions without running the pattern: 实 in 实行 must be followed by 行 for …实行…制度 to match.
 */
export function secondChars(src: string): Map<string, Set<string> | null> | null {
  const first = firstChars(src);
  if (!first) return null;
  const out = new Map<string, Set<string> | null>();
  for (const ch of first) out.set(ch, new Set());
  const prefixes = boundedPrefixes(src);
  for (const ch of first) {
    const seconds = out.get(ch)!;
    if (!prefixes) {
      out.set(ch, null);
      continue;
    }
    for (const p of prefixes) {
      if (p[0] !== ch) continue;
      if (p.length < 2) {
        out.set(ch, null);
        break;
      }
      seconds.add(p[1]!);
    }
    // nothing known about what follows this first character: any second character may
    if (out.get(ch)?.size === 0) out.set(ch, null);
  }
  return out;
}

/** Two-character prefixes of `src` (shorter strings mean "anything may follow"), or null. */
function boundedPrefixes(src: string): string[] | null {
  const alts = alternatives(src);
  if (alts.length > 1) {
    const all: string[] = [];
    for (const alt of alts) {
      const p = boundedPrefixes(alt);
      if (!p) return null;
      all.push(...p);
    }
    return all;
  }
  let acc: string[] = [''];
  let i = 0;
  while (i < src.length && acc.some((a) => a.length < 2)) {
    const c = src[i]!;
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '(' && /^\(\?(?:<=|<!|=|!)/.test(src.slice(i))) {
      i = groupEnd(src, i);
      continue;
    }
    let end: number;
    if (c === '(') end = groupEnd(src, i);
    else if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      end = j + 1;
    } else if (c === '\\') end = i + 2;
    else end = i + 1;
    const strings = literalStrings(src.slice(i, end));
    const q = quantifier(src, end);
    const repeated = q.next !== end && !/^\?{1,2}$/.test(src.slice(end, q.next));
    if (!strings || repeated) {
      // unknown continuation: what we have so far is a prefix after which anything may follow
      return acc.map((a) => a.slice(0, 2)).filter((a) => a.length > 0);
    }
    const next: string[] = q.optional ? [...acc] : [];
    for (const a of acc) {
      if (a.length >= 2) {
        if (!q.optional) next.push(a);
        continue;
      }
      for (const s of strings) next.push((a + s).slice(0, 2));
    }
    acc = [...new Set(next)];
    if (acc.length > 4096) return null;
    i = q.next;
  }
  return acc.filter((a) => a.length > 0);
}
