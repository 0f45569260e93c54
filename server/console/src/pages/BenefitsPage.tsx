import { useEffect, useRef, useState } from 'react';
import { api, messageOf, type Benefit, type User } from '../api';
import { Fact } from '../components/Fact';
import { ErrorNote } from '../components/Notice';
import { monthText } from '../format';
import { BENEFIT_STATE_NAMES } from '../labels';
import { benefitStateText } from '../benefitState';
import { followLink, hrefOf } from '../router';

const TABS = ['', 'active', 'suspended', 'stopped'] as const;

export function BenefitsPage({ state }: { state: string | null; user: User }) {
  const current = (TABS as readonly string[]).includes(state ?? '') ? (state ?? '') : '';
  const [benefits, setBenefits] = useState<Benefit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    setBenefits(null);
    setError(null);
    api
      .benefits(current ? { state: current } : {})
      .then(setBenefits)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [current]);

  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>
        待遇与结算
      </h1>
      <p className="muted">申请核准后，在申请页面“建立待遇”；这里列出已建立的待遇，新的在前。</p>
      <nav aria-label="按待遇状态查看">
        <ul className="tabs">
          {TABS.map((s) => (
            <li key={s}>
              <a
                href={hrefOf({ page: 'benefits', state: s || null })}
                onClick={followLink}
                className="tab"
                aria-current={s === current ? 'page' : undefined}
              >
                {s ? BENEFIT_STATE_NAMES[s] : '全部'}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorNote message={error} />
      {benefits === null && !error && <p className="muted">正在读取待遇…</p>}
      {benefits && benefits.length === 0 && <p className="muted">没有这个状态的待遇。</p>}
      {benefits && benefits.length > 0 && (
        <ol className="queue" aria-label="待遇">
          {benefits.map((b) => (
            <li key={b.id} className="queue-item">
              <a href={hrefOf({ page: 'benefit', id: b.id })} onClick={followLink} className="queue-link">
                <span className="queue-name">{b.person.name}</span>
                <span className="badge">{benefitStateText(b)}</span>
              </a>
              <dl className="facts">
                <Fact term="身份证号">
                  <span className="mono">{b.person.idNumberMasked}</span>
                </Fact>
                <Fact term="统筹区">{b.regionName}</Fact>
                <Fact term="失能等级">{b.gradeName}</Fact>
                <Fact term="护理方式">{b.current.careModeName}</Fact>
                <Fact term="定点机构">{b.current.providerName}</Fact>
                <Fact term="开始享受">{monthText(b.startMonth)}</Fact>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
