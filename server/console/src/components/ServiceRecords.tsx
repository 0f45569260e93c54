// Visits as the provider recorded them: who came, when, which items for how long, whether identity was
// checked (jilin-2022 §(九)), items outside the plan paid by the person with consent (§(十)4), the rating.
import type { ServiceRecord } from '../api';
import { dayText, minutesText, timeText, yuanText } from '../format';
import { SELF_PAID_CONSENT_NAMES } from '../labels';
import { followLink, hrefOf } from '../router';
import { Citations } from './Citations';
import { Fact } from './Fact';
import { Stars } from './Rating';

export function ServiceRecordList({
  records,
  showPerson,
  showProvider,
}: {
  records: ServiceRecord[];
  showPerson?: boolean;
  showProvider?: boolean;
}) {
  if (!records.length) return <p className="muted">还没有服务记录。</p>;
  return (
    <ol className="records" aria-label="服务记录，新的在前">
      {records.map((r) => (
        <ServiceRecordItem key={r.id} record={r} showPerson={showPerson} showProvider={showProvider} />
      ))}
    </ol>
  );
}

function ServiceRecordItem({
  record: r,
  showPerson,
  showProvider,
}: {
  record: ServiceRecord;
  showPerson?: boolean;
  showProvider?: boolean;
}) {
  const selfPaid = r.items.filter((i) => i.selfPaid);
  return (
    <li className="record" data-record={r.id}>
      <p className="record-head">
        <strong>
          {dayText(r.startAt)} {timeText(r.startAt)}–{timeText(r.endAt)}
        </strong>
        <span>共{minutesText(r.totalMinutes)}</span>
      </p>
      <dl className="facts">
        {showPerson && (
          <Fact term="服务对象">
            <a className="link" href={hrefOf({ page: 'benefit', id: r.benefitId })} onClick={followLink}>
              {r.personName}
            </a>
          </Fact>
        )}
        {showProvider && (
          <Fact term="定点机构">
            <a className="link" href={hrefOf({ page: 'provider', id: r.providerId })} onClick={followLink}>
              {r.providerName}
            </a>
          </Fact>
        )}
        <Fact term="服务人员" field="worker">
          {r.workerName}
        </Fact>
        <Fact term="核实身份" field="identity" highlight={!r.identityChecked}>
          {r.identityChecked ? `已核实（${r.identityMethodName ?? '方式未记录'}）` : '未核实身份'}
        </Fact>
        <Fact term="评价" field="rating">
          {r.rating ? (
            <>
              <Stars score={r.rating.score} />
              {r.rating.comment ? `：${r.rating.comment}` : ''}
            </>
          ) : (
            '家属还没有评价'
          )}
        </Fact>
      </dl>
      <p className="notes-label">服务项目：</p>
      <ul className="record-items" aria-label="服务项目">
        {r.items.map((i, n) => (
          <li key={n}>
            {i.name}，{minutesText(i.minutes)}
            {i.selfPaid && (
              <span className="badge badge-warn">个人自费{i.priceFen !== null ? ` ${yuanText(i.priceFen)}` : ''}</span>
            )}
          </li>
        ))}
      </ul>
      {selfPaid.length > 0 && (
        <p className="muted">
          {r.selfPaidConsent
            ? `计划外项目由${r.selfPaidConsent.givenBy}${SELF_PAID_CONSENT_NAMES[r.selfPaidConsent.method] ?? r.selfPaidConsent.method}个人自费。`
            : '计划外项目没有记录同意自费的情况。'}
        </p>
      )}
      <Citations cites={r.citations} />
    </li>
  );
}
