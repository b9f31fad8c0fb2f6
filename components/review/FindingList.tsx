import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import type { Decision, DecisionKind } from '@/lib/review/decisions';
import { moveFocus, shortcutKind, type FindingGroup, type PanelFinding } from '@/lib/review/panel-model';
import { FindingItem, type FormState } from './FindingItem';

const MOVES: Record<string, 'next' | 'prev' | 'first' | 'last'> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'prev',
  k: 'prev',
  Home: 'first',
  End: 'last',
};

/**
 * The findings, grouped, as one roving-focus list: Tab enters it at the focused finding,
 * ↑/↓ (or j/k), Home/End move, Enter shows the finding in the editor, 1/2/3 decide (reviewer).
 */
export function FindingList(props: {
  lang: Lang;
  groups: FindingGroup[];
  reviewer: boolean;
  included: ReadonlySet<string>;
  forms: ReadonlyMap<string, FormState>;
  reviewerName: string;
  empty: string;
  onReveal(item: PanelFinding): void;
  onInclude(item: PanelFinding, included: boolean): void;
  onOpenForm(item: PanelFinding, form: FormState | null): void;
  onQuickDecide(item: PanelFinding, kind: DecisionKind): void;
  onSave(item: PanelFinding, decision: Decision): Promise<boolean>;
  onWithdraw(item: PanelFinding): Promise<boolean>;
}) {
  const { lang, groups } = props;
  const headingId = useId();
  const refs = useRef(new Map<string, HTMLLIElement>());
  const [focused, setFocused] = useState<string | null>(null);
  const uids = groups.flatMap((g) => g.items.map((i) => i.uid));
  const tabbable = focused !== null && uids.includes(focused) ? focused : (uids[0] ?? null);

  const setRef = useCallback((uid: string, el: HTMLLIElement | null) => {
    if (el) refs.current.set(uid, el);
    else refs.current.delete(uid);
  }, []);

  const focusUid = (uid: string | null): void => {
    if (uid === null) return;
    setFocused(uid);
    refs.current.get(uid)?.focus();
  };

  // a form closed by Escape, Cancel or Save takes the focus with it: hand it back to its finding
  const openForms = [...props.forms.keys()].join('|');
  const previousForms = useRef(openForms);
  useEffect(() => {
    const before = previousForms.current.split('|').filter(Boolean);
    previousForms.current = openForms;
    const closed = before.find((uid) => !openForms.split('|').includes(uid));
    const lost = !document.activeElement || document.activeElement === document.body;
    if (closed && lost) refs.current.get(closed)?.focus();
  }, [openForms]);

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, item: PanelFinding): void => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      focusUid(moveFocus(uids, item.uid, move));
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      props.onReveal(item);
      return;
    }
    const kind = props.reviewer ? shortcutKind(e.key) : null;
    if (kind) {
      e.preventDefault();
      props.onQuickDecide(item, kind);
    }
  };

  return (
    <section className="findings" aria-labelledby={headingId}>
      <h2 id={headingId}>{tr(R.findings, lang)}</h2>
      <p className="hint" id={`${headingId}-keys`}>
        {tr(R.keysHint, lang)}
        {props.reviewer && (
          <>
            {' '}
            {tr(R.keysHintReviewer, lang)}
          </>
        )}
      </p>
      {uids.length === 0 ? (
        <p className="empty" data-empty="findings">
          {props.empty}
        </p>
      ) : (
        groups.map((g) => (
          <section key={g.id} className="group" aria-labelledby={`${headingId}-${g.id}`} data-group={g.id}>
            <h3 id={`${headingId}-${g.id}`}>{tr(R.groupCount, lang, { label: g.label[lang], n: g.items.length })}</h3>
            <ul className="finding-list" aria-describedby={`${headingId}-keys`}>
              {g.items.map((item) => (
                <FindingItem
                  key={item.uid}
                  lang={lang}
                  item={item}
                  reviewer={props.reviewer}
                  tabbable={item.uid === tabbable}
                  included={props.included.has(item.key)}
                  form={props.forms.get(item.uid) ?? null}
                  reviewerName={props.reviewerName}
                  setRef={setRef}
                  onFocus={setFocused}
                  onKeyDown={onKeyDown}
                  onReveal={props.onReveal}
                  onInclude={props.onInclude}
                  onOpenForm={props.onOpenForm}
                  onSave={props.onSave}
                  onWithdraw={props.onWithdraw}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
