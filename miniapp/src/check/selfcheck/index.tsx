// The optional 17-item self-check (医保办发〔2021〕37号): the server's estimated grade, always said to be an
// estimate and not an assessment, naming the values not yet verified against the standard.
import { View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Consent } from '../../components/Consent';
import { Page } from '../../components/Page';
import { Quiz, type QuizItem } from '../../components/Quiz';
import { Failure, Loading } from '../../components/States';
import { Summary } from '../../components/Summary';
import { TakeAway } from '../../components/TakeAway';
import { WrongAnswer } from '../../components/WrongAnswer';
import { get, post } from '../../lib/api';
import { go, pageUrl, useParams } from '../../lib/nav';
import type { Questions, SelfCheckAnswer } from '../../lib/types';
import { useApi } from '../../lib/useApi';

const PATH = '/check/selfcheck/index';

export default function SelfCheck() {
  const params = useParams();
  const qs = useApi(() => get<Questions>('/self-check/questions'), []);
  const [answers, setAnswers] = useState<Record<string, string>>(params);
  const [at, setAt] = useState<number | 'result'>(0);
  const items: QuizItem[] =
    qs.data?.domains.flatMap((d) =>
      d.items.map((it) => ({
        id: it.id,
        question: it.question,
        hint: `${d.name} · ${it.name}${it.hint ? `。${it.hint}` : ''}`,
        options: it.options.map((o) => ({ value: String(o.points), label: o.text })),
      })),
    ) ?? [];
  const done = items.length > 0 && items.every((it) => answers[it.id] !== undefined);
  const showResult = done && (at === 'result' || Object.keys(params).length >= items.length);
  return (
    <Page title="估一估失能等级">
      <Consent>
        {qs.loading && <Loading />}
        {qs.error && <Failure error={qs.error} retry={qs.reload} />}
        {qs.data && !showResult && (
          <>
            <View className="muted">
              一共 {items.length} 个问题，按老人最近的实际情况选。结果只是估算，正式等级要由评估机构上门评估。
            </View>
            <Quiz
              items={items}
              answers={answers}
              at={at === 'result' ? 0 : at}
              set={(a, next) => {
                setAnswers(a);
                setAt(next);
              }}
            />
          </>
        )}
        {qs.data && showResult && (
          <Result
            qs={qs.data}
            answers={answers}
            restart={() => {
              setAnswers({});
              setAt(0);
            }}
          />
        )}
      </Consent>
    </Page>
  );
}

function Result({ qs, answers, restart }: { qs: Questions; answers: Record<string, string>; restart: () => void }) {
  const all = qs.domains.flatMap((d) => d.items);
  const body = Object.fromEntries(all.map((i) => [i.id, Number(answers[i.id])]));
  const res = useApi(() => post<SelfCheckAnswer>('/self-check', body), [JSON.stringify(body)]);
  useShareAppMessage(() => ({ title: '估一估失能等级', path: pageUrl(PATH, answers) }));
  const rows = all.map((i) => {
    const o = i.options.find((x) => String(x.points) === answers[i.id]);
    return [i.name, o ? o.text : ''] as [string, string];
  });
  return (
    <View className="result">
      {res.loading && <Loading what="正在估算" />}
      {res.error && <Failure error={res.error} retry={res.reload} />}
      {res.data && (
        <>
          <View className="card verdict verdict-unknown" {...attrs({ role: 'status' })}>
            <View className="verdict-mark" {...attrs({ 'aria-hidden': true })}>
              ≈
            </View>
            <View className="verdict-text" {...heading(2)}>
              估算结果：{res.data.gradeName}（估算，不是评估结论）
            </View>
          </View>
          <View className="card">
            {[
              ['日常生活活动能力', res.data.adl],
              ['认知能力', res.data.cognition],
              ['感知觉与沟通能力', res.data.perception],
            ].map(([k, v]) => {
              const d = v as SelfCheckAnswer['adl'];
              return (
                <View className="row" key={k as string}>
                  <View className="row-key">{k as string}</View>
                  <View className="row-value">
                    {d.levelName}（{d.score} 分）
                  </View>
                </View>
              );
            })}
          </View>
          <View className="card estimate-note">
            <View className="card-title" {...heading(2)}>
              ⓘ 这只是估算，不是评估
            </View>
            {!res.data.verified && <View className="note strong">部分数值还没有与标准原文核对，结果可能有出入：</View>}
            {res.data.notes.map((n, i) => (
              <View key={i} className="note">
                {n.text}
              </View>
            ))}
            <View className="muted">依据：{qs.source}</View>
          </View>
          <View className="card">
            <View className="card-title" {...heading(2)}>
              怎么算出来的
            </View>
            {res.data.steps.map((s, i) => (
              <View key={i} className="next-step">
                {s.text}
              </View>
            ))}
          </View>
          <Summary what="失能等级自测" rows={rows} />
          <View className="no-print">
            <Btn kind="choice" onClick={() => go('/more/assess/index')}>
              怎么申请正式评估
            </Btn>
          </View>
          <TakeAway path={PATH} params={answers} />
          <WrongAnswer topic="self-check" page={pageUrl(PATH, answers)} inputs={body} answer={res.data} />
          <View className="no-print">
            <Btn kind="plain" onClick={restart}>
              重新回答
            </Btn>
          </View>
        </>
      )}
    </View>
  );
}
