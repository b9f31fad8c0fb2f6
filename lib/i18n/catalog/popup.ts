import type { Localized } from '../../engine/types';

// Words of the toolbar popup (entrypoints/popup).

export const POPUP = {
  notCheckable: { 'zh-CN': '此页面不可检查', en: 'fashen does not run on this page' },
  permissionDenied: { 'zh-CN': '未获授权', en: 'Permission not granted' },
  openPanel: { 'zh-CN': '打开审核面板', en: 'Open review panel' },
  panelUnavailable: { 'zh-CN': '此浏览器无法打开审核面板', en: 'This browser cannot open the review panel' },
  shortcut: { 'zh-CN': '快捷键 {key} 显示/隐藏标注', en: '{key} shows or hides annotations' },
  settings: { 'zh-CN': '设置与规则包', en: 'Settings and rule packs' },
} satisfies Record<string, Localized>;
