import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { RequestSchema, TabReviewReplySchema, type FrameReport } from '../../lib/messages/index';
import { compilePack } from '../../lib/packs/compile';
import { anchorOf } from '../../lib/review/anchor';
import { decide } from '../../lib/review/decisions';
import { handleReviewRequest, type ReviewDeps, type ReviewRequest } from '../../lib/review/service';
import { decisionsOf, putDecision } from '../../lib/store/decisions';
import { FLAG } from '../e2e/draft';
import { emptyDb, national } from '../store/fixture';

// The background's review service over a real (fake-indexeddb) database and a real finding.
const pack = compilePack([national]);
const text = `第一条 为规范网络预约出租汽车经营，制定本办法。\n第二条 ${FLAG.penalty}\n第三条 ${FLAG.licensing}`;
const report = check(text, pack);
const fine = report.findings.find((f) => f.category === 'penalty')!;

function deps(tabs: Record<number, { url: string; title: string }>, notified: number[] = []): ReviewDeps {
  return {
    db: emptyDb(),
    tab: async (id) => tabs[id] ?? null,
    reports: async () => [] as FrameReport[],
    notify: async (id) => void notified.push(id),
  };
}
const req = (m: unknown) => RequestSchema.parse(m) as ReviewRequest;
const decision = (kind: 'must-change' | 'acceptable' | 'needs-legal-review', extra: { reason?: string; note?: string } = {}) => {
  const d = decide({ kind, anchor: anchorOf(text, fine), ...extra });
  if (!d.ok) throw new Error(JSON.stringify(d.errors));
  return d.decision;
};
const page = { extensionPage: true };

