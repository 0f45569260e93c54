import { useEffect, useRef, useState } from 'react';
import { api, messageOf, type Benefit, type Provider, type ServiceRecord, type User } from '../api';
import { ErrorNote } from '../components/Notice';
import { ServiceRecordList } from '../components/ServiceRecords';
import { followLink, hrefOf, navigate } from '../router';

/** Visits of one provider, of one benefit, or all of them, newest first. */
export function ServiceRecordsPage({
  providerId,
  benefitId,
}: {
  providerId: string | null;
  benefitId: string | null;
  user: User;
}) {
  const [records, setRecords] = useState<ServiceRecord[] | null>(null);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [benefit, setBenefit] = useState<Benefit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    api.providers().then(setProviders, () => setProviders([]));
  }, []);
  useEffect(() => {
    setRecords(null);
    setError(null);
    setBenefit(null);
    const filter = { providerId: providerId ?? undefined, benefitId: benefitId ?? undefined };
    api
      .serviceRecords(filter)
      .then(setRecords)
      .catch((err: unknown) => setError(messageOf(err)));
    if (benefitId) api.benefit(benefitId).then(setBenefit, () => setBenefit(null));
  }, [providerId, benefitId]);

  const provider = providers.find((p) => p.id === providerId);
  const title = benefit ? `${benefit.person.name}的服务记录` : provider ? `${provider.name}的服务记录` : '服务记录';

  return (
    <section>
      {benefitId && (
        <p className="back">
          <a href={hrefOf({ page: 'benefit', id: benefitId })} onClick={followLink}>
            ← 返回这项待遇
          </a>
        </p>
      )}
      {providerId && !benefitId && (
        <p className="back">
          <a href={hrefOf({ page: 'provider', id: providerId })} onClick={followLink}>
            ← 返回这家机构
          </a>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p className="muted">
        每次上门服务：服务人员、时间、项目和时长，服务前是否核实身份，计划外的自费项目，以及家属的评价。
      </p>
      {!benefitId && (
        <div className="card filters filters-narrow">
          <div className="field">
            <label htmlFor="sr-provider">定点机构</label>
            <select
              id="sr-provider"
              value={providerId ?? ''}
              onChange={(e) =>
                navigate(hrefOf({ page: 'service-records', providerId: e.target.value || null, benefitId: null }))
              }
            >
              <option value="">全部机构</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <ErrorNote message={error} />
      {records === null && !error && <p className="muted">正在读取服务记录…</p>}
      {records && (
        <>
          <h2 className="list-heading">共 {records.length} 次服务</h2>
          <ServiceRecordList records={records} showPerson={!benefitId} showProvider={!providerId} />
        </>
      )}
    </section>
  );
}
