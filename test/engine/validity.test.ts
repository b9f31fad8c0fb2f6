import { describe, expect, test } from 'vitest';
import { checkValidity, DEFAULT_VALIDITY_PARAMS, type ValidityParams } from '../../lib/engine/checks/validity';
import { normalize } from '../../lib/engine/normalize';

// Files are fed like the scorer does: title line, blank line, body.
function run(title: string | null, body: string, params: ValidityParams = DEFAULT_VALIDITY_PARAMS) {
  const text = title ? `${title}\n\n${body}\n` : `${body}\n`;
  return { text, result: checkValidity(text, normalize(text), params) };
}

describe('validity: statements of the document', () => {
  test.each<[string, string, string, number]>([
    ['某区支持青年创业实施办法', '第十三条 本办法自2023年9月8日起施行，有效期3年。本办法有效期满而扶持资金尚未支付完毕的，应继续执行至全部完毕。', 'ok', 3],
    ['某市临时救助实施细则', '第十八条\u00a0本实施细则自印发之日起施行,有效期5年。', 'ok', 5],
    ['某市养老服务管理办法', '第五十二条\u3000本办法自印发之日起施行，有效期为五年。', 'ok', 5],
    ['某市最低生活保障标准的通知', '本通知有效期1年。', 'ok', 1],
    ['某市某细则', '本细则有效期两年。', 'ok', 2],
    ['某市某办法', '本办法自2021年1月1日起施行，有效期限为3年。', 'ok', 3],
    ['某市某办法', '本办法自2021年1月1日起施行（有效期5年）。', 'ok', 5],
    ['某市某办法', '本办法自2021年1月1日起施行。有效期五年。', 'ok', 5],
    ['某市某办法', '本办法自2020年1月1日起5年内有效。', 'ok', 5],
    ['某市失业保险金标准的通知', '上述失业保险金支付标准自2026年7月1日起执行。本通知有效期至2028年6月30日。', 'ok', 2],
    ['国务院办公厅关于印发两个规定的通知', '除另有规定外，上述政策凡未注明具体期限的，执行期限为2019年1月1日至2023年12月31日。', 'ok', 5],
    ['关于某区发展的若干意见', '本意见自印发之日起施行，政策期限为2016年至2018年。', 'ok', 3],
    ['关于某活动期间禁飞的通告', '本通告自2018年10月23日起施行，有效期至2018年11月12日。', 'ok', 0.06],
    ['关于某活动期间禁飞的通告', '本通告有效期自2018年10月23日0时起至2018年11月12日24时止。', 'ok', 0.06],
    ['关于某税费政策的公告', '本公告执行至2027年12月31日。\n财政部 税务总局\n2023年8月1日', 'ok', 4.42],
    ['关于某政策的通知', '本通知执行期限为2019年1月1日至2021年12月31日。', 'ok', 3],
    ['某市2025—2027年若干措施', '本措施自2025年1月1日起执行，有效期截至2027年12月31日。', 'ok', 3],
    ['某市人民政府办公厅关于重新发布某办法的通知', '现将《某市人民政府办公厅关于印发某办法的通知》（某府办规〔2023〕1号）重新发布，有效期调整至2026年12月31日。\n\n某市人民政府办公厅\n2025年7月1日', 'ok', 1.5],
    ['某局关于某事项的通知', '本通知自印发之日起施行，有效期至2026年12月31日。\n\n某局\n2024年1月1日', 'ok', 3],
    ['某市某办法', '本办法自2020年1月1日起施行，2024年12月31日废止。', 'ok', 5],
    ['某市某办法', '本办法自二〇二〇年一月一日起施行，有效期至二〇二四年十二月三十一日。', 'ok', 5],
    ['某市某办法', '本办法自２０２０年１月１日起施行，有效期５年。', 'ok', 5],
    // 规程 / 规范 / 准则 name documents too
    ['某局项目扶持计划操作规程', '本规程自2026年5月1日起施行，有效期至2027年4月30日。', 'ok', 1],
    ['某市数据共享工作规范', '本规范自印发之日起施行，有效期3年。', 'ok', 3],
    // a quoted name that is not a certificate is still the document
    ['某市某办法', '《某市某办法》有效期5年。', 'ok', 5],
  ])('%s: %j → %s %d', (title, body, status, years) => {
    const { result } = run(title, body);
    expect(result.status).toBe(status);
    expect(result.years).not.toBeNull();
    expect(Math.abs((result.years as number) - years)).toBeLessThanOrEqual(0.05);
  });

  test('the statement is located in the original text', () => {
    const { text, result } = run('某办法', '第十三条 本办法自二〇二三年九月八日起施行，有效期三年。');
    expect(result.text).toBe('本办法自二〇二三年九月八日起施行，有效期三年');
    expect(text.slice(result.start, result.end)).toBe(result.text);
  });
});

