import { describe, expect, test } from 'vitest';
import { documentKey, explainKey, looksVolatile } from '../../lib/review/identity';

const T = '关于印发某市行政许可管理办法的通知';

describe('documentKey: the same document across sessions', () => {
  test.each<[string, string, string]>([
    ['path session id', 'http://oa.gov.cn/doc/view.do;jsessionid=A1B2C3D4E5?id=42', 'http://oa.gov.cn/doc/view.do?id=42'],
    ['JSESSIONID upper case', 'http://oa.gov.cn/doc/view.do;JSESSIONID=9F8E7D?id=42', 'http://oa.gov.cn/doc/view.do?id=42'],
    ['query session and token', 'https://oa.gov.cn/edit?docId=7&sid=abc&token=eyJhbGciOiJIUzI1NiJ9.x.y', 'https://oa.gov.cn/edit?docId=7'],
    ['access_token and ticket', 'https://oa.gov.cn/edit?fileId=7&access_token=zz&ticket=ST-1-abc', 'https://oa.gov.cn/edit?fileId=7'],
    ['jQuery and ExtJS cache busters', 'https://oa.gov.cn/edit?_=1714000000000&_dc=1714000000000&id=3', 'https://oa.gov.cn/edit?id=3'],
    ['_t and t', 'https://oa.gov.cn/edit?id=3&_t=1714000000&t=0.123456789', 'https://oa.gov.cn/edit?id=3'],
    ['unknown param with timestamp value', 'https://oa.gov.cn/edit?id=3&v=1714000000', 'https://oa.gov.cn/edit?id=3'],
    ['unknown param with random hash', 'https://oa.gov.cn/edit?id=3&x=9f86d081884c7d659a2feaa0c55ad015', 'https://oa.gov.cn/edit?id=3'],
    ['menu and user navigation', 'https://oa.gov.cn/edit?menuId=12&userId=u9&id=3', 'https://oa.gov.cn/edit?id=3'],
    ['param order', 'https://oa.gov.cn/edit?b=2&id=3&a=1', 'https://oa.gov.cn/edit?a=1&b=2&id=3'],
    ['in-page anchor', 'https://oa.gov.cn/edit?id=3#section-2', 'https://oa.gov.cn/edit?id=3'],
    ['trailing slash', 'https://oa.gov.cn/docs/3/', 'https://oa.gov.cn/docs/3'],
    ['hash route keeps its id, drops its token', 'https://oa.gov.cn/#/doc/edit?docId=88&token=abc&_t=1714000000000', 'https://oa.gov.cn/#/doc/edit?docId=88'],
    ['default port and host case', 'HTTPS://OA.gov.cn:443/x?id=1', 'https://oa.gov.cn/x?id=1'],
  ])('%s', (_name, url, base) => {
    expect(explainKey({ url, title: T }).base).toBe(base);
  });

  test.each<[string, string]>([
    ['docId UUID', 'https://oa.gov.cn/edit?docId=550e8400-e29b-41d4-a716-446655440000'],
    ['fileId hex', 'https://oa.gov.cn/edit?fileId=9f86d081884c7d659a2feaa0c55ad015'],
    ['guid', 'https://oa.gov.cn/edit?guid=550e8400-e29b-41d4-a716-446655440000'],
    ['wjbh 文件编号', 'https://oa.gov.cn/edit?wjbh=2024001'],
    ['recordId', 'https://oa.gov.cn/edit?recordId=1714000000000'],
    ['stable unknown param', 'https://oa.gov.cn/edit?type=gw'],
  ])('keeps %s', (_name, url) => {
    expect(explainKey({ url, title: T }).base).toBe(url);
  });

  test('different documents stay different', () => {
    const a = documentKey({ url: 'https://oa.gov.cn/edit?docId=1&sid=x', title: T });
    const b = documentKey({ url: 'https://oa.gov.cn/edit?docId=2&sid=x', title: T });
    const c = documentKey({ url: 'https://oa.gov.cn/edit?docId=1&sid=y', title: '另一个文件' });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  test('same document after a new login', () => {
    const a = documentKey({ url: 'http://oa.gov.cn/gw/edit.jsp;jsessionid=AAA?docId=1&_t=1714000000000', title: `  ${T}\n` });
    const b = documentKey({ url: 'http://oa.gov.cn/gw/edit.jsp;jsessionid=BBB?_t=1714000999999&docId=1', title: T });
    expect(a).toBe(b);
    expect(a).toBe(`http://oa.gov.cn/gw/edit.jsp?docId=1 《${T}》`);
  });

  test.each<[string | null, string]>([
    [null, 'https://oa.gov.cn/x'],
    ['   ', 'https://oa.gov.cn/x'],
    ['a  b', 'https://oa.gov.cn/x 《a b》'],
  ])('title %j', (title, key) => expect(documentKey({ url: 'https://oa.gov.cn/x', title })).toBe(key));

  test('unparsable URLs are used as they are', () => {
    expect(documentKey({ url: 'not a url', title: null })).toBe('not a url');
  });

  test('file URLs keep their path', () => {
    expect(documentKey({ url: 'file:///home/u/draft.html', title: null })).toBe('file:///home/u/draft.html');
  });
});

describe('explainKey: what was dropped and why', () => {
  test('reasons', () => {
    const ex = explainKey({ url: 'http://oa.gov.cn/v.do;jsessionid=S1?id=1&token=k&_=1714000000000&menuId=9&x=0.55512345#top', title: T });
    expect(ex.kept).toEqual([{ name: 'id', value: '1' }]);
    expect(ex.dropped.map((d) => [d.part, d.name, d.reason])).toEqual([
      ['path', 'jsessionid', 'session'],
      ['query', 'token', 'session'],
      ['query', '_', 'cache-buster'],
      ['query', 'menuId', 'navigation'],
      ['query', 'x', 'volatile-value'],
      ['fragment', '#', 'fragment'],
    ]);
  });
});

describe('looksVolatile', () => {
  test.each<[string, boolean]>([
    ['1714000000', true],
    ['1714000000000', true],
    ['20240301123045', true],
    ['0.8231231', true],
    ['550e8400-e29b-41d4-a716-446655440000', true],
    ['9f86d081884c7d659a2feaa0c55ad015', true],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', true],
    ['42', false],
    ['2024001', false],
    ['1234567890123456', false],
    ['edit', false],
    ['deadbeefdeadbeefdeadbeef', false],
    ['gongwen', false],
  ])('%s → %s', (value, volatile) => expect(looksVolatile(value)).toBe(volatile));
});
