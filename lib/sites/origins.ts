// Sites are origins (scheme://host[:port]); permissions and content-script registrations use
// match patterns. Chrome match patterns ignore the port, so one pattern covers every port of a
// host: http://oa.example.gov.cn/* also enables http://oa.example.gov.cn:8080.

/** The origin fashen works with for a tab URL, or null for pages it never annotates. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.origin;
}

/** The match pattern that enables an origin: its scheme and host, any port, any path. */
export function patternFor(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

const PATTERN = /^(\*|https?|file):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(?::\d+)?(\/.*)$/;

/** True for a match pattern Chrome and Firefox both accept for http(s) hosts. */
export function isMatchPattern(p: string): boolean {
  return p === '<all_urls>' || PATTERN.test(p);
}

/** Whether a match pattern covers the root of an origin (paths are not looked at). */
export function patternCovers(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  const [, scheme, host = ''] = m;
  const proto = u.protocol.slice(0, -1);
  if (scheme === '*' ? proto !== 'http' && proto !== 'https' : scheme !== proto) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return u.hostname === base || u.hostname.endsWith(`.${base}`);
  }
  return u.hostname === host;
}

/**
 * FASHEN_TEST_HOSTS as built in: a comma-separated list of match patterns. Anything else in the
 * list fails the build rather than silently granting nothing (or too much).
 */
export function parseTestHosts(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((p) => !isMatchPattern(p));
  if (bad.length) throw new Error(`FASHEN_TEST_HOSTS: not match patterns: ${bad.join(', ')}`);
  return list;
}
