// Each visit: who came, when, which items for how long (items beyond the plan are paid by the family), and a
// 1–5 rating with a comment, once per visit. A rating refused (already given, e.g. by another family member)
// says so kindly and shows the one given; what was typed stays when sending fails.
import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';
import { yuan } from '../../lib/money';
import { useParams } from '../../lib/nav';
import { useApi } from '../../lib/useApi';
import { benefitPage, clockText, dateText, FieldProblem, SignedIn, type Visit } from '../shared';

export default function Visits() {
  const { id = '' } = useParams();
  return (
    <Page title="上门服务和评价">
      <SignedIn here={benefitPage('visits', id)}>
        <VisitList id={id} />
      </SignedIn>
    </Page>
  );
}

function VisitList({ id }: { id: string }) {
  const visits = useApi(() => get<Visit[]>(`/benefits/${encodeURIComponent(id)}/service-records`), [id]);
  if (visits.loading && !visits.data) return <Loading what="正在读取服务记录" />;
  if (visits.error) return <Failure error={visits.error} retry={visits.reload} />;
  if (!visits.data?.length) return <Empty>还没有上门服务的记录。护理机构每次上门后会录入，这里就能看到。</Empty>;
  return (
    <>
      {visits.data.map((v) => (
        <VisitCard key={v.id} v={v} reload={visits.reload} />
      ))}
    </>
  );
}

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

function VisitCard({ v, reload }: { v: Visit; reload: () => void }) {
  return (
    <View className="card visit" data-visit={v.id}>
      <View className="card-title" {...heading(2)}>
        {dateText(v.date)} {clockText(v.startAt)}–{clockText(v.endAt)}
      </View>
      <View className="row">
        <View className="row-key">上门的人</View>
        <View className="row-value" data-field="worker">
          {v.workerName}（{v.providerName}）
        </View>
      </View>
      <View className="row">
        <View className="row-key">核实身份</View>
        <View className="row-value">
          {v.identityChecked ? `已核实${v.identityMethodName ? `（${v.identityMethodName}）` : ''}` : '没有核实'}
        </View>
      </View>
      <View className="section-title" {...heading(3)}>
        做了哪些服务（共{v.totalMinutes}分钟）
      </View>
      {v.items.map((i, n) => (
        <View className="row" key={n} data-field="item">
          <View className="row-key">{i.name}</View>
          <View className="row-value">
            {i.minutes}分钟
            {i.selfPaid ? `，计划外自费${i.priceFen !== null ? ` ${yuan(i.priceFen)}` : ''}` : ''}
          </View>
        </View>
      ))}
      {v.rating ? (
        <View className="note strong" data-field="rating">
          您的评价：{v.rating.score}分（{SCORE_WORDS[v.rating.score]}）
          {v.rating.comment ? `，“${v.rating.comment}”` : ''}
        </View>
      ) : (
        <RateForm v={v} reload={reload} />
      )}
    </View>
  );
}

function RateForm({ v, reload }: { v: Visit; reload: () => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [problem, setProblem] = useState('');
  const labelId = `rate-${v.id}`;

  async function send() {
    if (!score) {
      setProblem('请先选一个分数：5分最满意，1分最不满意。');
      return;
    }
    setProblem('');
    setBusy(true);
    setError(undefined);
    try {
      await post(`/service-records/${encodeURIComponent(v.id)}/rating`, {
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能提交，请再试一次。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="rate" {...attrs({ role: 'group', 'aria-labelledby': labelId })}>
      <View className="section-title" {...heading(3)} {...attrs({ id: labelId })}>
        给这次服务打个分
      </View>
      <View className="choices two">
        {[5, 4, 3, 2, 1].map((n) => (
          <Btn key={n} kind="choice" selected={score === n} onClick={() => setScore(n)}>
            {`${n}分 ${SCORE_WORDS[n]}`}
          </Btn>
        ))}
      </View>
      {problem && (
        <View className="problem" {...attrs({ role: 'alert' })}>
          {problem}
        </View>
      )}
      <View className="field">
        <View className="field-label" {...attrs({ id: `${labelId}-comment` })}>
          想说的话（可不填）
        </View>
        <Textarea
          className="textarea"
          value={comment}
          maxlength={200}
          placeholder="例如：护理员很耐心"
          onInput={(e) => setComment(e.detail.value)}
          {...attrs({ 'aria-labelledby': `${labelId}-comment` })}
        />
        <FieldProblem error={error} path="comment" />
      </View>
      {error && !error.details.some((d) => d.path === 'comment') && (
        <View className="problem" {...attrs({ role: 'alert' })} data-field="rating-problem">
          {error.message}
        </View>
      )}
      {error?.message.includes('已经评价过') ? (
        <Btn kind="plain" onClick={reload}>
          看看已有的评价
        </Btn>
      ) : (
        <Btn kind="primary" onClick={() => void send()} disabled={busy}>
          {busy ? '正在提交…' : '提交评价'}
        </Btn>
      )}
    </View>
  );
}
