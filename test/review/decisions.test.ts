import { describe, expect, test } from 'vitest';
import { decide, DECISION_KINDS, DECISION_LABELS, DecisionSchema, parseDecisions } from '../../lib/review/decisions';

const anchor = { exact: '处以五千元罚款', prefix: '由城市管理部门', suffix: '。', ruleId: 'penalty.fine' };
const at = '2025-03-01T08:00:00.000Z';

describe('DecisionSchema', () => {
  test.each<[string, object]>([
    ['must change', { kind: 'must-change', decidedAt: at, anchor }],
    ['acceptable with a reason', { kind: 'acceptable', reason: '已援引上位法', decidedAt: at, anchor }],
    ['needs legal review with note and reviewer', { kind: 'needs-legal-review', note: '请法规科研究', reviewer: '张三', decidedAt: at, anchor }],
    ['offset time', { kind: 'must-change', decidedAt: '2025-03-01T16:00:00+08:00', anchor }],
  ])('accepts %s', (_n, value) => expect(DecisionSchema.safeParse(value).success).toBe(true));

  test.each<[string, object, string]>([
    ['acceptable without a reason', { kind: 'acceptable', decidedAt: at, anchor }, 'reason'],
    ['acceptable with a blank reason', { kind: 'acceptable', reason: '  ', decidedAt: at, anchor }, 'reason'],
    ['unknown kind', { kind: 'dismissed', decidedAt: at, anchor }, 'kind'],
    ['bad date', { kind: 'must-change', decidedAt: 'yesterday', anchor }, 'decidedAt'],
    ['anchor without rule', { kind: 'must-change', decidedAt: at, anchor: { ...anchor, ruleId: '' } }, 'anchor.ruleId'],
  ])('rejects %s', (_n, value, path) => {
    const r = DecisionSchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test('the reason message is bilingual', () => {
    const r = DecisionSchema.safeParse({ kind: 'acceptable', decidedAt: at, anchor });
    expect(r.error?.issues[0]?.message).toBe('选择“可以接受”时须说明理由 / An acceptable finding needs a reason');
  });
});

describe('decide', () => {
  const now = () => new Date(at);
  test('stamps the time and drops blank fields', () => {
    expect(decide({ kind: 'must-change', note: ' ', reviewer: '', anchor }, now)).toEqual({ ok: true, decision: { kind: 'must-change', decidedAt: at, anchor } });
  });
  test('trims', () => {
    const r = decide({ kind: 'acceptable', reason: ' 有上位法依据 ', anchor }, now);
    expect(r.ok && r.decision.reason).toBe('有上位法依据');
  });
  test('errors name the field', () => {
    expect(decide({ kind: 'acceptable', anchor }, now)).toEqual({ ok: false, errors: [{ path: 'reason', message: expect.stringContaining('须说明理由') }] });
  });
});

test('parseDecisions skips malformed entries', () => {
  const good = { kind: 'must-change', decidedAt: at, anchor };
  expect(parseDecisions([good, { kind: 'acceptable', decidedAt: at, anchor }, null, 'x'])).toEqual([good]);
  expect(parseDecisions(undefined)).toEqual([]);
});

test.each(DECISION_KINDS)('%s has labels in both languages', (kind) => {
  expect(DECISION_LABELS[kind]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(DECISION_LABELS[kind].en).toMatch(/^[A-Z]/);
});
