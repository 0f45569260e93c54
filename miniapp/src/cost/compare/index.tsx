// "What will it cost?": grade, region, district and the monthly bill as people type it, then every care
// mode the region offers side by side with the server's numbers (POST /comparisons), and the modes it
// does not offer. Nothing here computes an amount: the server does.
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
import { parseYuan, percent, yuan } from '../../lib/money';
import { pageUrl, useParams, type Params } from '../../lib/nav';
import { getRegion, setRegion } from '../../lib/settings';
import type { Cite as CiteT, Comparison, Estimate, Named, Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';

const PATH = '/cost/compare/index';

interface Answers {
  region?: string;
  district?: string;
  /** 'none' = not assessed yet or not known. */
  grade?: string;
  /** Integer fen. */
  bill?: string;
}
type Key = keyof Answers;

/** Words for the notes that change how a number is to be read. */
const NOTE_TAGS: Record<string, string> = {
  'draft-document': '征求意见稿',
  'document-expired': '文件已过期',
  'set-locally': '由当地确定',
  prorated: '按天折算',
  indicative: '仅供参考',
  'no-document': '没有政策文件',
  'coverage-assumed': '按假设估算',
};

function stepsFor(a: Answers, regions: Region[]): Key[] {
  const region = regions.find((r) => r.id === a.region);
  return region && region.districts.length === 0
    ? ['region', 'grade', 'bill']
    : ['region', 'district', 'grade', 'bill'];
}

export default function Compare() {
  const params = useParams();
  const lists = useApi(
    () =>
      Promise.all([get<Region[]>('/regions'), get<Named[]>('/grades')]).then(([regions, grades]) => ({
        regions,
        grades,
      })),
    [],
  );
  const [answers, setAnswers] = useState<Answers>(
    params.region
      ? { region: params.region, district: params.district, grade: params.grade, bill: params.bill }
      : { region: getRegion() || undefined },
  );
  const [at, setAt] = useState<number | 'result'>(params.region && params.bill ? 'result' : 0);
  const set = (a: Answers, next: number | 'result') => {
    setAnswers(a);
    setAt(next);
  };
  return (
    <Page title="要花多少钱">
      <Consent>
        {lists.loading && <Loading />}
        {lists.error && <Failure error={lists.error} retry={lists.reload} />}
        {lists.data && <Flow {...lists.data} answers={answers} at={at} set={set} />}
      </Consent>
    </Page>
  );
}

function Flow({
  regions,
  grades,
  answers,
  at,
  set,
}: {
  regions: Region[];
  grades: Named[];
  answers: Answers;
  at: number | 'result';
  set: (a: Answers, next: number | 'result') => void;
}) {
  const keys = stepsFor(answers, regions);
  const complete = keys.every((k) => answers[k] !== undefined);
  if (at === 'result' && complete)
    return <Result regions={regions} grades={grades} answers={answers} again={() => set(answers, keys.length - 1)} />;
  const i = at === 'result' ? 0 : Math.min(at, keys.length - 1);
  const key = keys[i];
  const region = regions.find((r) => r.id === answers.region);
  const choose = (value: string) => {
    const next: Answers = { ...answers, [key]: value };
    if (key === 'region') {
      setRegion(value);
      if (value !== answers.region) next.district = undefined;
    }
    const nextKeys = stepsFor(next, regions);
    if (!nextKeys.includes('district')) delete next.district;
    const pos = nextKeys.indexOf(key) + 1;
    set(next, pos >= nextKeys.length ? 'result' : pos);
  };
  const step = { n: i + 1, total: keys.length, onBack: i > 0 ? () => set(answers, i - 1) : undefined };
  switch (key) {
    case 'region':
      return (
        <Step {...step} question="老人在哪里参加医保？">
          <Choices items={regions} selected={answers.region} choose={choose} />
        </Step>
      );
    case 'district':
      return (
        <Step {...step} question={`在${region?.name ?? ''}的哪个区县参保？`}>
          <Choices items={region?.districts ?? []} selected={answers.district} choose={choose} />
        </Step>
      );
    case 'grade':
      return (
        <Step {...step} question="评估的失能等级是？" hint="还没评估的话，选“还没有评估”，结果会说明按什么估算。">
          <Choices items={grades} selected={answers.grade} choose={choose} />
          <Btn kind="choice" selected={answers.grade === 'none'} onClick={() => choose('none')}>
            还没有评估 / 不知道
          </Btn>
        </Step>
      );
    default:
      return <Bill step={step} fen={answers.bill} choose={choose} />;
  }
}

function Bill({
  step,
  fen,
  choose,
}: {
  step: { n: number; total: number; onBack?: () => void };
  fen?: string;
  choose: (v: string) => void;
}) {
  const [text, setText] = useState(fen ? yuan(Number(fen)).replace('¥', '') : '');
  const [problem, setProblem] = useState('');
  const ok = () => {
    const r = parseYuan(text);
    if ('error' in r) setProblem(r.error);
    else choose(String(r.fen));
  };
  return (
    <Step {...step} question="每月护理大约要花多少钱？" hint="护理机构或护理员每月收的护理费，单位是元。">
      <View className="field">
        <View className="field-label" {...attrs({ id: 'bill-label' })}>
          每月护理费（元）
        </View>
        <Input
          className="input"
          type="text"
          value={text}
          placeholder="例如 3500"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={ok}
          {...attrs({ 'aria-labelledby': 'bill-label', inputmode: 'decimal' })}
        />
        {problem && (
          <View className="problem" {...attrs({ role: 'alert' })}>
            {problem}
          </View>
        )}
      </View>
      <Btn kind="primary" onClick={ok}>
        算一算
      </Btn>
    </Step>
  );
}

function Result({
  regions,
  grades,
  answers,
  again,
}: {
  regions: Region[];
  grades: Named[];
  answers: Answers;
  again: () => void;
}) {
  const body = {
    region: answers.region,
    ...(answers.district ? { district: answers.district } : {}),
    ...(answers.grade && answers.grade !== 'none' ? { grade: answers.grade } : {}),
    monthlyBillFen: Number(answers.bill),
  };
  const res = useApi(() => post<Comparison>('/comparisons', body), [JSON.stringify(body)]);
  const params = { ...answers } as Params;
  useShareAppMessage(() => ({ title: '长护险：要花多少钱', path: pageUrl(PATH, params) }));
  const region = regions.find((r) => r.id === answers.region);
  const rows: [string, string][] = [
    ['参保地', region?.name ?? ''],
    ...(answers.district
      ? ([['区县', region?.districts.find((d) => d.id === answers.district)?.name ?? '']] as [string, string][])
      : []),
    [
      '失能等级',
      answers.grade === 'none' ? '还没有评估 / 不知道' : (grades.find((g) => g.id === answers.grade)?.name ?? ''),
    ],
    ['每月护理费', yuan(Number(answers.bill))],
  ];
  return (
    <View className="result">
      <Summary what="要花多少钱" rows={rows} />
      {res.loading && <Loading what="正在计算" />}
      {res.error && <Failure error={res.error} retry={res.reload} />}
      {res.data && (
        <>
          <View className="muted">按{res.data.month.replace('-', '年')}月的政策估算。每种护理方式并排比较：</View>
          {res.data.modes.length === 0 && <View className="card">这个月当地没有可以享受待遇的护理方式。</View>}
          {res.data.modes.map((m) => (
            <ModeCard key={m.name} name={m.name} e={m.estimate} />
          ))}
          {res.data.notOffered.length > 0 && (
            <View className="card not-offered">
              <View className="card-title" {...heading(2)}>
                当地不提供的护理方式
              </View>
              <View>✗ {res.data.notOffered.map((m) => m.name).join('、')}</View>
            </View>
          )}
          <TakeAway path={PATH} params={params} />
          <WrongAnswer
            topic="comparison"
            page={pageUrl(PATH, params)}
            region={answers.region}
            inputs={body}
            answer={res.data}
          />
          <View className="no-print">
            <Btn kind="plain" onClick={again}>
              换一个金额再算
            </Btn>
          </View>
        </>
      )}
    </View>
  );
}

function ModeCard({ name, e }: { name: string; e: Estimate }) {
  const money = (fen: number | null | undefined, none: string) =>
    fen === null || fen === undefined ? none : yuan(fen);
  const cites: CiteT[] = [];
  for (const c of e.citations) if (!cites.some((x) => x.doc === c.doc && x.clause === c.clause)) cites.push(c);
  return (
    <View className="card mode" {...attrs({ role: 'group', 'aria-label': name })}>
      <View className="card-title mode-name" {...heading(2)}>
        {name}
      </View>
      <View className="row">
        <View className="row-key">医保基金付</View>
        <View className="row-value strong fund">{money(e.fundPaysFen, '由当地确定')}</View>
      </View>
      <View className="row">
        <View className="row-key">自己付</View>
        <View className="row-value strong own">{money(e.personPaysFen, '由当地确定')}</View>
      </View>
      <View className="row">
        <View className="row-key">基金支付比例</View>
        <View className="row-value ratio">{e.fundRatio === null ? '由当地确定' : percent(e.fundRatio)}</View>
      </View>
      <View className="row">
        <View className="row-key">每月限额</View>
        <View className="row-value cap">{money(e.monthlyCapFen, '文件没有写，由当地确定')}</View>
      </View>
      {e.proratedCapFen !== undefined && (
        <View className="row">
          <View className="row-key">按天折算的限额</View>
          <View className="row-value">{yuan(e.proratedCapFen)}</View>
        </View>
      )}
      {e.indicative && e.indicativeFundPaysFen !== undefined && (
        <View className="row">
          <View className="row-key">参考：基金约付</View>
          <View className="row-value">{yuan(e.indicativeFundPaysFen)}</View>
        </View>
      )}
      {e.notes.map((n, i) => (
        <View className="note" key={i}>
          <View className="tag">{NOTE_TAGS[n.code] ?? '说明'}</View>
          {n.text}
        </View>
      ))}
      {cites.map((c) => (
        <Cite key={c.doc + c.clause} cite={c} />
      ))}
    </View>
  );
}
