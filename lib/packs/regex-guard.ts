// Rule patterns come from pack files that a later issue imports from USB sticks and intranet
// shares: a pattern must not be able to freeze the page it runs in. We reject the shapes that
// backtrack catastrophically and every unbounded wildcard, so the work per match stays bounded.

/** A pattern refused by the guard, with the reason in both languages. */
export class UnsafePatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}: ${pattern}`);
    this.name = 'UnsafePatternError';
  }
}

// A guard set is searched as one alternation: the subject nouns of @private-subject, three times
// over, take some 2,100 characters. The bound keeps patterns a reviewer can read, and compiling cheap.
const MAX_LENGTH = 3000;
const MAX_REPEAT = 200;

/** Why a pattern is unsafe, or null when it passes. */
export function unsafeReason(source: string): { zh: string; en: string } | null {
  if (source.length > MAX_LENGTH) return { zh: `正则表达式过长（超过 ${MAX_LENGTH} 字符）`, en: `pattern longer than ${MAX_LENGTH} characters` };
  if (/\\[1-9]|\\k</.test(source)) return { zh: '正则表达式不得使用反向引用', en: 'backreferences are not allowed' };
  // Walk the pattern once, tracking groups: a quantified group that itself contains a quantifier
  // is the classic exponential shape ((a+)+, (a|aa)*, (.{0,9}x){1,9}).
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      // skip the group-kind prefix (?: (?= (?! (?<= (?<! (?<name>) so its ? is not read as a quantifier
      const kind = /^\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(source.slice(i + 1));
      if (kind) i += kind[0].length;
      continue;
    }
    if (c === '|' && stack.length) stack[stack.length - 1]!.alternation = true;
    const isQuant = c === '*' || c === '+' || c === '?' || c === '{';
    if (c === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const groupQuantified = next === '*' || next === '+' || next === '{' || (next === '?' && false);
      if (group && groupQuantified && (group.quantified || group.alternation)) {
        const bounded = next === '{' && /^\{\d+(,\d+)?\}/.test(source.slice(i + 1)) && !group.quantified;
        if (!bounded) return { zh: '正则表达式含嵌套量词（可能灾难性回溯）', en: 'nested quantifiers (catastrophic backtracking)' };
      }
      if (group && groupQuantified && stack.length) stack[stack.length - 1]!.quantified = true;
      if (group?.quantified && stack.length) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    if (isQuant) {
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (m) {
          if (m[2] && m[3] === '') return { zh: '正则表达式含无上限的重复', en: 'unbounded repetition {n,}' };
          if (Number(m[3] ?? m[1]) > MAX_REPEAT) return { zh: `重复次数上限不得超过 ${MAX_REPEAT}`, en: `repetition bound above ${MAX_REPEAT}` };
        }
      }
      if ((c === '*' || c === '+') && source[i - 1] !== '?') {
        // unbounded repetition is only allowed on a single literal character or escape like \d
        const prev = source.slice(Math.max(0, i - 2), i);
        if (/[\].)]$/.test(prev) || /^\\[DSWs.]$/.test(prev) || prev.endsWith('.')) {
          return { zh: '通配符或字符类不得无上限重复（请用 {0,n}）', en: 'unbounded wildcard or class repetition (use {0,n})' };
        }
      }
      if (stack.length) stack[stack.length - 1]!.quantified = true;
    }
  }
  return null;
}

/** Compile a rule pattern under the guard; throws UnsafePatternError or a SyntaxError wrapped in it. */
export function compileGuarded(source: string, flags = ''): RegExp {
  const reason = unsafeReason(source);
  if (reason) throw new UnsafePatternError(source, reason.zh, reason.en);
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new UnsafePatternError(source, '正则表达式语法错误', `invalid regular expression (${(e as Error).message})`);
  }
}
