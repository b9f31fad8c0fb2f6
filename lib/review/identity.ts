import type { Localized } from '../engine/types';

// Which document a stored review belongs to (issue 5): origin + path + the params that name the
// document + the title. OA systems put session ids in the path (;jsessionid=), tokens and cache
// busters in the query, and route inside the fragment (#/doc/edit?id=…), so the raw URL changes on
// every login while the document does not. The title is part of the key, so a param dropped by
// mistake can only merge documents that also share a path and a title; a param kept by mistake
// would lose every decision at the next login. Hence: drop what is volatile, keep the rest.

/** Why part of a URL was left out of a document key. */
export type DropReason = 'session' | 'cache-buster' | 'navigation' | 'volatile-value' | 'fragment';

export const DROP_REASON_LABELS: Record<DropReason, Localized> = {
  session: { 'zh-CN': '会话或登录凭据', en: 'session or login credential' },
  'cache-buster': { 'zh-CN': '防缓存参数', en: 'cache buster' },
  navigation: { 'zh-CN': '界面导航参数', en: 'navigation state' },
  'volatile-value': { 'zh-CN': '值像时间戳或随机串', en: 'value looks like a timestamp or a random string' },
  fragment: { 'zh-CN': '页内锚点', en: 'in-page anchor' },
};

/** One URL part left out of the key, with the reason. */
export interface DroppedPart {
  part: 'path' | 'query' | 'fragment';
  name: string;
  value: string;
  reason: DropReason;
}

/** How a key was built: what identifies the document and what was dropped. */
export interface KeyExplanation {
  key: string;
  /** origin + path (+ hash route) + the kept params, sorted */
  base: string;
  title: string | null;
  kept: { name: string; value: string }[];
  dropped: DroppedPart[];
}

// Compared lower-case, without '-' and '_' (so access_token, access-token, accessToken are one).
const SESSION = new Set([
  'jsessionid', 'phpsessid', 'aspsessionid', 'sid', 'sessionid', 'session', 'sessid', 'sessionkey',
  'token', 'accesstoken', 'refreshtoken', 'authtoken', 'idtoken', 'auth', 'authorization', 'ticket',
  'st', 'serviceticket', 'sign', 'signature', 'nonce', 'csrf', 'csrftoken', 'xsrf', 'xsrftoken',
  'jwt', 'sso', 'ssotoken', 'logintoken', 'usertoken', 'code', 'state',
]);
const CACHE_BUSTER = new Set(['', 't', 'ts', 'time', 'timestamp', 'dc', 'r', 'rnd', 'rand', 'random', 'nocache', 'cachebuster', 'cb', 'tm', 'stamp']);
const NAVIGATION = new Set([
  'menuid', 'menu', 'tabid', 'tab', 'navid', 'nav', 'userid', 'uid', 'loginid', 'roleid', 'requestid', 'traceid',
  'returnurl', 'backurl', 'redirect', 'redirecturl', 'redirecturi', 'callback', 'from', 'spm', 'lang', 'locale',
  'theme', 'mode', 'action', 'view', 'openmode', 'readonly',
]);
// Names that identify a document, kept whatever their value looks like.
const DOCUMENT = new Set(['id', 'uuid', 'guid', 'key', 'pk', 'no', 'bh', 'wjbh', 'docno', 'fileno', 'file', 'doc', 'path', 'filename', 'name']);

