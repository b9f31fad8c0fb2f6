import { describe, expect, test } from 'vitest';
import { chunks, createLiveChecker, SLICE_CHARS } from '../../lib/annotate/live-check';
import { check } from '../../lib/engine/index';
import { defaultChain } from '../../lib/packs/builtin';
import { compilePack } from '../../lib/packs/compile';
import { longDraft, smallDraft } from '../e2e/draft';

const pack = compilePack(defaultChain());

describe('live checking', () => {
  test('chunks group whole paragraphs', () => {
    expect(chunks(['aa', 'bb', 'cc', 'dd'], 5)).toEqual(['aa\nbb', 'cc\ndd']);
    expect(chunks([], 5)).toEqual([]);
    expect(chunks(['abcdefgh'], 3)).toEqual(['abcdefgh']);
  });

  test('a sliced warm-up then a check gives exactly the report of one plain check', async () => {
    const text = longDraft(50_000).paragraphs.join('\n');
    const live = createLiveChecker(pack);
    expect(live.uncached(text)).toBeGreaterThan(SLICE_CHARS);
    expect(await live.warm(text, () => false)).toBe(true);
    expect(live.uncached(text)).toBe(0);
    expect(live.check(text)).toEqual(check(text, pack));
  });

  test('an edit re-checks only its paragraph and still matches a plain check', () => {
    const paragraphs = smallDraft().paragraphs;
    const live = createLiveChecker(pack);
    live.check(paragraphs.join('\n'));
    const edited = [...paragraphs, '未按规定报送运营数据的，处一千元罚款。'].join('\n');
    expect(live.uncached(edited)).toBe('未按规定报送运营数据的，处一千元罚款。'.length);
    expect(live.check(edited)).toEqual(check(edited, pack));
  });

  test('a warm-up stops when a newer edit makes it stale', async () => {
    const text = longDraft(50_000).paragraphs.join('\n');
    let ticks = 0;
    // a clock that jumps a whole slice budget per reading forces a yield after every chunk
    const live = createLiveChecker(pack, () => (ticks += 100));
    let stale = false;
    const done = live.warm(text, () => stale);
    stale = true;
    expect(await done).toBe(false);
    expect(live.uncached(text)).toBeGreaterThan(0);
  });
});
