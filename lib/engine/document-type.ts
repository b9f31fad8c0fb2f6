// Title, genre and provisional status of a document, from its first meaningful line.

/** Title, genre (办法, 通知 … 其他) and whether the document is 暂行/试行. */
export interface DocumentTypeInfo {
  title: string | null;
  documentType: string;
  provisional: boolean;
}

// Longest genre names first so 实施细则 is a 细则 and 实施方案 a 方案 by their ending.
const GENRES = ['办法', '规定', '细则', '通知', '通告', '意见', '方案', '规划', '决定', '公告', '条例', '报告'] as const;

// Lines that OA systems and government portals print around a document.
const FIELD_LABEL =
  '(?:索引号|发布机构|发文机关|发文单位|发布单位|主题分类|主题词|成文日期|发文日期|发布日期|发布时间|印发日期|生效日期|文号|发文字号|字号|来源|信息来源|浏览次数|访问量|点击数|当前位置|您的位置|有效性|所属机构|公开方式|公开范围|体裁分类|分类|时效)';
const CHROME_LINE = new RegExp(`^[•·●▪◆■\\-\\s]*${FIELD_LABEL}\\s*[:：]?`, 'u');
const BARE_FIELD_LABEL = new RegExp(`^[•·●▪◆■\\-\\s]*${FIELD_LABEL}\\s*[:：]?\\s*$`, 'u');
const NAV_LINE = /(?:登录|注册|无障碍|繁體|简体|English|网站地图|字体|【\s*[大中小]\s*】|设为首页|扫一扫)/u;
const SECTION_NAME = /^(?:政府信息公开|信息公开|通知公告|政策文件|政策法规|规范性文件|正文|文件|首页|打印|关闭|返回|分享|收藏|Aa|[小中大|｜]+)$/u;
const SYMBOLS_ONLY = /^[\p{P}\p{S}\s]*$/u;
const NAMED_TITLE = /^(?:名\s*称|标\s*题|文件名称|标题名称)\s*[:：]\s*(.+)$/u;
const TITLE_SUFFIX = /(?:\s*[（(](?:试行|暂行|征求意见稿|送审稿|草案|修订稿|修订|草稿|[0-9]{4}\s*[—\-–－~～至到]+\s*[0-9]{4}\s*年?|[0-9]{4}年修订|[0-9]{4}年版)[）)])+\s*$/u;
// Portal titles carry the site name (…的通知 - 广州市人民政府门户网站) or a repost marker.
const SITE_SUFFIX_RE = /\s*(?:[-_|｜—–]+)\s*[^-_|｜—–]{2,30}?(?:网站|门户|网|官网|人民政府|政府|监管办公室|监管局|委员会|局)\s*$/u;
const LEADING_MARK_RE = /^(?:Title:\s*|（转载）|\(转载\)|【[^】]{1,8}】\s*)/u;
const GENRE_END = new RegExp(`(?:${GENRES.join('|')})(?:${TITLE_SUFFIX.source.slice(0, -1)})?$`, 'u');

/** Looks like page chrome rather than a document title. */
function isChrome(line: string): boolean {
  if (CHROME_LINE.test(line) || SECTION_NAME.test(line) || SYMBOLS_ONLY.test(line)) return true;
  if (NAV_LINE.test(line) && (/[|｜]/u.test(line) || line.length <= 12)) return true;
  // A bare date, time stamp or 文号 line.
  if (/^[0-9０-９\s年月日:：\-./]+$/u.test(line)) return true;
  if (/^[^\s，。]{0,12}[〔［\[][0-9]{4}[〕］\]][0-9]+\s*号$/u.test(line)) return true;
  return false;
}

function cleanTitle(line: string): string {
  let t = line.replace(LEADING_MARK_RE, '');
  for (let i = 0; i < 2; i++) t = t.replace(SITE_SUFFIX_RE, '');
  return t.trim();
}