describe('validity: too long', () => {
  test.each<[string, string, number | null, number, boolean]>([
    ['某市某暂行办法', '本办法自2020年1月1日起施行，有效期五年。', 5, 3, true],
    ['某市某实施细则（试行）', '本细则自2020年1月1日起施行，有效期5年。', 5, 3, true],
    ['某市某办法', '本办法自2020年1月1日起施行，有效期10年。', 10, 5, false],
    ['某市某办法', '本办法自2020年1月1日起施行，有效期至2030年12月31日。', 11, 5, false],
    ['某市某办法', '本办法自2020年1月1日起试行，有效期5年。', 5, 3, true],
    ['某市某规定', '本规定自发布之日起施行，长期有效。', null, 5, false],
    ['某市某办法', '本办法试行期为4年。', 4, 3, true],
  ])('%s: %j → too_long', (title, body, years, limit, provisional) => {
    const { result } = run(title, body);
    expect(result.status).toBe('too_long');
    expect(result.limitYears).toBe(limit);
    expect(result.provisional).toBe(provisional);
    if (years === null) expect(result.years).toBeNull();
    else expect(result.years).toBeCloseTo(years, 1);
  });

  test('limits come from the parameters', () => {
    expect(run('某办法', '本办法自2020年1月1日起施行，有效期5年。', { maxYears: 3, provisionalMaxYears: 2 }).result).toMatchObject({ status: 'too_long', limitYears: 3 });
    expect(run('某试行办法', '本办法自2020年1月1日起施行，有效期3年。', { maxYears: 5, provisionalMaxYears: 2 }).result).toMatchObject({ status: 'too_long', limitYears: 2 });
    expect(run('某试行办法', '本办法自2020年1月1日起施行，有效期3年。').result).toMatchObject({ status: 'ok', limitYears: 3 });
  });

  test('a document that only repeals others may be 长期有效 (湖南)', () => {
    expect(run('某市人民政府关于废止部分规范性文件的决定', '本决定自发布之日起施行，长期有效。').result.status).toBe('ok');
  });

  test('a signature date may precede the effective date by about a month', () => {
    const { result } = run('某局关于某事项的通知', '本通知自2020年1月1日起施行，有效期至2024年12月31日。\n某局\n2019年12月10日');
    expect(result.status).toBe('ok');
    expect(result.years).toBeCloseTo(5, 2);
  });
});

describe('validity: missing (no statement, or the period of something else)', () => {
  test.each<[string | null, string]>([
    ['某暂行办法', '第二十六条 本办法自发布之日起施行。'],
    ['某市慈善条例', '第七十四条 本条例自2021年11月1日起施行。2012年6月7日某市人大常委会通过的《某市募捐条例》同时废止。'],
    ['某市规定', '第六条 本规定自颁布之日起施行。某市人民政府一九九四年三月三十日颁发的《某通告》同时废止。'],
    ['某条例', '护士执业注册有效期为5年。'],
    ['某办法', '许可证有效期三年。'],
    ['某办法', '备案有效期为10年，期满前应当重新办理备案。'],
    ['某办法', '市民政部门每年委托第三方机构开展星级评定，结果有效期三年。'],
    ['某方案', '服务协议有效期可为1年、2年或3年，并与医保政策实施周期相衔接。'],
    ['某办法', '持有在有效期限内的《残疾人证》的重度残疾人。'],
    ['某办法', '（在领补贴对象的《家庭经济状况核对报告》，有效期为1年）。'],
    ['某办法', '本市老年人优待凭证设置2年有效期。'],
    ['某指南', '电子居住证有效期为一年，每年签注一次。'],
    ['某批复', '二、口岸区的土地使用权以租赁方式取得，土地使用期限自口岸启用之日起至2047年6月30日止。'],
    ['某指导意见', '各地区、各部门要于2019年3月底前制定实施方案，并报司法部备案。\n国务院办公厅\n2018年12月5日'],
    ['某通知', '已投产的海上风电项目，项目级机制电量比例为80%，执行期限为20年。'],
    ['某方案', '对新制发的规范性文件试行有效期制度，有效期一般不超过5年，其中暂行、试行的规范性文件一般不超过3年。'],
    ['某方案', '规范性文件实行有效期制度，有效期最长不得超过5年。'],
    ['某办法', '颁发《某许可证》。有效期为三年，期满需要延续的，应当在期满前30日提出申请。'],
    // a quoted licence, certificate or card as the subject
    ['某药品管理条例', '第八条 《药品经营许可证》有效期为5年。'],
    ['某资格管理办法', '《某服务资格证书》有效期为5年，期满前6个月应当重新提出申请。'],
    ['某鉴定条例', '第十三条 《某鉴定许可证》自颁发之日起五年内有效；有效期届满需要延续的，应当在届满六十日前申请。'],
    ['某办法', '评定证书长期有效。'],
    ['某办法', '本办法有效期满而相关扶持资金应当支付而尚未支付完毕的，应继续执行至全部完毕。'],
    [null, '四、本《通告》自发布之日起施行。'],
    ['关于印发《某电力市场规则(试行)》的通知', '一、《规则》自2026年1月1日起执行。其中，相关条款待技术支持系统功能完善后执行，原则上不晚于2026年7月1日。'],
  ])('%s: %j', (title, body) => {
    const { result } = run(title, body);
    expect(result.status).toBe('missing');
    expect(result.years).toBeNull();
    expect(result.start).toBeUndefined();
  });

  test('试行 about something else does not make the document provisional', () => {
    expect(run('某市居住证管理办法', '本市试行居住证制度，试行期间的问题由市公安局负责解释。本办法自2020年1月1日起施行，有效期5年。').result).toMatchObject({ status: 'ok', provisional: false, limitYears: 5 });
  });

  test('a provisional title still sets the limit when the period is missing', () => {
    expect(run('某暂行规定', '第二十二条 本规定自公布之日起施行。').result).toEqual({ status: 'missing', years: null, limitYears: 3, provisional: true });
  });
});
