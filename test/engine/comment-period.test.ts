import { describe, expect, test } from 'vitest';
import { checkCommentPeriod, DEFAULT_COMMENT_PARAMS, type CommentParams } from '../../lib/engine/checks/comment-period';
import { normalize } from '../../lib/engine/normalize';

// Files are fed like the scorer does: the text and a final newline.
function run(body: string, params: CommentParams = DEFAULT_COMMENT_PARAMS) {
  const text = `${body}\n`;
  return { text, result: checkCommentPeriod(text, normalize(text), params) };
}

describe('comment period: windows of the document', () => {
  test.each<[string, string, number]>([
    // ranges
    ['二、公示时间:2018年12月13日至2018年12月27日', 'too_short', 15],
    ['征求意见时间为2023年3月6日至2023年4月5日。', 'ok', 31],
    ['2022年2月18日-2022年3月1日,我局就《某办法（征求意见稿）》向社会公开征求意见。', 'too_short', 12],
    ['一、征集时间\n2023年9月20日至2023年10月20日。', 'ok', 31],
    ['此次征求意见的时间为2025年8月25日至2025年9月25日。', 'ok', 32],
    ['征求意见时间：从2023年1月1日开始，至2023年1月31日结束。', 'ok', 31],
    ['征求意见时间为2023年12月20日至1月19日。', 'ok', 31],
    ['征求意见时间为2023年3月6日至28日。', 'too_short', 23],
    ['公示期：2020年7月17日至2020年7月24日。', 'too_short', 8],
    ['意见反馈时间为2024年1月2日—2024年2月1日。', 'ok', 31],
    ['征求意见时间：二〇二三年三月六日至二〇二三年四月五日。', 'ok', 31],
    // the stated dates, not the count next to them, are the window the notice runs (2024-05-11,
    // a Saturday, was a working day: 10 working days from May 6 end on May 16)
    ['本次公开征求意见时间为10个工作日（2024年5月6日至5月17日）。', 'too_short', 12],
    // a misprinted end year is repaired from the start
    ['现将名单予以公示，公示时间为2024年9月27日至2023年10月10日。', 'too_short', 14],
    // deadlines counted from the signature date or the page time stamp
    ['现向社会公开征求意见。请于11月26日前将反馈意见发至我局邮箱。\n某监管局\n2020年11月20日', 'too_short', 7],
    ['欢迎有关单位和个人提出宝贵意见，于2026年2月26日前发送至邮箱。\n2026年1月26日', 'ok', 32],
    ['2020-11-09 16:37\n现向社会公开征求意见。请于11月16日前将反馈意见发至我局邮箱。', 'too_short', 8],
    ['请于5月10日（星期五）17时前将反馈意见报送我局。逾期视为无意见。\n某监管局\n2019年4月26日', 'too_short', 15],
    ['请于12月17日17:00前将意见反馈至邮箱。\n2025年11月17日', 'ok', 31],
    ['请各单位结合工作实际研提意见，于6月27日下班前将修改意见反馈至邮箱。\n2025年6月24日', 'too_short', 4],
    ['请于1月10日前反馈意见。\n某局\n2023年12月20日', 'too_short', 22],
    ['发布日期：2024-03-01\n请于2024年3月31日前提出意见。', 'ok', 31],
    ['意见反馈截止时间：2024年3月31日。\n某局\n2024年3月1日', 'ok', 31],
    ['征求意见时间为即日起至2024年3月20日。\n某局\n2024年3月1日', 'too_short', 20],
    ['请于2024年3月31日将意见反馈至邮箱。\n某局\n2024年3月1日', 'ok', 31],
    // a 公示 stated as news, with the invitation to send comments in the same sentence
    ['某规划局对某地块规划方案进行公示，公示时间为2011年6月29日-2011年7月1日，有意见可反馈至规划局网站。', 'too_short', 3],
    // dotted dates joined by a hyphen
    ['特此公示！\n公示时间：2022.7.13-2022.7.17\n如有异议，请与学校联系。', 'too_short', 5],
    // a duty phrased with 应当 is still the notice's deadline when the notice is dated
    ['各有关单位应当于2024年3月31日前将修改意见反馈我局。\n某局\n2024年3月1日', 'ok', 31],
    // a range without any year, in brackets after the count it spells out
    ['现对拟表彰的优秀毕业生名单予以公示。公示期为5个工作日（3月9日—13日）。', 'too_short', 5],
    // N days
    ['请在本公告发布之日起16日内将相关意见建议书面反馈至邮箱。', 'too_short', 16],
    ['请自本通知发布之日起30日内反馈意见。', 'ok', 30],
    ['征求意见时间为30天。', 'ok', 30],
    ['本次征求意见期限为一个月。\n某局\n2024年3月1日', 'ok', 31],
    ['本次征求意见期限为两周。', 'too_short', 14],
  ])('%j → %s %d', (body, status, days) => {
    const { result } = run(body);
    expect(result).toMatchObject({ status, days, minDays: 30 });
  });

  test('working days are counted with the holiday calendar (2024 National Day)', () => {
    // 2024-09-27 is a Friday; 09-29 is a make-up working Sunday; 10-01..10-07 are holidays.
    const { result } = run('现将有关情况予以公示，公示期5个工作日。\n某局\n2024年9月27日');
    expect(result).toMatchObject({ status: 'too_short', days: 13 });
    const exclusive = run('现将有关情况予以公示，公示期5个工作日。\n某局\n2024年9月27日', { minDays: 30, counting: 'exclusive' });
    expect(exclusive.result.days).toBe(12);
  });

  test('working days inside a dated range start from the range', () => {
    const { result } = run('现将名单予以公示，公示期5个工作日（2024年9月27日起）。');
    expect(result.days).toBe(13);
  });

  test('exclusive counting subtracts one day from ranges and deadlines, not from N-day statements', () => {
    const params: CommentParams = { minDays: 30, counting: 'exclusive' };
    expect(run('征求意见时间为2023年3月6日至2023年4月5日。', params).result.days).toBe(30);
    expect(run('请于11月26日前将反馈意见发至邮箱。\n2020年11月20日', params).result.days).toBe(6);
    expect(run('请在本公告发布之日起16日内反馈意见。', params).result.days).toBe(16);
  });

  test('minDays comes from the parameters', () => {
    expect(run('征求意见时间为2023年3月6日至2023年3月20日。', { minDays: 7, counting: 'inclusive' }).result).toMatchObject({ status: 'ok', days: 15, minDays: 7 });
  });

  test('the window is located in the original text', () => {
    const { text, result } = run('二、公示时间:2018年12月13日至2018年12月27日');
    expect(result.text).toBe('公示时间:2018年12月13日至2018年12月27日');
    expect(text.slice(result.start, result.end)).toBe(result.text);
  });

  test('a deadline without any start date is a window of unknown length', () => {
    expect(run('请于2024年3月31日前将意见反馈至邮箱。').result).toMatchObject({ status: 'ok', days: null });
  });
});

