import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../lib/engine/types';
import { opinionBlob, opinionFileName, type OpinionFormat } from '../../lib/review/download';
import { findingKey, type OpinionOptions } from '../../lib/review/export';
import { findingAt, reportOf } from './fixtures';

test.each<[string | null, string, OpinionFormat, Lang, string]>([
  ['某市餐饮油烟管理办法（征求意见稿）', '2025-03-01', 'docx', 'zh-CN', '合法性审核意见-某市餐饮油烟管理办法（征求意见稿）-2025-03-01.docx'],
  ['某市办法', '2025-03-01', 'html', 'en', 'legality-review-opinion-某市办法-2025-03-01.html'],
  [null, '2025-03-01', 'docx', 'zh-CN', '合法性审核意见-2025-03-01.docx'],
  ['  ', '2025-03-01', 'html', 'zh-CN', '合法性审核意见-2025-03-01.html'],
  ['关于<印发>“a/b:c*d?”的|通知', '2025-03-01', 'docx', 'zh-CN', '合法性审核意见-关于_印发_“a_b_c_d_”的_通知-2025-03-01.docx'],
  ['..\\..\\secret\n name', '2025-03-01', 'docx', 'zh-CN', '合法性审核意见-_.._secret_ name-2025-03-01.docx'],
  ['标题', 'not a date', 'docx', 'zh-CN', '合法性审核意见-标题.docx'],
])('opinionFileName(%j, %s, %s, %s)', (title, date, format, lang, name) => expect(opinionFileName(title, date, format, lang)).toBe(name));

test('long titles are cut to 60 characters', () => {
  const name = opinionFileName('长'.repeat(200), '2025-03-01', 'docx');
  expect(name).toBe(`合法性审核意见-${'长'.repeat(60)}-2025-03-01.docx`);
});

describe('opinionBlob', () => {
  const text = '第五条 违反本办法规定的，由城市管理部门处以五千元罚款。\n第六条 餐饮服务经营者须缴纳油烟治理费。';
  const fine = findingAt(text, '处以五千元罚款');
  const fee = findingAt(text, '须缴纳油烟治理费', 'fee.charge', 0, { category: 'fee', location: '第六条' });
  const opts: OpinionOptions = { report: reportOf([fine, fee]), include: new Set([findingKey(fine)]), date: '2025-03-01' };

  test('html: a text/html blob with the chosen finding only', async () => {
    const blob = await opinionBlob(opts, 'html');
    expect(blob.type).toBe('text/html;charset=utf-8');
    const html = await blob.text();
    expect(html).toContain('处以五千元罚款');
    expect(html).not.toContain('油烟治理费');
  });

  test('docx: a Word document with the chosen finding only', async () => {
    const blob = await opinionBlob(opts, 'docx');
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('处以五千元罚款');
    expect(xml).not.toContain('油烟治理费');
  });
});
