// Performance sanity, not a timed assertion: prints how long normalize + both document checks take
// on 1M characters built from the seeds (expected: a few ms per 100k characters, linear growth).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { checkCommentPeriod, DEFAULT_COMMENT_PARAMS } from '../../lib/engine/checks/comment-period';
import { checkValidity, DEFAULT_VALIDITY_PARAMS } from '../../lib/engine/checks/validity';
import { normalize } from '../../lib/engine/normalize';

const seedDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(seedDir);

test.skipIf(!haveSeeds)('normalize + validity + comment period on 100k and 1M characters', () => {
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(seedDir + f, 'utf8'))
    .join('\n');
  const build = (n: number): string => {
    let s = '';
    while (s.length < n) s += seeds;
    // Copy into a flat string, like text read from a file or an editor.
    return s.slice(0, n).split('').join('');
  };
  const min = (fn: () => void): number => {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      fn();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  for (const size of [100_000, 1_000_000]) {
    const text = build(size);
    const norm = normalize(text);
    const tn = min(() => normalize(text));
    const tv = min(() => checkValidity(text, norm, DEFAULT_VALIDITY_PARAMS));
    const tc = min(() => checkCommentPeriod(text, norm, DEFAULT_COMMENT_PARAMS));
    console.log(
      `${size} chars: normalize ${tn.toFixed(1)} ms, validity ${tv.toFixed(1)} ms, comment period ${tc.toFixed(1)} ms ` +
        `(${(((tn + tv + tc) * 100_000) / size).toFixed(2)} ms per 100k)`,
    );
    expect(norm.text.length).toBeGreaterThan(0);
  }
});
