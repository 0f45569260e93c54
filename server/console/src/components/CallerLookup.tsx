import { useState } from 'react';
import { messageOf, queryOf, type ApplicationSummary } from '../api';
import { call } from '../agentApi';
import { followLink, hrefOf } from '../router';
import { ErrorNote } from './Notice';
import { InputField } from './Form';

interface PersonRow {
  id: string;
  name: string;
  idNumberMasked: string;
}

/**
 * Looks up a caller's applications with the person and application routes the agent role may read (masked id
 * numbers and phones; the application page shows the rest as the server allows).
 */
export function CallerLookup() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ person: PersonRow; applications: ApplicationSummary[] }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    const q = query.trim();
    if (!q) {
      setError('请输入来电人（参保人）的姓名、身份证号或手机号。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const filter = /^\d{17}[\dXx]$/.test(q) ? { idNumber: q } : /^1[3-9]\d{9}$/.test(q) ? { phone: q } : { q };
      const rows = (await call<PersonRow[]>(`/persons${queryOf(filter)}`)).slice(0, 10);
      setFound(
        await Promise.all(
          rows.map(async (person) => ({
            person,
            applications: await call<ApplicationSummary[]>(`/applications${queryOf({ personId: person.id })}`),
          })),
        ),
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="lookup-title">
      <h2 id="lookup-title">查询来电人的申请</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
        noValidate
      >
        <InputField
          id="lookup-query"
          label="参保人的姓名、身份证号或手机号"
          value={query}
          onValue={setQuery}
          autoComplete="off"
        />
        <ErrorNote message={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? '正在查询…' : '查询'}
          </button>
        </div>
      </form>
      {found &&
        (found.length === 0 ? (
          <p className="muted">没有找到这位参保人。</p>
        ) : (
          <ul className="stack lookup-results">
            {found.map(({ person, applications }) => (
              <li key={person.id}>
                <p>
                  <strong>{person.name}</strong> <span className="mono">{person.idNumberMasked}</span>
                </p>
                {applications.length === 0 ? (
                  <p className="muted">没有申请。</p>
                ) : (
                  <ul>
                    {applications.map((a) => (
                      <li key={a.id}>
                        <a href={hrefOf({ page: 'application', id: a.id })} onClick={followLink}>
                          失能评估申请：{a.stateName}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
