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
