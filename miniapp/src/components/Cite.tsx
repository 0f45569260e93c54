import { Button } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { allDocuments, clausesOf, docName } from '../lib/docs';
import { go } from '../lib/nav';
import type { Cite as CiteT } from '../lib/types';
import { pressable } from './a11y';

/** "依据：晋江市长护险暂行规定 · 待遇支付" — tap for the clause's own words. */
export function Cite({ cite }: { cite: CiteT }) {
  const [label, setLabel] = useState('查看政策原文');
  useEffect(() => {
    let live = true;
    Promise.all([allDocuments(), clausesOf(cite.doc)])
      .then(([docs, clauses]) => {
        const d = docs.find((x) => x.id === cite.doc);
        const c = clauses.find((x) => x.id === cite.clause);
        if (live && d) setLabel(docName(d) + (c?.title ? ` · ${c.title}` : ''));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [cite.doc, cite.clause]);
  const open = () => go('/law/clause/index', { doc: cite.doc, clause: cite.clause });
  return (
    <Button className="cite" onClick={open} {...pressable(open)}>
      依据：{label} ›
    </Button>
  );
}
