import { useEffect, useRef, useState } from 'react';
import { api, messageOf, type Provider, type ProviderRatings, type Settlement, type User } from '../api';
import { Fact } from '../components/Fact';
import { ErrorNote } from '../components/Notice';
import { RatingText, Stars } from '../components/Rating';
import { chineseDate, monthText, yuanText } from '../format';
import { HOSPITAL_TIER_NAMES } from '../labels';
import { followLink, hrefOf } from '../router';
import { lastProviderSearch, PROVIDER_EDITORS } from './ProvidersPage';

export function ProviderPage({ id, user }: { id: string; user: User }) {
  const [provider, setProvider] = useState<Provider | null>(null);
  const [ratings, setRatings] = useState<ProviderRatings | null>(null);
  const [settlements, setSettlements] = useState<Settlement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [partError, setPartError] = useState<string | null>(null);
  const [month, setMonth] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setProvider(null);
    setError(null);
    api
      .provider(id)
      .then(setProvider)
      .catch((err: unknown) => setError(messageOf(err)));
    // Ratings and settlements are for staff; a failure there still leaves the provider readable.
    api
      .providerRatings(id)
      .then(setRatings)
      .catch((err: unknown) => setPartError(messageOf(err)));
    api
      .settlements({ providerId: id })
      .then(setSettlements)
      .catch((err: unknown) => setPartError(messageOf(err)));
  }, [id]);

  const loaded = provider !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  if (!provider) {
    return (
      <section>
        <BackToProviders />
        {error ? (
          <>
            <h1>打不开这家机构</h1>
            <ErrorNote message={error} />
          </>
        ) : (
          <p className="muted">正在读取机构信息…</p>
        )}
      </section>
    );
  }

  const p = provider;
  const months = [...new Set((settlements ?? []).map((s) => s.month))];
  const shown = (settlements ?? []).filter((s) => !month || s.month === month);

  return (
    <article>
      <BackToProviders />
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          {p.name}
        </h1>
        <span className="badge-row">
          {p.isSample && !p.name.includes('示例') && <span className="badge">示例数据</span>}
          {PROVIDER_EDITORS.includes(user.role) && (
            <a className="button button-quiet" href={hrefOf({ page: 'provider-edit', id: p.id })} onClick={followLink}>
              修改机构信息
            </a>
          )}
        </span>
      </div>
      <ErrorNote message={partError} />
      <div className="two-columns">
        <section className="card" aria-labelledby="p-basic">
          <h2 id="p-basic">基本信息</h2>
          <dl className="facts">
            <Fact term="所在地">
              {p.regionName}
              {p.districtName ? ` ${p.districtName}` : ''}
            </Fact>
            <Fact term="地址">{p.address}</Fact>
            <Fact term="电话">{p.phone}</Fact>
            <Fact term="护理方式" field="modes">
              {p.careModeNames.join('、')}
            </Fact>
            {p.hospitalTier !== null && (
              <Fact term="医院等级">{HOSPITAL_TIER_NAMES[p.hospitalTier] ?? p.hospitalTier}</Fact>
            )}
            <Fact term="服务容量">{p.capacity} 个名额</Fact>
            <Fact term="空余名额" field="free-places" highlight={p.freePlaces === 0}>
              {p.freePlaces} 个
            </Fact>
            <Fact term="位置（纬度，经度）">
              {p.lat}，{p.lng}
            </Fact>
          </dl>
          <p>
            <a
              className="link"
              href={hrefOf({ page: 'service-records', providerId: p.id, benefitId: null })}
              onClick={followLink}
            >
              查看这家机构的服务记录
            </a>
          </p>
        </section>

        <section className="card" aria-labelledby="p-items">
          <h2 id="p-items">公示的服务项目及收费标准</h2>
          {p.items.length === 0 ? (
            <p className="muted">机构还没有公示服务项目。</p>
          ) : (
            <table className="items-table">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">单位</th>
                  <th scope="col" className="num">
                    收费
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((i, n) => (
                  <tr key={n}>
                    <td>{i.name}</td>
                    <td>每{i.unit}</td>
                    <td className="num">{yuanText(i.priceFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="p-ratings">
        <h2 id="p-ratings">服务评价</h2>
        <p data-field="rating-average">
          评分：
          <RatingText rating={ratings?.rating ?? p.rating} />
        </p>
        {ratings === null && !partError && <p className="muted">正在读取评价…</p>}
        {ratings && ratings.ratings.length === 0 && <p className="muted">还没有家属评价过这家机构的服务。</p>}
        {ratings && ratings.ratings.length > 0 && (
          <ol className="ratings" aria-label="每次服务的评价，新的在前">
            {ratings.ratings.map((r) => (
              <li key={r.serviceRecordId} className="rating">
                <p className="record-head">
                  <Stars score={r.score} />
                  <span className="muted">
                    {r.personName}，{chineseDate(r.date)}的服务
                  </span>
                </p>
                {r.comment ? <p>{r.comment}</p> : <p className="muted">没有写评价内容。</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="p-settlements">
        <div className="title-row">
          <h2 id="p-settlements">月度结算</h2>
          {months.length > 1 && (
            <div className="field field-inline">
              <label htmlFor="p-month">月份</label>
              <select id="p-month" value={month} onChange={(e) => setMonth(e.target.value)}>
                <option value="">全部月份</option>
                {months.map((m) => (
                  <option key={m} value={m}>
                    {monthText(m)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {settlements === null && !partError && <p className="muted">正在读取结算…</p>}
        {settlements && shown.length === 0 && <p className="muted">这家机构还没有结算记录。</p>}
        {shown.length > 0 && (
          <ol className="records" aria-label="结算，近的月份在前">
            {shown.map((s) => (
              <li key={s.id} className="record" data-settlement={s.id}>
                <p className="record-head">
                  <strong>
                    {monthText(s.month)} ·{' '}
                    <a className="link" href={hrefOf({ page: 'benefit', id: s.benefitId })} onClick={followLink}>
                      {s.personName}
                    </a>
                  </strong>
                  {s.corrected && <span className="badge badge-warn">已更正</span>}
                </p>
                <dl className="facts">
                  <Fact term="当月账单" field="bill">
                    {yuanText(s.monthlyBillFen)}
                  </Fact>
                  <Fact term="基金支付" field="fund">
                    {s.fundPaysFen === null ? '由当地确定' : yuanText(s.fundPaysFen)}
                  </Fact>
                  <Fact term="个人负担" field="own">
                    {s.personPaysFen === null ? '由当地确定' : yuanText(s.personPaysFen)}
                  </Fact>
                  <Fact term="享受待遇天数">
                    {s.daysCovered}天（当月共{s.daysInMonth}天）
                  </Fact>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

export function BackToProviders() {
  return (
    <p className="back">
      <a href={hrefOf({ page: 'providers', search: lastProviderSearch })} onClick={followLink}>
        ← 返回定点机构列表
      </a>
    </p>
  );
}
