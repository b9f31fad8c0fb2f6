// Whether a measure in a sentence restates an upper law WITH citation (依照《…》第…条规定…),
// which turns a finding into a "verify the basis" one. The document's own articles
// (依照本办法第五条, 依照第三十六条规定) are not citations, and neither is 违反《…》: the breach
// of a law is not the source of the measure.

const CITE_VERB = /(?:依照|按照|依据|根据|适用|参照)[^。；，,]{0,8}?《[^》]{1,60}》/g;
const NAMED_LAW_BEFORE = /《[^》]{1,60}》(?:（[^）]{0,30}）)?(?:第[^，。；]{1,24}?条(?:第[^，。；]{1,8}?款)?(?:第[^，。；]{1,8}?项)?)?(?:的)?(?:有关)?规定(?:的)?[^，。；]{0,6}$/;

/** true when the text of the sentence before a measure cites an upper law as its source. */
export function citedBefore(sentenceBefore: string): boolean {
  CITE_VERB.lastIndex = 0;
  let cited = false;
  for (let m = CITE_VERB.exec(sentenceBefore); m; m = CITE_VERB.exec(sentenceBefore)) {
    const lead = sentenceBefore.slice(Math.max(0, m.index - 2), m.index);
    const after = sentenceBefore.slice(m.index + m[0].length);
    // 除依照《…》处罚外，还可以…: the measure that follows is the document's own addition
    if (/除$/.test(lead) && /外/.test(after)) continue;
    cited = true;
  }
  if (cited) return true;
  const m = NAMED_LAW_BEFORE.exec(sentenceBefore);
  if (m) {
    const lead = sentenceBefore.slice(Math.max(0, m.index - 3), m.index);
    if (!/违反|不符合|有违/.test(lead)) return true;
  }
  return false;
}
