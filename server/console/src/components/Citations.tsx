import { useId, useState } from 'react';
import { citationText as rulesCitationText, type Cite as RulesCite } from '@changhu/rules';
import { api, messageOf, type Cite, type Clause } from '../api';

/**
 * A citation as an officer reads it, e.g. 温州市长护险实施方案（征求意见稿）第二部分第（四）项: the rules
 * module's words, the same in the console, the API notes, the mini-program and the bot; never an id.
 */
export function citationText(cite: Cite): string {
  try {
    return rulesCitationText(cite as RulesCite);
  } catch {
    // A document or clause form this console does not know yet: still no id on screen.
    return '政策文件的相关条款';
  }
}

/** Clause texts already fetched in this tab: the rules do not change while the console is open. */
const cache = new Map<string, Promise<Clause>>();

function loadClause(cite: Cite): Promise<Clause> {
  const key = `${cite.doc} ${cite.clause}`;
  let found = cache.get(key);
  if (!found) {
    found = api.clause(cite.doc, cite.clause);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** The clauses a figure rests on, in words; a click shows the clause text from the rules module. */
export function Citations({ cites, label = '依据的条款' }: { cites: Cite[]; label?: string }) {
  const unique = cites.filter((c, i) => cites.findIndex((d) => d.doc === c.doc && d.clause === c.clause) === i);
  if (!unique.length) return null;
  return (
    <div className="citations">
      <p className="citations-label">{label}（点按查看原文）：</p>
      <ul className="citation-list">
        {unique.map((c) => (
          <CitationItem key={`${c.doc} ${c.clause}`} cite={c} />
        ))}
      </ul>
    </div>
  );
}

function CitationItem({ cite }: { cite: Cite }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [clause, setClause] = useState<Clause | null>(null);
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    const next = !open;
    setOpen(next);
    if (next && !clause) {
      setError(null);
      loadClause(cite)
        .then(setClause)
        .catch((err: unknown) => setError(messageOf(err)));
    }
  }

  return (
    <li className="citation">
      <button
        type="button"
        className="citation-button"
        aria-expanded={open}
        aria-controls={`${id}-text`}
        onClick={toggle}
      >
        {citationText(cite)}
      </button>
      {open && (
        <div className="clause" id={`${id}-text`} role="region" aria-label={`${citationText(cite)}原文`}>
          {error ? (
            <p className="field-error">{error}</p>
          ) : clause ? (
            <>
              <p className="clause-title">{clause.title}</p>
              <p className="clause-text">{clause.text}</p>
            </>
          ) : (
            <p className="muted">正在读取条款原文…</p>
          )}
        </div>
      )}
    </li>
  );
}
