// Getting ready for the assessor's visit: the papers to have at hand, who should be at home, and what the
// assessor will look at — the items of the national standard as the server gives them (GET
// /self-check/questions, from the rules module), never a list of our own. Ticks stay on the phone.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { go, useParams } from '../../lib/nav';
import { useApi } from '../../lib/useApi';
import { dayWords, kindName, type Application, type Material } from '../shared';
import '../apply.css';

interface Questions {
  source: string;
  domains: { id: string; name: string; items: { id: string; name: string; question: string }[] }[];
}

const PAPERS = [
  { id: 'id-card', text: '老人的身份证原件' },
  { id: 'insurance-card', text: '老人的医保卡（社保卡）' },
  { id: 'medical-record', text: '近期的病历、出院小结、诊断证明，和正在吃的药' },
  { id: 'agent-id', text: '代办人（家属或社区工作人员）的身份证' },
];
const PEOPLE = [
  { id: 'elder', text: '老人本人在家（评估人员要当面看老人的情况）' },
  { id: 'carer', text: '最了解老人日常起居的家人或照护人在场，能说清老人平时吃饭、上厕所、夜里睡觉的情况' },
  { id: 'phone', text: '留的联系手机保持畅通，评估人员会提前打电话约时间' },
];

const TICKS = 'changhu.apply.prepare';
function readTicks(id: string): string[] {
  try {
    const all = JSON.parse(Taro.getStorageSync(TICKS) || '{}') as Record<string, string[]>;
    return all[id] ?? [];
  } catch {
    return [];
  }
}
function writeTicks(id: string, ticks: string[]): void {
  try {
    const all = JSON.parse(Taro.getStorageSync(TICKS) || '{}') as Record<string, string[]>;
    Taro.setStorageSync(TICKS, JSON.stringify({ ...all, [id]: ticks }));
  } catch {
    // Ticks last for this visit only.
  }
}

export default function Prepare() {
  const { id, submitted } = useParams();
  const loaded = useApi(
    () =>
      Promise.all([
        get<Application>(`/applications/${id}`),
        get<Material[]>(`/applications/${id}/materials`),
        get<Questions>('/self-check/questions'),
      ]),
    [id],
  );
  const [ticks, setTicks] = useState(() => readTicks(id));
  const toggle = (key: string) => {
    const next = ticks.includes(key) ? ticks.filter((t) => t !== key) : [...ticks, key];
    setTicks(next);
    writeTicks(id, next);
  };
  if (loaded.error)
    return (
      <Page title="准备上门评估">
        <Failure error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title="准备上门评估">
        <Loading />
      </Page>
    );
  const [app, materials, questions] = loaded.data;
  const uploaded = new Set(materials.map((m) => m.kind));
  const tick = (key: string, text: string, hint?: string) => (
    <Btn key={key} kind="choice" selected={ticks.includes(key)} hint={hint} onClick={() => toggle(key)}>
      {text}
    </Btn>
  );
  return (
    <Page title="准备上门评估">
      {submitted && (
        <View className="card done-box" {...attrs({ role: 'status' })}>
          ✓ {app.person.name}的申请已经提交。经办机构受理后会安排评估人员上门，进度会发到“消息”里。
        </View>
      )}
      <View className="card">
        <View className="lead">
          {app.scheduledFor
            ? `上门评估安排在${dayWords(app.scheduledFor)}。`
            : '上门的日子定下来后，这里和“消息”里都会告诉您。'}
          下面这些事可以先准备好，准备好一项就点一下打个勾。
        </View>
      </View>
      <View className="card">
        <View className="card-title" {...heading(2)}>
          备好这些证件和材料
        </View>
        {PAPERS.map((p) =>
          tick(`paper:${p.id}`, p.text, uploaded.has(p.id) ? `已上传过${kindName(p.id)}，原件也请备好` : undefined),
        )}
      </View>
      <View className="card">
        <View className="card-title" {...heading(2)}>
          评估那天谁在家
        </View>
        {PEOPLE.map((p) => tick(`people:${p.id}`, p.text))}
      </View>
      <View className="card assessor-items">
        <View className="card-title" {...heading(2)}>
          评估人员会看哪些方面
        </View>
        <View className="muted">
          依据{questions.source}。评估人员会请老人做一做、问一问，请照实回答，不用夸大也不要隐瞒。
        </View>
        {questions.domains.map((d) => (
          <View key={d.id} className="domain">
            <View className="section-title" {...heading(3)}>
              {d.name}
            </View>
            <View className="domain-items">{d.items.map((i) => i.name).join('、')}</View>
          </View>
        ))}
        <Btn kind="choice" onClick={() => go('/check/selfcheck/index')} hint="按同样的项目，先自己估一估">
          先做一次自测
        </Btn>
      </View>
      <Btn kind="primary" onClick={() => go('/apply/detail/index', { id: app.id })}>
        看办理进度
      </Btn>
    </Page>
  );
}