describe('comment period: missing (rules, procedures, mentions without a period)', () => {
  test.each([
    '市、县级人民政府应当组织有关部门对征收补偿方案进行论证并予以公布，征求公众意见。征求意见期限不得少于30日。',
    '除依法需要保密的外，法规规章草案要通过网络、报纸等媒体向社会公开征求意见，期限一般不少于三十日。',
    '应当在本集体经济组织范围内进行公示，征求本集体经济组织成员意见，征求意见时间不少于十五日。',
    '在向社会公开征求意见时，期限一般不少于7个工作日（与市场主体生产经营活动密切相关的行政规范性文件，期限一般不少于30日）。',
    '公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。',
    '区住房保障部门将复审符合条件的申请家庭情况进行公示，公示时间为20日。',
    '市场主体应当将承诺书通过国家企业信用信息公示系统公示，公示期为20日。',
    '利害关系人可以自公告之日起15日内提出异议。',
    // 申请 is not a request to the reader (请)
    '申请人有异议的，可以自收到通知之日起十五日内向财政部门申请复议。',
    '利害关系人对申请人的主张有异议的，应在收到通知之日起十五日内书面提出。',
    // recurring dates and undated duties are rules
    '纳入计划管理的用水户应当于每年十二月三十一日前向主管部门提交下一年度用水计划建议。',
    '市人民政府应当于每年十月底前向常务委员会提出下一年度的立法计划建议。',
    '承办单位应当于2024年8月31日前，向代表工作机构报送代表建议、批评和意见办理工作情况的报告。',
    // dates in a 公示 notice that belong to what is shown, not to the notice's window
    '现将2023年1月1日至2023年12月31日期间获得资助的项目予以公示。',
    '执法检查组可以采取听取汇报、召开座谈会、公开征求意见等方式，了解法律实施的情况。',
    '本市制定与市场主体密切相关的行政规范性文件，应当通过报纸、网络等向社会公开征求意见。',
    '本办法自公布之日起30日后施行。',
    '第十条 起草部门应当公开征求意见。征求意见期限为三十日。',
    '于2024年3月31日召开座谈会。\n某局\n2024年3月1日',
    '各地区要于2019年3月底前制定实施意见并报送备案。\n国务院办公厅\n2018年12月5日',
    '集中报名时间原则上为2024年6月2日至6月4日，幼儿园要通过公示专栏公开招生信息。',
    '于2026年5月16日至18日提交佐证材料，经审核符合条件并公示无异议的，予以录取。',
    '本办法自2020年1月1日起施行，有效期至2024年12月31日。',
    '',
  ])('%j', (body) => {
    const { result } = run(body);
    expect(result).toEqual({ status: 'missing', days: null, minDays: 30 });
  });
});