function squash(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

function isSessionName(squashed: string): boolean {
  return SESSION.has(squashed) || /sess(ion)?id$|token$|ticket$|^aspsessionid/.test(squashed);
}

function isDocumentName(squashed: string): boolean {
  return DOCUMENT.has(squashed) || /id$|ids$|uuid$|guid$|bh$|no$/.test(squashed);
}

const EPOCH_MIN_S = 946_684_800; // 2000-01-01
const EPOCH_MAX_S = 4_102_444_800; // 2100-01-01

/** A timestamp (epoch seconds or milliseconds, or 20240301123045…) or a random-looking string. */
export function looksVolatile(value: string): boolean {
  if (/^\d{10}$/.test(value)) return +value >= EPOCH_MIN_S && +value < EPOCH_MAX_S;
  if (/^\d{13}$/.test(value)) return +value >= EPOCH_MIN_S * 1000 && +value < EPOCH_MAX_S * 1000;
  if (/^20\d{12,15}$/.test(value)) return true;
  if (/^0\.\d{6,}$/.test(value)) return true; // Math.random()
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return true;
  if (/^[0-9a-f]{16,}$/i.test(value) && /\d/.test(value) && /[a-f]/i.test(value)) return true;
  // base64/base64url/JWT-like: long, with lower, upper and digits mixed
  return value.length >= 20 && /^[A-Za-z0-9+/=._~-]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

/** Why a query param is dropped, or null when it stays in the key. */
function dropReason(name: string, value: string): DropReason | null {
  const s = squash(name);
  if (isSessionName(s)) return 'session';
  if (s.startsWith('utm')) return 'navigation';
  if (CACHE_BUSTER.has(s)) return 'cache-buster';
  if (NAVIGATION.has(s)) return 'navigation';
  if (isDocumentName(s)) return null;
  return looksVolatile(value) ? 'volatile-value' : null;
}

const MATRIX = /;([^;/=]*)=?([^;/]*)/g;

function cleanPath(path: string, dropped: DroppedPart[]): string {
  const kept = path.replace(MATRIX, (all, name: string, value: string) => {
    if (!isSessionName(squash(name))) return all;
    dropped.push({ part: 'path', name, value, reason: 'session' });
    return '';
  });
  return kept.length > 1 ? kept.replace(/\/+$/, '') || '/' : kept || '/';
}

function cleanQuery(
  params: URLSearchParams,
  part: 'query' | 'fragment',
  kept: { name: string; value: string }[],
  dropped: DroppedPart[],
): string {
  const own: [string, string][] = [];
  for (const [name, value] of params) {
    const reason = dropReason(name, value);
    if (reason) dropped.push({ part, name, value, reason });
    else {
      own.push([name, value]);
      kept.push({ name, value });
    }
  }
  // sort by name only: repeated names keep their order (stable sort)
  own.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new URLSearchParams(own).toString();
  return out ? `?${out}` : '';
}

/** Trimmed, whitespace collapsed, NFC; null when empty. */
export function normalizeTitle(title: string | null): string | null {
  const t = title?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** The document key and how it was built (for the side panel's "why is this the same document"). */
export function explainKey(input: { url: string; title: string | null }): KeyExplanation {
  const title = normalizeTitle(input.title);
  const kept: { name: string; value: string }[] = [];
  const dropped: DroppedPart[] = [];
  let base: string;
  let u: URL | null = null;
  try {
    u = new URL(input.url.trim());
  } catch {
    u = null;
  }
  if (!u) {
    base = input.url.trim();
  } else {
    const origin = u.protocol === 'file:' || u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
    const path = cleanPath(u.pathname, dropped);
    const query = cleanQuery(u.searchParams, 'query', kept, dropped);
    let route = '';
    const hash = u.hash.slice(1);
    // Hash routes (#/doc/edit?id=1, #!/doc) are part of the page's address in single-page OA apps.
    const m = /^!?(\/[^?]*)(?:\?(.*))?$/.exec(hash);
    if (m) {
      const routePath = cleanPath(m[1] ?? '/', dropped);
      route = `#${routePath}${cleanQuery(new URLSearchParams(m[2] ?? ''), 'fragment', kept, dropped)}`;
    } else if (hash) {
      dropped.push({ part: 'fragment', name: '#', value: hash, reason: 'fragment' });
    }
    base = `${origin}${path}${query}${route}`;
  }
  // URL parts are percent-encoded, so ' 《' cannot occur in base: the key splits unambiguously.
  return { key: title ? `${base} 《${title}》` : base, base, title, kept, dropped };
}

/** The key decisions are stored under: stable across logins, sessions and cache busters. */
export function documentKey(input: { url: string; title: string | null }): string {
  return explainKey(input).key;
}
