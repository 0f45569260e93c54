// "Can we apply?": one question a screen (region → district → insurance → why → how long → assessment),
// then the server's verdict with each reason and its clause, and the next step. The inputs live in the
// page's address, so the same link reopens the same answer.
import { Input, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Choices } from '../../components/Choices';
import { Btn } from '../../components/Btn';
import { Cite } from '../../components/Cite';
import { Consent } from '../../components/Consent';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { Step } from '../../components/Step';
import { Summary } from '../../components/Summary';
import { TakeAway } from '../../components/TakeAway';
import { WrongAnswer } from '../../components/WrongAnswer';
import { get, post } from '../../lib/api';
import { go, pageUrl, useParams, type Params } from '../../lib/nav';
import { getRegion, setRegion } from '../../lib/settings';
import type { EligibilityAnswer, Named, Reason, Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';

const PATH = '/check/eligibility/index';

interface Lists {
  regions: Region[];
  insurance: Named[];
  causes: (Named & { hint: string })[];
  grades: Named[];
}

interface Answers {
  region?: string;
  district?: string;
  insurance?: string;
  cause?: string;
  /** 'x' = not sure how long. */
  months?: string;
  /** 'none' = no assessment yet. */
  grade?: string;
}

type Key = keyof Answers;

// How the server's reason codes read as met / not met / not sure; anything else is a note to heed.
const MET = ['covered', 'duration-met', 'grade-eligible'];
const FAILED = ['not-covered', 'short-term-disability', 'duration-too-short', 'grade-not-eligible'];
const UNSURE = ['set-locally', 'no-document', 'duration-set-locally'];
const GROUPS: { title: string; mark: string; cls: string; test: (r: Reason) => boolean }[] = [
  { title: '符合的条件', mark: '✓ 符合', cls: 'met', test: (r) => MET.includes(r.code) },
  { title: '不符合的条件', mark: '✗ 不符合', cls: 'failed', test: (r) => FAILED.includes(r.code) },
  { title: '还不确定的', mark: '？ 待确认', cls: 'unsure', test: (r) => UNSURE.includes(r.code) },
  {
    title: '请您注意',
    mark: 'ⓘ 注意',
    cls: 'note',
    test: (r) => ![...MET, ...FAILED, ...UNSURE].includes(r.code),
  },
];

const VERDICT: Record<EligibilityAnswer['verdict'], { mark: string; text: string }> = {
  eligible: { mark: '✓', text: '可以享受长护险待遇' },
  'not-eligible': { mark: '✗', text: '现在还不符合条件' },
  'apply-for-assessment': { mark: '→', text: '可以申请失能等级评估' },
  unknown: { mark: '？', text: '还需要向当地医保部门确认' },
};

function stepsFor(a: Answers, lists: Lists): Key[] {
  const region = lists.regions.find((r) => r.id === a.region);
  const keys: Key[] = ['region'];
  if (!region || region.districts.length > 0) keys.push('district');
  keys.push('insurance', 'cause');
  if (a.cause !== 'old-age' && a.cause !== 'short-term') keys.push('months');
  keys.push('grade');
  return keys;
}

function complete(a: Answers, lists: Lists): boolean {
  return stepsFor(a, lists).every((k) => a[k] !== undefined);
}

function bodyOf(a: Answers) {
  return {
    region: a.region,
    ...(a.district ? { district: a.district } : {}),
    insurance: a.insurance,
    disabilityCause: a.cause,
    ...(a.months && a.months !== 'x' ? { disabilityMonths: Number(a.months) } : {}),
    ...(a.grade && a.grade !== 'none' ? { grade: a.grade } : {}),
  };
}

function paramsOf(a: Answers): Params {
  return { ...a } as Params;
}

export default function Eligibility() {
  const params = useParams();
  const lists = useApi<Lists>(
    () =>
      Promise.all([
        get<Region[]>('/regions'),
        get<Named[]>('/insurance-types'),
        get<(Named & { hint: string })[]>('/disability-causes'),
        get<Named[]>('/grades'),
      ]).then(([regions, insurance, causes, grades]) => ({ regions, insurance, causes, grades })),
    [],
  );
  const fromLink: Answers = {
    region: params.region,
    district: params.district,
    insurance: params.insurance,
    cause: params.cause,
    months: params.months,
    grade: params.grade,
  };
  const [answers, setAnswers] = useState<Answers>(params.region ? fromLink : { region: getRegion() || undefined });
  const [at, setAt] = useState<number | 'result' | null>(params.region && params.grade ? 'result' : null);

  return (
    <Page title="能不能申请长护险">
      <Consent>
        {lists.loading && <Loading />}
        {lists.error && <Failure error={lists.error} retry={lists.reload} />}
        {lists.data && (
          <Flow
            lists={lists.data}
            answers={answers}
            at={at ?? 0}
            set={(a, next) => {
              setAnswers(a);
              setAt(next);
            }}
          />
        )}
      </Consent>
    </Page>
  );
}

function firstOpen(a: Answers, lists: Lists): number {
  // The first question not answered yet (a link without every answer reopens there).
  const keys = stepsFor(a, lists);
  return Math.max(
    0,
    keys.findIndex((k) => a[k] === undefined),
  );
}

function Flow({
  lists,
  answers,
  at,
  set,
}: {
  lists: Lists;
  answers: Answers;
  at: number | 'result';
  set: (a: Answers, next: number | 'result') => void;
}) {
  const keys = stepsFor(answers, lists);
  if (at === 'result' && complete(answers, lists))
    return <Verdict lists={lists} answers={answers} restart={() => set({ region: answers.region }, 0)} />;
  const i = at === 'result' ? firstOpen(answers, lists) : Math.min(at, keys.length - 1);
  const key = keys[i];
  const choose = (value: string) => {
    const next: Answers = { ...answers, [key]: value };
    if (key === 'region') {
      setRegion(value);
      if (value !== answers.region) next.district = undefined;
    }
    const nextKeys = stepsFor(next, lists);
    for (const k of Object.keys(next) as Key[]) if (!nextKeys.includes(k)) delete next[k];
    const pos = nextKeys.indexOf(key) + 1;
    set(next, pos >= nextKeys.length ? 'result' : pos);
  };
  const back = i > 0 ? () => set(answers, i - 1) : undefined;
  const step = { n: i + 1, total: keys.length, onBack: back };
  const region = lists.regions.find((r) => r.id === answers.region);

  switch (key) {
    case 'region':
      return (
        <Step {...step} question="老人在哪里参加医保？" hint="选参保的城市，不一定是现在住的地方。">
          <Choices items={lists.regions} selected={answers.region} choose={choose} />
        </Step>
      );
    case 'district':
      return (
        <Step {...step} question={`在${region?.name ?? ''}的哪个区县参保？`}>
          <Choices items={region?.districts ?? []} selected={answers.district} choose={choose} />
        </Step>
      );
    case 'insurance':
      return (
        <Step {...step} question="老人参加的是哪种医保？" hint="不清楚的话，可以看医保卡或问单位、社区。">
          <Choices items={lists.insurance} selected={answers.insurance} choose={choose} />
        </Step>
      );
    case 'cause':
      return (
        <Step {...step} question="老人为什么需要别人照顾？">
          {lists.causes.map((x) => (
            <Btn key={x.id} kind="choice" hint={x.hint} selected={x.id === answers.cause} onClick={() => choose(x.id)}>
              {x.name}
            </Btn>
          ))}
        </Step>
      );
    case 'months':
      return <Months step={step} value={answers.months} choose={choose} />;
    case 'grade':
      return (
        <Step {...step} question="已经做过失能等级评估了吗？" hint="评估结论通知书上写着等级。">
          <Btn kind="choice" selected={answers.grade === 'none'} onClick={() => choose('none')}>
            还没有评估过
          </Btn>
          {lists.grades.map((g) => (
            <Btn key={g.id} kind="choice" selected={g.id === answers.grade} onClick={() => choose(g.id)}>
              评估结论是：{g.name}
            </Btn>
          ))}
        </Step>
      );
    default:
      return null;
  }
}

function Months({
  step,
  value,
  choose,
}: {
  step: { n: number; total: number; onBack?: () => void };
  value?: string;
  choose: (v: string) => void;
}) {
  const [text, setText] = useState(value && value !== 'x' ? value : '');
  const [problem, setProblem] = useState('');
  const ok = () => {
    const t = text.trim();
    if (!/^\d{1,4}$/.test(t)) {
      setProblem('请填写一个整数，单位是“月”，例如 8；一年就填 12。');
      return;
    }
    choose(String(Number(t)));
  };
  return (
    <Step
      {...step}
      question="老人需要别人照顾，到现在大约多少个月了？"
      hint="从生病或受伤、开始需要别人照顾的时候算起。"
    >
      <View className="field">
        <View className="field-label" {...attrs({ id: 'months-label' })}>
          大约几个月
        </View>
        <Input
          className="input"
          type="number"
          value={text}
          placeholder="例如 8"
          onInput={(e) => setText(e.detail.value)}
          {...attrs({ 'aria-labelledby': 'months-label' })}
        />
        {problem && (
          <View className="problem" {...attrs({ role: 'alert' })}>
            {problem}
          </View>
        )}
      </View>
      <Btn kind="primary" onClick={ok}>
        下一步
      </Btn>
      <Btn kind="choice" onClick={() => choose('x')}>
        说不清多长时间
      </Btn>
    </Step>
  );
}

function Verdict({ lists, answers, restart }: { lists: Lists; answers: Answers; restart: () => void }) {
  const body = bodyOf(answers);
  const res = useApi(() => post<EligibilityAnswer>('/eligibility', body), [JSON.stringify(body)]);
  useShareAppMessage(() => ({ title: '长护险：能不能申请', path: pageUrl(PATH, paramsOf(answers)) }));
  const region = lists.regions.find((r) => r.id === answers.region);
  const name = (list: Named[], id?: string) => list.find((x) => x.id === id)?.name ?? '';
  const rows: [string, string][] = [
    ['参保地', region?.name ?? ''],
    ...(answers.district ? ([['区县', name(region?.districts ?? [], answers.district)]] as [string, string][]) : []),
    ['医保类型', name(lists.insurance, answers.insurance)],
    ['需要照顾的原因', name(lists.causes, answers.cause)],
    ...(answers.months !== undefined && stepsFor(answers, lists).includes('months')
      ? ([['已经多久', answers.months !== 'x' ? `约 ${answers.months} 个月` : '说不清']] as [string, string][])
      : []),
    ['失能等级评估', answers.grade === 'none' ? '还没有评估' : name(lists.grades, answers.grade)],
  ];
  return (
    <View className="result">
      <Summary what="能不能申请长护险" rows={rows} />
      {res.loading && <Loading what="正在查政策" />}
      {res.error && <Failure error={res.error} retry={res.reload} />}
      {res.data && (
        <>
          <View className={`card verdict verdict-${res.data.verdict}`} {...attrs({ role: 'status' })}>
            <View className="verdict-mark" {...attrs({ 'aria-hidden': true })}>
              {VERDICT[res.data.verdict].mark}
            </View>
            <View className="verdict-text" {...heading(2)}>
              {VERDICT[res.data.verdict].text}
            </View>
          </View>
          {GROUPS.map((g) => {
            const list = res.data!.reasons.filter(g.test);
            if (list.length === 0) return null;
            return (
              <View className={`card reasons ${g.cls}`} key={g.cls}>
                <View className="card-title" {...heading(2)}>
                  {g.title}
                </View>
                {list.map((r, i) => (
                  <View className="reason" key={i}>
                    <View className="reason-mark">{g.mark}</View>
                    <View className="reason-text">{r.text}</View>
                    {r.citation && <Cite cite={r.citation} />}
                  </View>
                ))}
              </View>
            );
          })}
          <View className="card next">
            <View className="card-title" {...heading(2)}>
              下一步怎么办
            </View>
            {res.data.nextSteps.map((s, i) => (
              <View className="next-step" key={i}>
                {i + 1}. {s}
              </View>
            ))}
            <View className="no-print">
              {answers.grade === 'none' && (
                <>
                  <Btn kind="choice" onClick={() => go('/check/screen/index', { region: answers.region })}>
                    做申请前自评（六个问题）
                  </Btn>
                  <Btn kind="choice" onClick={() => go('/check/selfcheck/index')}>
                    估一估失能等级（17个问题）
                  </Btn>
                  <Btn kind="choice" onClick={() => go('/more/assess/index', { region: answers.region })}>
                    怎么申请评估
                  </Btn>
                </>
              )}
              <Btn
                kind="choice"
                onClick={() =>
                  go('/cost/compare/index', {
                    region: answers.region,
                    district: answers.district,
                    grade: answers.grade === 'none' ? undefined : answers.grade,
                  })
                }
              >
                看看要花多少钱
              </Btn>
            </View>
          </View>
          <TakeAway path={PATH} params={paramsOf(answers)} />
          <WrongAnswer
            topic="eligibility"
            page={pageUrl(PATH, paramsOf(answers))}
            region={answers.region}
            inputs={body}
            answer={res.data}
          />
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
