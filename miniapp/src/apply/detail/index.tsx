// One application as the family follows it: where it is now, every step with its date and reason in words,
// what to fix when it was returned, and after the result the objection deadline counting down in working
// days (the server's, on the Chinese calendar) with the way to object.
import { Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';
import { go, useParams } from '../../lib/nav';
import { useApi } from '../../lib/useApi';
import { dayWords, monthWords, timeWords, unreadCount, useActing, type AppEvent, type Application } from '../shared';
import '../apply.css';

interface Deadline {
  deadline: string | null;
  workingDays: number | null;
  provisional: boolean;
  steps: { text: string }[];
  notes: { code: string; text: string }[];
}

async function load(id: string, personId: string) {
  const [app, events, unread] = await Promise.all([
    get<Application>(`/applications/${id}`),
    get<AppEvent[]>(`/applications/${id}/events`),
    unreadCount(personId),
  ]);
  const deadline =
    app.noticeDate && app.objectionDeadline
      ? await get<Deadline>('/deadlines/objection', { region: app.person.region, noticeDate: app.noticeDate })
      : null;
  return { app, events, unread, deadline };
}

/** What a step recorded, in words. */
function eventWords(e: AppEvent): string[] {
  const out: string[] = [];
  const d = e.data ?? {};
  if (e.reason) out.push(e.move === 'return' ? `需要补充：${e.reason}` : `原因：${e.reason}`);
  if (typeof d.scheduledFor === 'string') out.push(`上门评估日期：${dayWords(d.scheduledFor)}`);
  if (typeof d.publicityEndsOn === 'string') out.push(`公示到${dayWords(d.publicityEndsOn)}（含当天）`);
  if (typeof d.objectionDeadline === 'string')
    out.push(`有异议可在${dayWords(d.objectionDeadline)}（含当天）之前申请复评`);
  if (typeof d.benefitStartMonth === 'string') out.push(`待遇从${monthWords(d.benefitStartMonth)}开始`);
  return out;
}

const PREPARING = ['submitted', 'accepted', 'assessment-scheduled'];

export default function Detail() {
  const { id } = useParams();
  const acting = useActing(`/apply/detail/index?id=${id}`);
  const loaded = useApi(acting ? () => load(id, acting.personId) : null, [id, acting?.personId]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) loaded.reload();
    shown.current = true;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [reason, setReason] = useState('');
  const [objecting, setObjecting] = useState(false);

  if (loaded.error)
    return (
      <Page title="办理进度">
        <Failure error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title="办理进度">
        <Loading />
      </Page>
    );
  const { app, events, unread, deadline } = loaded.data;
  const can = (move: string) => app.actions.some((a) => a.move === move);
  const lastReturn = [...events].reverse().find((e) => e.move === 'return');

  const moveThen = async (body: Record<string, string>, then: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await post(`/applications/${app.id}/moves`, body);
      then();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能办成，请再试一次。'));
    } finally {
      setBusy(false);
    }
  };
  const reasonProblem = error?.details.find((d) => d.path === 'reason')?.message;
  const left = app.objectionWorkingDaysLeft;

  return (
    <Page title={`${app.person.name}的评估申请`}>
      <View className="card now-card">
        <View className="row">
          <View className="row-key">现在</View>
          <View className="row-value state-now">{app.stateName}</View>
        </View>
        {app.scheduledFor && app.state === 'assessment-scheduled' && (
          <View className="lead">上门评估：{dayWords(app.scheduledFor)}</View>
        )}
        {app.gradeName && (app.state === 'approved' || app.state === 'rejected' || app.state === 'reassessed') && (
          <View className="lead result-line">评估结论：{app.gradeName}</View>
        )}
        {app.state === 'approved' && app.benefitStartMonth && (
          <View className="lead benefit-line">从{monthWords(app.benefitStartMonth)}开始享受长护险待遇。</View>
        )}
      </View>

      {app.state === 'returned' && (
        <View className="card returned-box">
          <View className="card-title" {...heading(2)}>
            申请被退回，请补充
          </View>
          <View className="return-reason">{lastReturn?.reason ?? '请按经办人员的要求补充材料。'}</View>
          <View className="muted">原来填写的内容和材料都还在，补上缺的再提交就行。</View>
          <Btn
            kind="primary"
            disabled={busy}
            onClick={() => void moveThen({ move: 'revise' }, () => go('/apply/form/index', { step: 5 }))}
          >
            {busy ? '正在打开……' : '修改后重新提交'}
          </Btn>
        </View>
      )}
      {app.state === 'draft' && (
        <Btn kind="primary" onClick={() => go('/apply/form/index')}>
          继续填写申请
        </Btn>
      )}
      {PREPARING.includes(app.state) && (
        <Btn
          kind="choice"
          hint="证件、谁在家、评估看哪些方面"
          onClick={() => go('/apply/prepare/index', { id: app.id })}
        >
          准备上门评估
        </Btn>
      )}

      {app.objectionDeadline && left !== null && (
        <View className="card objection-card">
          <View className="card-title" {...heading(2)}>
            对结论有异议？
          </View>
          <View className="countdown" {...attrs({ role: 'status' })}>
            {left === 0 ? '今天是申请复评的最后一天' : `申请复评还剩 ${left} 个工作日`}
          </View>
          <View className="lead">
            截止到{dayWords(app.objectionDeadline)}（含当天）
            {app.objectionDeadlineProvisional ? '，这个日期是估算的，以经办机构公布的为准' : ''}。
          </View>
          {deadline?.steps.map((s, i) => (
            <View className="muted" key={i}>
              {s.text}
            </View>
          ))}
          {can('object') && !objecting && (
            <Btn kind="choice" hint="只能申请一次，复评结论是最终结论" onClick={() => setObjecting(true)}>
              申请复评
            </Btn>
          )}
          {can('object') && objecting && (
            <View className="field">
              <View className="field-label" {...attrs({ id: 'reason-label' })}>
                为什么不同意这个结论
              </View>
              <Textarea
                className="textarea"
                value={reason}
                maxlength={200}
                placeholder="例如：最近病情加重了"
                onInput={(e) => setReason(e.detail.value)}
                {...attrs({ 'aria-labelledby': 'reason-label' })}
              />
              {reasonProblem && (
                <View className="problem" {...attrs({ role: 'alert' })}>
                  {reasonProblem}
                </View>
              )}
              <Btn
                kind="primary"
                disabled={busy}
                onClick={() => void moveThen({ move: 'object', reason }, () => loaded.reload())}
              >
                提交复评申请
              </Btn>
            </View>
          )}
        </View>
      )}
      {error && !error.details.some((d) => d.path === 'reason') && <Failure error={error} />}

      <Btn kind="choice" className="inbox-btn" onClick={() => go('/apply/inbox/index')}>
        {unread ? `消息（${unread}条未读）` : '消息（没有未读）'}
      </Btn>

      <View className="card">
        <View className="card-title" {...heading(2)}>
          办理记录
        </View>
        <View className="timeline" {...attrs({ role: 'list' })}>
          <View className="timeline-row" {...attrs({ role: 'listitem' })}>
            <View className="timeline-time">{timeWords(app.createdAt)}</View>
            <View className="timeline-state">开始填写申请</View>
          </View>
          {events.map((e) => (
            <View className="timeline-row" key={e.id} {...attrs({ role: 'listitem' })}>
              <View className="timeline-time">{timeWords(e.at)}</View>
              <View className="timeline-state">
                {e.moveLabel}：{e.toName}
              </View>
              {eventWords(e).map((w, i) => (
                <View className="timeline-words" key={i}>
                  {w}
                </View>
              ))}
            </View>
          ))}
        </View>
      </View>
      <Btn kind="plain" onClick={() => go('/apply/list/index')}>
        全部申请
      </Btn>
    </Page>
  );
}
