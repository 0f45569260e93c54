// The A–G pre-application screen (长期护理失能等级自评表): six questions, the server's level and whether
// applying makes sense; always said to be a self-check, not an assessment.
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
import type { Questions, QuickScreenAnswer } from '../../lib/types';
import { useApi } from '../../lib/useApi';

const PATH = '/check/screen/index';

export default function Screen() {
  const params = useParams();
  const qs = useApi(() => get<Questions>('/self-check/questions'), []);
  const [answers, setAnswers] = useState<Record<string, string>>(() => {
    const { region: _r, ...rest } = params;
    return rest;
  });
  const [at, setAt] = useState<number | 'result'>(0);

  const items: QuizItem[] =
    qs.data?.quickScreen.items.map((it) => ({
      id: it.id,
      question: `老人自己${it.question}怎么样？`,
      hint: `自评表上的“${it.name}”`,
      options: qs.data!.quickScreen.marks.map((m) => ({ value: m.id, label: m.text, hint: `表上记作“${m.name}”` })),
    })) ?? [];
  const done = items.length > 0 && items.every((it) => answers[it.id]);
  const showResult = done && (at === 'result' || Object.keys(params).length >= items.length);

  return (
    <Page title="申请前自评">
      <Consent>
        {qs.loading && <Loading />}
        {qs.error && <Failure error={qs.error} retry={qs.reload} />}
        {qs.data && !showResult && (
          <>
            <View className="muted">{qs.data.quickScreen.title}，六个问题。想想老人最近一个月的样子，照实选。</View>
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
  const body = {
    a: Object.fromEntries(qs.quickScreen.items.filter((i) => i.group === 'a').map((i) => [i.id, answers[i.id]])),
    b: Object.fromEntries(qs.quickScreen.items.filter((i) => i.group === 'b').map((i) => [i.id, answers[i.id]])),
  };
  const res = useApi(() => post<QuickScreenAnswer>('/quick-screen', body), [JSON.stringify(body)]);
  useShareAppMessage(() => ({ title: '长护险申请前自评', path: pageUrl(PATH, answers) }));
  const markName = (id: string) => qs.quickScreen.marks.find((m) => m.id === id)?.name ?? '';
  const rows = qs.quickScreen.items.map((i) => [i.name, markName(answers[i.id])] as [string, string]);
  return (
    <View className="result">
      <Summary what={qs.quickScreen.title} rows={rows} />
      {res.loading && <Loading what="正在计算" />}
      {res.error && <Failure error={res.error} retry={res.reload} />}
      {res.data && (
        <>
          <View
            className={`card verdict ${res.data.shouldApply ? 'verdict-apply-for-assessment' : 'verdict-not-eligible'}`}
            {...attrs({ role: 'status' })}
          >
            <View className="verdict-mark" {...attrs({ 'aria-hidden': true })}>
              {res.data.level}
            </View>
            <View className="verdict-text" {...heading(2)}>
              自评结果：{res.data.level} 级，
              {res.data.shouldApply ? '可以申请失能等级评估' : '还没有达到申请评估的级别'}
            </View>
          </View>
          <View className="card estimate-note">
            <View className="card-title" {...heading(2)}>
              ⓘ 这只是自评，不是正式评估
            </View>
            {res.data.notes.map((n, i) => (
              <View key={i} className="note">
                {n.text}
              </View>
            ))}
          </View>
          <View className="card">
            <View className="card-title" {...heading(2)}>
              怎么得出的
            </View>
            {res.data.steps.map((s, i) => (
              <View key={i} className="next-step">
                {s.text}
              </View>
            ))}
          </View>
          <View className="no-print">
            <Btn kind="choice" onClick={() => go('/check/selfcheck/index')}>
              再细一点：估一估失能等级（17个问题）
            </Btn>
            {res.data.shouldApply && (
              <Btn kind="choice" onClick={() => go('/more/assess/index')}>
                怎么申请评估
              </Btn>
            )}
          </View>
          <TakeAway path={PATH} params={answers} />
          <WrongAnswer topic="quick-screen" page={pageUrl(PATH, answers)} inputs={body} answer={res.data} />
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
