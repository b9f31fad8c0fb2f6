import { describe, expect, it } from 'vitest';
import { compileGuarded, unsafeReason, UnsafePatternError } from '../../lib/packs/regex-guard';

describe('regex guard', () => {
  it.each([
    '(a+)+b',
    '(?:处|罚)*+',
    '(.{0,9}x)+',
    '.*罚款',
    '[^。]+罚款',
    '(a|aa)*',
    '(\\w)\\1',
    '(?<x>a)\\k<x>',
    'a{1,}',
    'a{0,500}',
  ])('rejects %s', (src) => {
    expect(unsafeReason(src)).not.toBeNull();
    expect(() => compileGuarded(src)).toThrow(UnsafePatternError);
  });

  it.each([
    '处[^，。；]{0,40}?罚款',
    '(?<hit>应当|必须)',
    '(?:^|的，)(?:(?!的，)[^，。；]){0,30}?(?:企业|单位)',
    '(?<![加不])处(?!理|分)',
    '\\d+年内不得',
  ])('accepts %s', (src) => {
    expect(unsafeReason(src)).toBeNull();
    expect(compileGuarded(src)).toBeInstanceOf(RegExp);
  });

  it('reports a syntax error in both languages', () => {
    expect(() => compileGuarded('处(罚')).toThrow(/正则表达式语法错误 \/ invalid regular expression/);
  });
});
