import { describe, expect, test } from 'vitest';
import { isMatchPattern, originOf, parseTestHosts, patternCovers, patternFor } from '../../lib/sites/origins';

describe('sites and match patterns', () => {
  test.each([
    ['https://oa.example.gov.cn/draft/edit?id=1', 'https://oa.example.gov.cn'],
    ['http://10.1.2.3:8080/oa', 'http://10.1.2.3:8080'],
    ['chrome://extensions', null],
    ['file:///home/a.html', null],
    ['about:blank', null],
    ['not a url', null],
    [undefined, null],
  ])('originOf(%s) = %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  test('an origin is enabled for every port of its host', () => {
    expect(patternFor('http://10.1.2.3:8080')).toBe('http://10.1.2.3/*');
    expect(patternFor('https://oa.example.gov.cn')).toBe('https://oa.example.gov.cn/*');
  });

  test.each([
    ['http://127.0.0.1/*', 'http://127.0.0.1:4173', true],
    ['http://127.0.0.1/*', 'https://127.0.0.1', false],
    ['*://oa.example.gov.cn/*', 'https://oa.example.gov.cn', true],
    ['https://*.example.gov.cn/*', 'https://oa.example.gov.cn', true],
    ['https://*.example.gov.cn/*', 'https://example.gov.cn', true],
    ['https://*.example.gov.cn/*', 'https://badexample.gov.cn', false],
    ['<all_urls>', 'https://anything.cn', true],
    ['garbage', 'https://anything.cn', false],
  ])('%s covers %s: %s', (pattern, origin, covers) => {
    expect(patternCovers(pattern, origin)).toBe(covers);
  });

  test('FASHEN_TEST_HOSTS is a comma-separated list of match patterns', () => {
    expect(parseTestHosts(undefined)).toEqual([]);
    expect(parseTestHosts('  ')).toEqual([]);
    expect(parseTestHosts('http://127.0.0.1/*, http://localhost/*')).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(() => parseTestHosts('127.0.0.1')).toThrow(/not match patterns/);
    expect(isMatchPattern('https://*.gov.cn/*')).toBe(true);
  });
});