describe('review requests', () => {
  it('records a decision under the document of the tab and tells the tab', async () => {
    const notified: number[] = [];
    const d = deps({ 7: { url: 'https://oa.example.gov.cn/doc/edit?id=42&jsessionid=ABCDEF0123456789', title: '网约车管理办法' } }, notified);
    const reply = TabReviewReplySchema.parse(await handleReviewRequest(d, req({ kind: 'decision-put', tabId: 7, decision: decision('must-change', { note: '删除罚款' }) }), page));
    expect(reply.docKey).toBe('https://oa.example.gov.cn/doc/edit?id=42 《网约车管理办法》');
    expect(reply.decisions).toHaveLength(1);
    expect(reply.decisions[0]!.decision.note).toBe('删除罚款');
    expect(reply.savedId).toBe(reply.decisions[0]!.id);
    expect(notified).toEqual([7]);
    // the same document in another session (new session id): the decision is there
    const other = { ...d, tab: async () => ({ url: 'https://oa.example.gov.cn/doc/edit?jsessionid=99999999999999999999&id=42', title: '网约车管理办法' }) };
    const again = TabReviewReplySchema.parse(await handleReviewRequest(other, req({ kind: 'tab-review', tabId: 8 }), page));
    expect(again.decisions.map((x) => x.id)).toEqual(reply.decisions.map((x) => x.id));
  });

  it('changes a decision by id and withdraws it', async () => {
    const d = deps({ 1: { url: 'https://oa.example.gov.cn/doc?id=1', title: 'A' } });
    const first = TabReviewReplySchema.parse(await handleReviewRequest(d, req({ kind: 'decision-put', tabId: 1, decision: decision('needs-legal-review') }), page));
    const id = first.decisions[0]!.id;
    const second = TabReviewReplySchema.parse(
      await handleReviewRequest(d, req({ kind: 'decision-put', tabId: 1, id, decision: decision('acceptable', { reason: '上位法已有规定' }) }), page),
    );
    expect(second.decisions).toHaveLength(1);
    expect(second.savedId).toBe(id);
    expect(second.decisions[0]!.decision.kind).toBe('acceptable');
    const third = TabReviewReplySchema.parse(await handleReviewRequest(d, req({ kind: 'decision-delete', tabId: 1, id }), page));
    expect(third.decisions).toEqual([]);
  });

  it('refuses a decision id of another document, and changes nothing there', async () => {
    const d = deps({ 1: { url: 'https://oa.example.gov.cn/doc?id=1', title: 'A' }, 2: { url: 'https://oa.example.gov.cn/doc?id=2', title: 'B' } });
    const a = TabReviewReplySchema.parse(await handleReviewRequest(d, req({ kind: 'decision-put', tabId: 1, decision: decision('must-change') }), page));
    const id = a.decisions[0]!.id;
    const r = (await handleReviewRequest(d, req({ kind: 'decision-put', tabId: 2, id, decision: decision('acceptable', { reason: 'x' }) }), page)) as { kind: string; message: string };
    expect(r.kind).toBe('error');
    expect(r.message).toContain('另一份文件');
    await handleReviewRequest(d, req({ kind: 'decision-delete', tabId: 2, id }), page);
    expect((await decisionsOf(d.db, a.docKey))[0]!.decision.kind).toBe('must-change');
  });

  it('a content script reads the decisions of its own tab only, and may not write', async () => {
    const d = deps({ 1: { url: 'https://oa.example.gov.cn/doc?id=1', title: 'A' } });
    await handleReviewRequest(d, req({ kind: 'decision-put', tabId: 1, decision: decision('must-change') }), page);
    const own = (await handleReviewRequest(d, req({ kind: 'page-decisions' }), { extensionPage: false, tab: { id: 1, url: 'https://oa.example.gov.cn/doc?id=1', title: 'A' } })) as {
      decisions: unknown[];
    };
    expect(own.decisions).toHaveLength(1);
    const elsewhere = (await handleReviewRequest(d, req({ kind: 'page-decisions' }), { extensionPage: false, tab: { id: 3, url: 'https://evil.example/', title: 'A' } })) as {
      decisions: unknown[];
    };
    expect(elsewhere.decisions).toEqual([]);
    for (const m of [
      { kind: 'tab-review', tabId: 1 },
      { kind: 'decision-put', tabId: 1, decision: decision('acceptable', { reason: 'x' }) },
      { kind: 'decision-delete', tabId: 1, id: 'x' },
    ]) {
      const r = (await handleReviewRequest(d, req(m), { extensionPage: false, tab: { id: 1, url: 'https://oa.example.gov.cn/doc?id=1' } })) as { kind: string };
      expect(r.kind).toBe('error');
    }
    expect(await decisionsOf(d.db, 'https://oa.example.gov.cn/doc?id=1 《A》')).toHaveLength(1);
  });

  it('a tab fashen may not read (no url) or a closed tab gets a clear refusal', async () => {
    const d = deps({ 1: { url: '', title: '' } });
    const r = (await handleReviewRequest(d, req({ kind: 'tab-review', tabId: 1 }), page)) as { kind: string; message: string };
    expect(r).toMatchObject({ kind: 'error' });
    expect(r.message).toContain('未在此网站启用');
    const gone = (await handleReviewRequest(d, req({ kind: 'tab-review', tabId: 2 }), page)) as { kind: string; message: string };
    expect(gone.message).toContain('标签页已关闭');
  });

  it('malformed stored rows are skipped, not fatal', async () => {
    const d = deps({});
    await d.db.decisions.put({ id: 'bad', docKey: 'k', decision: { kind: 'maybe' }, updatedAt: 1 });
    await putDecision(d.db, 'k', decision('must-change'), undefined, 2);
    const got = await decisionsOf(d.db, 'k');
    expect(got.map((x) => x.decision.kind)).toEqual(['must-change']);
  });

  it('the protocol refuses an acceptable decision without a reason', () => {
    const bad = { kind: 'decision-put', tabId: 1, decision: { kind: 'acceptable', decidedAt: new Date().toISOString(), anchor: anchorOf(text, fine) } };
    expect(RequestSchema.safeParse(bad).success).toBe(false);
  });
});
