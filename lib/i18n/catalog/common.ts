import type { Localized } from '../../engine/types';

// Words shared by the extension pages (popup, side panel, options) and the components they share:
// the site switch, the annotation view controls and the document-level results.

export const COMMON = {
  appName: { 'zh-CN': '法审 fashen', en: '法审 fashen' },
  tagline: { 'zh-CN': '行政规范性文件合法性检查', en: 'Legality checks for draft normative documents' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },

  // components/SiteSwitch.tsx
  site: { 'zh-CN': '站点', en: 'Site' },
  onForSite: { 'zh-CN': '已在此网站启用', en: 'On for this site' },
  offForSite: { 'zh-CN': '未在此网站启用', en: 'Off for this site' },
  setByAdmin: { 'zh-CN': '管理员预配置', en: 'set by your administrator' },
  testBuild: { 'zh-CN': '测试构建', en: 'test build' },
  managedNeedsPermission: { 'zh-CN': '管理员已预配置，需授权', en: 'pre-configured by your administrator, needs your permission' },
  enableOnSite: { 'zh-CN': '在此网站启用', en: 'Enable on this site' },
  disableOnSite: { 'zh-CN': '在此网站停用', en: 'Disable on this site' },

  // components/ViewControls.tsx
  annotations: { 'zh-CN': '标注', en: 'Annotations' },
  showAnnotations: { 'zh-CN': '显示标注', en: 'Show annotations' },
  layers: { 'zh-CN': '图层', en: 'Layers' },

  // components/DocumentSummary.tsx
  noResults: { 'zh-CN': '此页面尚无检查结果', en: 'No draft checked on this page yet' },
  documentResults: { 'zh-CN': '文件检查结果', en: 'Document results' },
  untitled: { 'zh-CN': '（无标题）', en: '(untitled)' },
  validityOk: { 'zh-CN': '有效期符合要求', en: 'Validity period within the limit' },
  validityMissing: { 'zh-CN': '未规定有效期', en: 'No validity period stated' },
  validityTooLong: { 'zh-CN': '有效期超过上限', en: 'Validity period above the limit' },
  validityYears: { 'zh-CN': '（{years} 年，上限 {limit} 年）', en: ' ({years} years, limit {limit})' },
  commentOk: { 'zh-CN': '征求意见期限符合要求', en: 'Comment period long enough' },
  commentTooShort: { 'zh-CN': '征求意见期限不足', en: 'Comment period too short' },
  commentMissing: { 'zh-CN': '未写明征求意见期限', en: 'No comment period stated' },
  commentDays: { 'zh-CN': '（{days} 日，至少 {min} 日）', en: ' ({days} days, at least {min})' },
  errorCount: { 'zh-CN': '错误 {count} 处', en: 'Errors: {count}' },
} satisfies Record<string, Localized>;
