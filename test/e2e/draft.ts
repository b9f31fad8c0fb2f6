// Drafts for the end-to-end pages, the demo and the browser bench: real plan paragraphs read at
// run time from ../shared/seeds (never copied into the project) around clauses written here
// that fashen must flag. Seed plans are full of sentences such as 规范性文件不得设定行政许可,
// which are the hard negatives.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = process.env.FASHEN_SEEDS ?? resolve(ROOT, '../shared/seeds');

/** A draft as the OA page receives it. */
export interface Draft {
  title: string;
  paragraphs: string[];
}

/** Clauses that create powers a normative document may not set (fashen must flag each). */
export const FLAG = {
  licensing: '从事网络预约出租汽车经营的，应当取得市交通运输局颁发的经营许可证。',
  penalty: '违反本办法第三条规定的，由市交通运输局处五千元以上三万元以下罚款。',
  compulsory: '对拒不改正的，市交通运输局可以查封其经营场所，扣押相关车辆。',
  fee: '申请人应当按每车二百元缴纳审核服务费。',
  /** restates an upper law with citation: a cited, info-level finding ("verify the basis") */
  cited: '违反本办法规定，擅自从事网络预约出租汽车经营的，依照《中华人民共和国道路运输条例》有关规定予以处罚。',
  validity: '本办法自2025年1月1日起施行，有效期十年。',
  comment: '公开征求意见时间为2025年3月1日至2025年3月10日。',
} as const;

/** A clause typed during the tests: adds a penalty finding. */
export const TYPED_CLAUSE = '未按规定报送运营数据的，处一千元罚款。';
/** A clause entered through an IME composition during the tests: adds a penalty finding. */
export const IME_CLAUSE = '逾期不改正的，处二千元罚款。';
/** The hard negative every spec checks is not highlighted. */
export const HARD_NEGATIVE_KEY = '规范性文件不得设定行政许可';

let seedCache: string[] | null = null;

/** Seed documents, in file-name order. */
export function seeds(): string[] {
  seedCache ??= readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
  return seedCache;
}

/** Whole-sentence paragraphs of the seeds (web page chrome and headings dropped). */
export function seedParagraphs(): string[] {
  const out: string[] = [];
  for (const doc of seeds()) {
    for (const line of doc.split(/\r?\n/)) {
      const p = line.trim();
      if (p.length >= 40 && p.endsWith('。') && !/[|•]/.test(p)) out.push(p);
    }
  }
  return out;
}

/** The first seed sentence containing `key`, ending at its full stop. */
export function seedSentence(key: string): string {
  for (const doc of seeds()) {
    const at = doc.indexOf(key);
    if (at < 0) continue;
    const start = Math.max(doc.lastIndexOf('。', at), doc.lastIndexOf('\n', at), doc.lastIndexOf('；', at)) + 1;
    const stop = doc.slice(at).search(/[。；\n]/);
    return `${doc.slice(start, stop < 0 ? undefined : at + stop).trim()}。`;
  }
  throw new Error(`no seed sentence contains ${key}`);
}

const TITLE = '某市网络预约出租汽车经营服务管理办法（征求意见稿）';

/** A short draft: one hard negative from the seeds and clauses that must flag. */
export function smallDraft(): Draft {
  return {
    title: TITLE,
    paragraphs: [
      TITLE,
      '第一条 为规范网络预约出租汽车经营服务行为，保障运营安全和乘客合法权益，制定本办法。',
      `第二条 ${seedSentence(HARD_NEGATIVE_KEY)}`,
      `第三条 ${FLAG.licensing}`,
      `第四条 ${FLAG.penalty}`,
      `第五条 ${FLAG.cited}`,
      `第六条 ${FLAG.validity}`,
    ],
  };
}

/** The demo draft: plan paragraphs from every seed and one article per category that flags. */
export function demoDraft(): Draft {
  const plan = seedParagraphs();
  const pick = (i: number): string => plan[(i * 37) % plan.length]!;
  return {
    title: TITLE,
    paragraphs: [
      TITLE,
      FLAG.comment,
      '第一条 为规范网络预约出租汽车经营服务行为，保障运营安全和乘客合法权益，制定本办法。',
      `第二条 ${seedSentence(HARD_NEGATIVE_KEY)}`,
      pick(1),
      `第三条 ${FLAG.licensing}`,
      pick(2),
      `第四条 ${FLAG.penalty}`,
      `第五条 ${FLAG.compulsory}`,
      pick(3),
      `第六条 ${FLAG.fee}`,
      pick(4),
      `第七条 ${FLAG.cited}`,
      `第八条 ${FLAG.validity}`,
    ],
  };
}

/** A long draft of about `chars` characters (the bench's 50k draft), flagged clauses spread through. */
export function longDraft(chars: number): Draft {
  const plan = seedParagraphs();
  const flags = Object.values(FLAG).slice(0, 4);
  const paragraphs = [TITLE];
  let n = TITLE.length;
  for (let i = 0; n < chars; i++) {
    const p = i % 8 === 7 ? `第${i + 1}条 ${flags[(i >> 3) % flags.length]}` : plan[i % plan.length]!;
    paragraphs.push(p);
    n += p.length + 1;
  }
  paragraphs.push(FLAG.validity);
  return { title: TITLE, paragraphs };
}

/** Drafts by name, for the page server's /draft.json?name=. */
export function draftByName(name: string): Draft {
  if (name === 'demo') return demoDraft();
  const long = /^long(\d+)k$/.exec(name);
  if (long) return longDraft(Number(long[1]) * 1000);
  return smallDraft();
}