/** A line shaped like a title: short, no sentence punctuation, 关于… or a genre ending. */
function isTitleLike(line: string): boolean {
  if (line.length > 80 || /^(?:第[0-9一二三四五六七八九十百]+条|[一二三四五六七八九十]+、)/u.test(line)) return false;
  if (/[。；;]/u.test(line.replace(/《[^》]*》/gu, ''))) return false;
  return /^关于|关于.{2,}(?:的|之)/u.test(line) || GENRE_END.test(cleanTitle(line));
}

function joinBrokenTitle(lines: readonly string[], i: number): string {
  let title = lines[i] as string;
  // 关于印发《某某法治政府 ⏎ 建设实施方案》的通知: a title wrapped over short lines.
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
    const open = (title.match(/《/gu) ?? []).length > (title.match(/》/gu) ?? []).length;
    const next = lines[k] as string;
    if (next.length > 40 || /[。；]/u.test(next)) break;
    if (open || (!GENRE_END.test(cleanTitle(title)) && GENRE_END.test(cleanTitle(next)))) title += next;
    else break;
  }
  return title;
}

// The title is chosen among the first six candidate lines, which a wrapped title may continue over
// two more: past these only a 名称：X field can change the choice.
const CANDIDATE_LINES = 8;
// Every 名称：X field line starts so (NAMED_TITLE on the line with its spaces collapsed).
const NAMED_TITLE_START = /^\s*[名标文]/u;

/** Picks the document's title: a 名称：X field, else a title-like line near the top, else the first line that is not page chrome. */
export function findTitle(original: string): string | null {
  const raw = original.slice(0, 20000).split(/\r?\n|\r/u, 80);
  const lines: string[] = [];
  let skipValue = false;
  for (const r of raw) {
    if (lines.length >= CANDIDATE_LINES && !NAMED_TITLE_START.test(r)) continue;
    const line = r.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
    if (line.length === 0) continue;
    const named = NAMED_TITLE.exec(line);
    if (named?.[1]) return cleanTitle(named[1]);
    // • 发布机构 ⏎ 某市人民政府: the line after a bare field label is its value.
    if (skipValue) {
      skipValue = false;
      if (!isTitleLike(line) || line.length < 12) continue;
    }
    if (BARE_FIELD_LABEL.test(line)) {
      skipValue = true;
      continue;
    }
    if (isChrome(line)) continue;
    lines.push(line);
  }
  if (lines.length === 0) return null;
  for (let i = 0; i < Math.min(lines.length, 6); i++) {
    if (isTitleLike(lines[i] as string)) {
      const cleaned = cleanTitle(joinBrokenTitle(lines, i));
      if (cleaned.length > 0) return cleaned;
    }
  }
  return cleanTitle(lines[0] as string) || null;
}

/** The genre from the title's ending, ignoring （试行）/（征求意见稿）-style suffixes. */
export function genreOfTitle(title: string): string {
  let t = title.trim().replace(/[。；;，,\s]+$/u, '');
  for (let i = 0; i < 3; i++) t = t.replace(TITLE_SUFFIX, '').trim();
  t = t.replace(/[》”"」』]+$/u, '');
  for (const g of GENRES) if (t.endsWith(g)) return g;
  return '其他';
}

const PROVISIONAL = /暂行|试行/u;

/** Title, genre and 暂行/试行 status; `title` overrides the first-line guess. */
export function detectDocumentType(original: string, title?: string): DocumentTypeInfo {
  const found = title !== undefined && title.trim() !== '' ? title.trim() : findTitle(original);
  const documentType = found ? genreOfTitle(found) : '其他';
  let provisional = found !== null && PROVISIONAL.test(found);
  if (!provisional) {
    // A heading line （试行） below the title also marks the document as provisional.
    const head = original.slice(0, 600).split(/\r?\n|\r/u, 8);
    provisional = head.some((l) => /^[\s\u3000]*[（(](?:试行|暂行)[）)][\s\u3000]*$/u.test(l));
  }
  return { title: found, documentType, provisional };
}
