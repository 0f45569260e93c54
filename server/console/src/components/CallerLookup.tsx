import { useState } from 'react';
import { api, messageOf, type ApplicationSummary, type Benefit, type Person } from '../api';
import { followLink, hrefOf } from '../router';
import { ErrorNote } from './Notice';
import { InputField } from './Form';
import { benefitStateText } from '../benefitState';

interface Found {
  person: Person;
  applications: ApplicationSummary[];
  benefits: Benefit[];
}

/** What was typed, as the persons route's filter: a whole ID number, a whole phone, or part of a name. */
export function filterOf(text: string): { idNumber: string } | { phone: string } | { q: string } {
  const compact = text.replace(/[\s-]/g, '');
  if (/^\d{17}[\dXx]$/.test(compact)) return { idNumber: compact.toUpperCase() };
  if (/^1[3-9]\d{9}$/.test(compact)) return { phone: compact };
  return { q: text.trim() };
}

/**
 * Looks up a caller with the person, application and benefit routes this account may read. Every field shown
 * is as the server answers it (masked ID numbers and phones for agents); the pages linked show the rest as the
 * server allows.
 */
export function CallerLookup() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    const q = query.trim();
    if (!q) {
      setError('请输入来电人（参保人）的姓名、身份证号或手机号。');
      return;
    }
    const filter = filterOf(q);
    if ('q' in filter && /^\d+$/.test(filter.q)) {
      setError('号码要输入完整：身份证号18位，手机号11位；也可以输入姓名。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const persons = (await api.persons(filter)).slice(0, 10);
      setFound(
        await Promise.all(
          persons.map(async (person) => {
            const [applications, benefits] = await Promise.all([
              api.applicationsOf(person.id),
              api.benefits({ personId: person.id }).catch(() => [] as Benefit[]),
            ]);
            return { person, applications, benefits };
          }),
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
      <h2 id="lookup-title">查询来电人的申请和待遇</h2>
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
          <p className="muted" role="status">
            没有找到这位参保人。请核对姓名或号码；号码要输入完整。
          </p>
        ) : (
          <ul className="stack lookup-results" aria-label="查找结果">
            {found.map(({ person, applications, benefits }) => (
              <li key={person.id} className="record" data-testid="caller">
                <p className="record-head">
                  <strong>{person.name}</strong>
                  <span className="mono">{person.idNumberMasked}</span>
                </p>
                <p>
                  {person.regionName}
                  {person.districtName ? ` ${person.districtName}` : ''} · {person.insuranceName} · 电话{' '}
                  <span className="mono">{person.phone}</span>
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
                {benefits.length > 0 && (
                  <ul>
                    {benefits.map((b) => (
                      <li key={b.id}>
                        <a href={hrefOf({ page: 'benefit', id: b.id })} onClick={followLink}>
                          长护待遇：{benefitStateText(b)}
                        </a>
                        ，{b.gradeName}，{b.current.careModeName}
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
