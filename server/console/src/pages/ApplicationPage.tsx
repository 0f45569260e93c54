import { useCallback, useEffect, useState } from 'react';
import {
  api,
  messageOf,
  type ApplicationEvent,
  type ApplicationSummary,
  type Consent,
  type Material,
  type MoveAction,
  type Named,
  type Person,
  type User,
} from '../api';
import { BenefitStart } from '../components/BenefitStart';
import { Fact } from '../components/Fact';
import { History, roleName, type Actor } from '../components/History';
import { Materials } from '../components/Materials';
import { MoveActions } from '../components/MoveActions';
import { ErrorNote, StatusNote } from '../components/Notice';
import { chineseDate, dayText, monthText } from '../format';
import { CAUSE_NAMES, RELATIONSHIP_NAMES } from '../labels';
import { usePage } from '../page';
import { BASE, followLink, hrefOf } from '../router';

interface Loaded {
  application: ApplicationSummary;
  events: ApplicationEvent[];
  materials: Material[];
  person: Person | null;
  consents: Consent[];
}

export function ApplicationPage({ id, user }: { id: string; user: User }) {
  const [grades, setGrades] = useState<Named[]>([]);
  const load = useCallback(async () => {
    const [application, events, materials] = await Promise.all([
      api.application(id),
      api.events(id),
      api.materials(id),
    ]);
    // The person's details and consents help, but the application can be worked on without them.
    const [person, consents] = await Promise.allSettled([
      api.person(application.personId),
      api.consents(application.personId),
    ]);
    return {
      application,
      events,
      materials,
      person: person.status === 'fulfilled' ? person.value : null,
      consents: consents.status === 'fulfilled' ? consents.value : [],
    };
  }, [id]);
  // Focus the title once the page has its data; after a move, focus goes to the confirmation instead.
  const { data, setData, error, setError, done, setDone, heading, doneNote, reload } = usePage<Loaded>(load);

  useEffect(() => {
    api
      .grades()
      .then(setGrades)
      .catch(() => setGrades([]));
  }, [id]);

  // The confirmation appears once the whole page (state, dates, history) shows the move, never half of it.
  async function moved(updated: ApplicationSummary, action: MoveAction) {
    setError(null);
    try {
      await reload();
    } catch (err) {
      setData((d) => (d ? { ...d, application: updated } : d));
      setError(messageOf(err));
    }
    // A grade the region pays nothing for is said now, not only at the decision.
    const problem = action.move === 'assess' || action.move === 'reassess' ? updated.gradeProblem : null;
    setDone(`已办理“${action.label}”。现在的状态：${updated.stateName}。${problem ? `请注意：${problem}` : ''}`);
  }

  if (error && !data) {
    return (
      <section>
        <BackLink />
        <h1>打不开这份申请</h1>
        <ErrorNote message={error} />
      </section>
    );
  }
  if (!data) {
    return (
      <section>
        <BackLink />
        <p className="muted">正在读取申请…</p>
      </section>
    );
  }

  const { application: a, events, materials, person, consents } = data;
  const actorOf = (e: ApplicationEvent): Actor => {
    if (e.actorId === user.id) return { name: user.name ?? '您', note: '您本人' };
    // Staff are named by the server; the family and community workers by their consent.
    if (e.actorName) return { name: e.actorName, note: roleName(e.actorRole) };
    const grantee = consents.find((c) => c.granteeId === e.actorId);
    if (grantee?.granteeName) {
      return { name: grantee.granteeName, note: RELATIONSHIP_NAMES[grantee.relationship] ?? roleName(e.actorRole) };
    }
    return { name: roleName(e.actorRole) };
  };
  const objection = [...events].reverse().find((e) => e.move === 'object');

  return (
    <article className="application">
      <BackLink state={a.state} />
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          {a.person.name}的失能评估申请
        </h1>
        <span className="badge badge-large" data-testid="state">
          {a.stateName}
        </span>
      </div>
      {done && <StatusNote ref={doneNote}>{done}</StatusNote>}
      <ErrorNote message={error} />

      <div className="layout">
        <section className="card area-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">办理进度</h2>
          <dl className="facts">
            <Fact term="当前状态">{a.stateName}</Fact>
            {a.submittedAt && <Fact term="提交时间">{dayText(a.submittedAt)}</Fact>}
            {a.scheduledFor && <Fact term="上门评估日期">{chineseDate(a.scheduledFor)}</Fact>}
            {a.gradeName && <Fact term="评估等级">{a.gradeName}</Fact>}
            {a.publicityEndsOn && (
              <Fact term="公示期至" highlight={a.state === 'publicized'}>
                {chineseDate(a.publicityEndsOn)}（含当天）
              </Fact>
            )}
            {a.noticeDate && <Fact term="结论通知日期">{chineseDate(a.noticeDate)}</Fact>}
            {/* The window matters until an objection is filed; after that the reassessment decides. */}
            {a.objectionDeadline && a.objectionCount === 0 && (
              <Fact term="复评申请截止" highlight>
                {chineseDate(a.objectionDeadline)}（含当天）
              </Fact>
            )}
            {a.benefitStartMonth && <Fact term="待遇开始月份">{monthText(a.benefitStartMonth)}</Fact>}
            {a.objectionCount > 0 && <Fact term="复评">已申请过复评，复评结论为最终结论</Fact>}
          </dl>
          {a.gradeProblem && (
            <p className="notice notice-warn" data-testid="grade-problem">
              {a.gradeProblem}
            </p>
          )}
          {a.state === 'objection-filed' && objection?.reason && (
            <p className="notice notice-warn">申请人提出复评，理由：{objection.reason}</p>
          )}
        </section>

        <section className="card area-actions" aria-labelledby="actions-title">
          <h2 id="actions-title">办理</h2>
          <MoveActions key={a.state} application={a} grades={grades} onMoved={(u, m) => void moved(u, m)} />
          <BenefitStart application={a} user={user} />
        </section>

        <section className="card area-person" aria-labelledby="person-title">
          <h2 id="person-title">参保人</h2>
          <dl className="facts">
            <Fact term="姓名">
              {a.person.name}
              {person?.isSample && !a.person.name.includes('示例') ? '（示例数据）' : ''}
            </Fact>
            <Fact term="身份证号">
              <span className="mono">{a.person.idNumberMasked}</span>
            </Fact>
            {person && (
              <>
                <Fact term="性别">{person.gender === 'female' ? '女' : '男'}</Fact>
                <Fact term="出生日期">{chineseDate(person.birthDate)}</Fact>
                <Fact term="统筹区">
                  {person.regionName}
                  {person.districtName ? ` ${person.districtName}` : ''}
                </Fact>
                <Fact term="参保类型">{person.insuranceName}</Fact>
                <Fact term="联系电话">{person.phone}</Fact>
                <Fact term="居住地址">{person.address}</Fact>
              </>
            )}
          </dl>
        </section>

        <section className="card area-request" aria-labelledby="request-title">
          <h2 id="request-title">申请内容</h2>
          <dl className="facts">
            <Fact term="护理方式">{a.careModeName ?? '未选择'}</Fact>
            {a.disabilityCause && <Fact term="失能原因">{CAUSE_NAMES[a.disabilityCause] ?? a.disabilityCause}</Fact>}
            {a.disabilityMonths !== null && <Fact term="失能时长">{a.disabilityMonths} 个月</Fact>}
            {a.visitAddress && <Fact term="上门评估地址">{a.visitAddress}</Fact>}
            {a.contactPhone && <Fact term="联系电话">{a.contactPhone}</Fact>}
            {a.description && <Fact term="情况说明">{a.description}</Fact>}
          </dl>
        </section>

        <section className="card area-materials" aria-labelledby="materials-title">
          <h2 id="materials-title">申请材料（{materials.length} 份）</h2>
          <Materials applicationId={a.id} materials={materials} />
        </section>

        <section className="card area-history" aria-labelledby="history-title">
          <h2 id="history-title">办理记录</h2>
          <History events={events} grades={grades} actorOf={actorOf} />
        </section>
      </div>
    </article>
  );
}

function BackLink({ state }: { state?: string }) {
  const href = state ? hrefOf({ page: 'queue', state }) : BASE;
  return (
    <p className="back">
      <a href={href} onClick={followLink}>
        ← 返回待办队列
      </a>
    </p>
  );
}
