import { describe, expect, test } from 'vitest';
import { detectDocumentType } from '../../lib/engine/document-type';

describe('detectDocumentType', () => {
  test.each([
    ['广州市居家社区养老服务管理办法\n\n第一条 为了规范…', '广州市居家社区养老服务管理办法', '办法', false],
    ['关于印发《山东电力市场规则(试行)》的通知\n各有关单位：', '关于印发《山东电力市场规则(试行)》的通知', '通知', true],
    ['江门市生态环境行政处罚自由裁量权裁量标准规定（试行）\n', '江门市生态环境行政处罚自由裁量权裁量标准规定（试行）', '规定', true],
    ['证券交易所风险基金管理暂行办法\n', '证券交易所风险基金管理暂行办法', '办法', true],
    ['东川区法治政府建设实施方案\n\n（2016—2020年）\n\n（征求意见稿）\n', '东川区法治政府建设实施方案', '方案', false],
    ['某市临时救助实施细则\n', '某市临时救助实施细则', '细则', false],
    ['某市人民政府关于调整某事项的决定\n', '某市人民政府关于调整某事项的决定', '决定', false],
    ['关于禁飞的通告\n', '关于禁飞的通告', '通告', false],
    ['某局关于公开征求意见的公告\n', '某局关于公开征求意见的公告', '公告', false],
    ['某区十四五规划\n', '某区十四五规划', '规划', false],
    ['关于加强某工作的指导意见\n', '关于加强某工作的指导意见', '意见', false],
    ['某省安全生产条例\n', '某省安全生产条例', '条例', false],
    ['2022年法治政府建设情况报告\n', '2022年法治政府建设情况报告', '报告', false],
    ['2024年工作要点\n', '2024年工作要点', '其他', false],
    ['某市居家养老管理办法\n（试行）\n第一条', '某市居家养老管理办法', '办法', true],
  ])('%j', (text, title, documentType, provisional) => {
    expect(detectDocumentType(text)).toEqual({ title, documentType, provisional });
  });

  test('skips portal chrome and site-name suffixes', () => {
    const text = '登录 | 注册\n索引号：11440100/2024-01\n发布机构：某市人民政府办公厅\n某市人民政府办公厅关于印发某办法的通知 - 某市人民政府门户网站\n正文';
    expect(detectDocumentType(text)).toMatchObject({ title: '某市人民政府办公厅关于印发某办法的通知', documentType: '通知' });
  });

  test('skips bullet field labels with their values, section names and symbol lines', () => {
    const text = '登录 | 注册\n\n政府信息公开\n\n  • 索引号\n    000014348/2020-02308\n  • 发布机构\n    某市人民政府\n  • 发布日期\n    2017-02-17\n\n某市法治政府建设实施规划(2015—2020年)\n\n  为贯彻落实…';
    expect(detectDocumentType(text)).toMatchObject({ title: '某市法治政府建设实施规划(2015—2020年)', documentType: '规划' });
  });

  test('joins a title wrapped over lines and skips the issuer line', () => {
    const text = ' ★\n中共某市委  某市人民政府\n\n关于印发《某市法治政府\n\n建设实施方案》的通知\n\n各县（市、区）党委、人民政府：';
    expect(detectDocumentType(text)).toMatchObject({ title: '关于印发《某市法治政府建设实施方案》的通知', documentType: '通知' });
  });

  test('a 名称: field wins', () => {
    expect(detectDocumentType('首页\n名 称: 某某管理条例\n正文').title).toBe('某某管理条例');
  });

  test('an explicit title overrides the text', () => {
    expect(detectDocumentType('第一条 正文', '某某试行办法')).toEqual({ title: '某某试行办法', documentType: '办法', provisional: true });
  });

  test('empty text', () => {
    expect(detectDocumentType('')).toEqual({ title: null, documentType: '其他', provisional: false });
  });
});
