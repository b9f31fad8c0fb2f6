import type { Finding } from '../../lib/engine/types';

/** A finding with defaults; tests override what they look at. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'penalty-fine',
    category: 'penalty',
    severity: 'error',
    cited: false,
    start: 0,
    end: 1,
    text: 'x',
    location: '第四条',
    message: { 'zh-CN': '规范性文件不得设定行政处罚。', en: 'A normative document may not set a penalty.' },
    basis: ['《中华人民共和国行政处罚法》第十六条'],
    ...over,
  };
}
