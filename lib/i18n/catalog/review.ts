import type { Localized } from '../index';

// Words of the side panel (issue 5): review of a draft, decisions and the opinion export.
// zh-CN first; both languages of an entry carry the same {placeholders}.

export const R = {
  // page
  colon: { 'zh-CN': '：', en: ': ' },
  listSep: { 'zh-CN': '；', en: '; ' },
  product: { 'zh-CN': '法审 审核面板', en: 'fashen review panel' },
  untitled: { 'zh-CN': '（无标题文件）', en: '(untitled document)' },
  loading: { 'zh-CN': '正在读取……', en: 'Loading…' },
  loadingReview: { 'zh-CN': '正在读取检查结果……', en: 'Loading the check results…' },
  noTab: { 'zh-CN': '没有可审核的标签页。', en: 'There is no tab to review.' },
  pageUnreadable: {
    'zh-CN': '法审无法读取此页面：它不是网页，或法审尚未在此网站启用。',
    en: 'fashen cannot read this page: it is not a web page, or fashen is not enabled on this site.',
  },
  siteNotEnabled: {
    'zh-CN': '法审尚未在此网站（{origin}）启用。请点击浏览器工具栏中的法审图标，选择“在此网站启用”。',
    en: 'fashen is not enabled on this site ({origin}). Click the fashen icon in the toolbar and enable it for this site.',
  },
  noEditor: {
    'zh-CN': '此页面未发现可检查的编辑区域。打开公文编辑页面后，本面板会自动更新。',
    en: 'No editor found on this page. The panel updates by itself when an editor appears.',
  },
  noFindings: { 'zh-CN': '未发现问题。', en: 'No findings.' },
  noMatches: { 'zh-CN': '没有符合筛选条件的问题。', en: 'No finding matches the filters.' },
  loadFailed: { 'zh-CN': '读取检查结果失败：{error}', en: 'Could not load the check results: {error}' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
  truncated: {
    'zh-CN': '另有 {n} 个问题因数量过多未显示。',
    en: '{n} more findings were not sent: too many to show.',
  },

  // document identity
  sameDocument: { 'zh-CN': '为什么是同一份文件', en: 'Why this counts as the same document' },
  sameDocumentIntro: {
    'zh-CN': '审核意见按文件保存。网址中的会话、时间戳等每次登录都会变化的部分不计入，文件由以下内容识别：',
    en: 'Decisions are stored per document. Parts of the address that change at every login (sessions, time stamps) are left out; the document is identified by:',
  },
  keyAddress: { 'zh-CN': '地址', en: 'Address' },
  keyTitle: { 'zh-CN': '标题', en: 'Title' },
  keyDropped: { 'zh-CN': '不计入的部分', en: 'Left out' },
  keyNothingDropped: { 'zh-CN': '无', en: 'nothing' },
  keyReason: { 'zh-CN': '（{reason}）', en: '({reason})' },

  // mode and language
  mode: { 'zh-CN': '视图', en: 'View' },
  drafter: { 'zh-CN': '起草人', en: 'Drafter' },
  reviewer: { 'zh-CN': '审核人', en: 'Reviewer' },
  drafterHint: { 'zh-CN': '查看需要修改的内容及原因', en: 'What to fix and why' },
  reviewerHint: { 'zh-CN': '逐条作出审核决定并导出意见', en: 'Decide on each finding and export the opinion' },
  language: { 'zh-CN': '语言', en: 'Language' },
  langAuto: { 'zh-CN': '跟随浏览器', en: 'Browser language' },

  // reviewer profile
  profile: { 'zh-CN': '审核人信息', en: 'Reviewer details' },
  profileName: { 'zh-CN': '审核人姓名', en: 'Reviewer name' },
  profileOffice: { 'zh-CN': '审核机构（落款）', en: 'Reviewing office (signature)' },
  profileRecipient: { 'zh-CN': '主送单位（起草单位）', en: 'Addressed to (drafting unit)' },
  profileHint: { 'zh-CN': '保存在本浏览器中，用于审核决定和导出的意见。', en: 'Kept in this browser; used for decisions and the exported opinion.' },

  // summary
  summary: { 'zh-CN': '文件概况', en: 'Document summary' },
  region: { 'zh-CN': '编辑区域', en: 'Editing region' },
  regionOption: { 'zh-CN': '{title}（{editor}，{chars} 字，{n} 个问题）', en: '{title} ({editor}, {chars} characters, {n} findings)' },
  regionUntitled: { 'zh-CN': '区域 {n}', en: 'Region {n}' },
  documentType: { 'zh-CN': '文件类型', en: 'Document type' },
  validity: { 'zh-CN': '有效期', en: 'Validity period' },
  validityOk: { 'zh-CN': '{years} 年，未超过上限 {limit} 年', en: '{years} years, within the limit of {limit}' },
  validityMissing: { 'zh-CN': '未标明有效期（上限 {limit} 年）', en: 'Not stated (limit {limit} years)' },
  validityIndefinite: { 'zh-CN': '长期有效，超过上限 {limit} 年', en: 'Indefinite, above the limit of {limit} years' },
  validityTooLong: { 'zh-CN': '{years} 年，超过上限 {limit} 年', en: '{years} years, above the limit of {limit}' },
  commentPeriod: { 'zh-CN': '征求意见期限', en: 'Comment period' },
  commentOk: { 'zh-CN': '{days} 日，不少于 {min} 日', en: '{days} days, at least {min}' },
  commentShort: { 'zh-CN': '{days} 日，少于 {min} 日', en: '{days} days, below the minimum of {min}' },
  commentMissing: { 'zh-CN': '未发现征求意见期限（不少于 {min} 日）', en: 'None found (minimum {min} days)' },
  statusOk: { 'zh-CN': '符合', en: 'OK' },
  statusProblem: { 'zh-CN': '问题', en: 'Problem' },
  packs: { 'zh-CN': '规则包及版本', en: 'Rule packs and versions' },
  noPacks: { 'zh-CN': '无', en: 'none' },
  packVersion: { 'zh-CN': '{id} v{version}', en: '{id} v{version}' },
  counts: { 'zh-CN': '问题统计', en: 'Findings by category and severity' },
  countCategory: { 'zh-CN': '类别', en: 'Category' },
  countTotal: { 'zh-CN': '合计', en: 'Total' },

  // annotations
  annotations: { 'zh-CN': '页面标注', en: 'Annotations on the page' },

  // filters
  filters: { 'zh-CN': '筛选', en: 'Filters' },
  filterCategory: { 'zh-CN': '类别', en: 'Category' },
  filterSeverity: { 'zh-CN': '严重程度', en: 'Severity' },
  filterStatus: { 'zh-CN': '审核状态', en: 'Decision' },
  filterSearch: { 'zh-CN': '搜索', en: 'Search' },
  filterSearchPlaceholder: { 'zh-CN': '条文、依据、备注……', en: 'text, basis, note…' },
  all: { 'zh-CN': '全部', en: 'All' },
  undecided: { 'zh-CN': '未决定', en: 'Undecided' },
  resolved: { 'zh-CN': '已修改', en: 'Resolved' },
  groupBy: { 'zh-CN': '分组', en: 'Group by' },
  byCategory: { 'zh-CN': '按类别', en: 'Category' },
  byLocation: { 'zh-CN': '按位置', en: 'Location' },
  clearFilters: { 'zh-CN': '清除筛选', en: 'Clear filters' },
  shown: { 'zh-CN': '显示 {shown} / {total} 个问题', en: 'Showing {shown} of {total} findings' },

  // findings
  findings: { 'zh-CN': '问题清单', en: 'Findings' },
  keysHint: { 'zh-CN': '↑/↓ 或 J/K 切换问题，Enter 在编辑器中定位。', en: '↑/↓ or J/K move between findings, Enter shows one in the editor.' },
  keysHintReviewer: {
    'zh-CN': '在选中的问题上按 1 须修改、2 可以接受（需填理由）、3 需法制审核。',
    en: 'On the focused finding press 1 must change, 2 acceptable (needs a reason), 3 needs legal review.',
  },
  groupCount: { 'zh-CN': '{label}（{n}）', en: '{label} ({n})' },
  wholeDocument: { 'zh-CN': '全文', en: 'Whole document' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  suggestion: { 'zh-CN': '修改建议', en: 'Suggestion' },
  cited: { 'zh-CN': '已引用上位法', en: 'cited' },
  citedHint: { 'zh-CN': '本条援引了上位法：请核实依据，而不是删除。', en: 'This clause cites an upper law: verify the basis rather than remove it.' },
  reveal: { 'zh-CN': '定位', en: 'Show' },
  revealLabel: { 'zh-CN': '在编辑器中定位：{location}', en: 'Show in the editor: {location}' },
  revealFailed: {
    'zh-CN': '无法定位：页面未响应。请刷新页面后重试。',
    en: 'Could not show the finding: the page did not answer. Reload the page and try again.',
  },
  revealed: { 'zh-CN': '已在编辑器中定位：{location}', en: 'Shown in the editor: {location}' },

  // decisions
  decide: { 'zh-CN': '作出决定', en: 'Decide' },
  editDecision: { 'zh-CN': '修改决定', en: 'Change decision' },
  decideLabel: { 'zh-CN': '审核意见：{location}', en: 'Decision: {location}' },
  chooseKind: { 'zh-CN': '请选择审核意见。', en: 'Choose a decision.' },
  reasonRequired: { 'zh-CN': '（必填）', en: '(required)' },
  save: { 'zh-CN': '保存', en: 'Save' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  withdraw: { 'zh-CN': '撤销决定', en: 'Withdraw decision' },
  withdrawLabel: { 'zh-CN': '撤销决定：{quote}', en: 'Withdraw decision: {quote}' },
  saving: { 'zh-CN': '正在保存……', en: 'Saving…' },
  saved: { 'zh-CN': '已保存：{kind}（{location}）', en: 'Saved: {kind} ({location})' },
  withdrawn: { 'zh-CN': '已撤销决定（{location}）', en: 'Decision withdrawn ({location})' },
  saveFailed: { 'zh-CN': '保存失败：{error}', en: 'Could not save: {error}' },
  invalidField: { 'zh-CN': '{field}：内容无效', en: '{field}: not valid' },
  tooLong: { 'zh-CN': '{field}过长', en: '{field} is too long' },
  decidedBy: { 'zh-CN': '{reviewer}，{time}', en: '{reviewer}, {time}' },
  resolvedTitle: { 'zh-CN': '已修改', en: 'Resolved' },
  resolvedIntro: {
    'zh-CN': '以下决定所针对的文字已被改写，原问题不再出现。',
    en: 'The text these decisions were about has been rewritten; the findings are gone.',
  },
  resolvedQuote: { 'zh-CN': '原文', en: 'Former text' },
  deleteRecord: { 'zh-CN': '删除记录', en: 'Delete record' },

  // export
  export: { 'zh-CN': '导出审核意见', en: 'Export the review opinion' },
  include: { 'zh-CN': '写入意见', en: 'Include in the opinion' },
  includeLabel: { 'zh-CN': '写入审核意见：{location}', en: 'Include in the opinion: {location}' },
  exportIntro: {
    'zh-CN': '意见只包含勾选的问题（默认为“须修改”和“需法制审核”的问题）以及文件整体情况。',
    en: 'The opinion holds only the ticked findings (by default those that must change or need legal review) and the document-level results.',
  },
  selected: { 'zh-CN': '已选 {n} / {total} 个问题', en: '{n} of {total} findings selected' },
  selectAll: { 'zh-CN': '全选', en: 'Select all' },
  selectNone: { 'zh-CN': '全不选', en: 'Select none' },
  exportDate: { 'zh-CN': '成文日期', en: 'Date' },
  exportLang: { 'zh-CN': '意见语言', en: 'Language of the opinion' },
  downloadDocx: { 'zh-CN': '下载 .docx', en: 'Download .docx' },
  downloadHtml: { 'zh-CN': '下载 HTML', en: 'Download HTML' },
  print: { 'zh-CN': '打印', en: 'Print' },
  exported: { 'zh-CN': '已导出：{name}', en: 'Exported: {name}' },
  exportFailed: { 'zh-CN': '导出失败：{error}', en: 'Export failed: {error}' },
  printBlocked: { 'zh-CN': '浏览器阻止了新窗口，无法打印。', en: 'The browser blocked the new window; nothing to print.' },
  printOpened: { 'zh-CN': '已在新标签页中打开打印版。', en: 'The printable opinion opened in a new tab.' },
  noneSelected: { 'zh-CN': '未选择问题：意见将只包含文件整体情况。', en: 'No finding selected: the opinion will hold the document-level results only.' },
} satisfies Record<string, Localized>;
