import { describe, expect, it } from 'vitest';
import { citedBefore } from '../../lib/engine/citation';

describe('citedBefore', () => {
  it.each([
    ['依照《中华人民共和国产品质量法》第五十条的规定', true],
    ['由县级以上人民政府环境保护主管部门依照《中华人民共和国海洋环境保护法》第七十五条的规定予以', true],
    ['根据当时的《杭州市道路交通安全管理条例》规定，被', true],
    ['客运企业必须具备《中华人民共和国道路运输条例》规定的', true],
    ['违反《粮食流通管理条例》规定的，由市发展改革委', false],
    ['依照第三十六条规定基数', false],
    ['违反本办法第五条规定的，由县城市管理局', false],
    ['除依照《中华人民共和国食品安全法》处罚外，还可以', false],
  ])('%s → %s', (before, cited) => expect(citedBefore(before)).toBe(cited));
});
