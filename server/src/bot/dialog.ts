// The dialog policy: one user message in, one reply out, over the conversation's stored state. Pure apart
// from the lookups the environment gives it (agents, providers, the user's applications).
import { addDays, chineseDate, chineseMonth, CARE_MODE_NAMES, REGION_NAMES, type CareModeId } from '@changhu/rules';
import type { Classification, Entity, IntentId } from '@changhu/intents';
import { maskPhone } from '../lib/personal';
import { FORMS, formOfIntent, nextStep, type FormId, type FormSpec } from './forms';
import { reply, type Reply } from './replies';
import {
  choicesFor,
  DONT_KNOW,
  fillFromEntities,
  parseAnswer,
  questionFor,
  SLOT_LABELS,
  slotOfEntity,
  slotValueText,
  type SlotName,
  type Slots,
} from './slots';

export interface DialogState {
  /** The form being filled, or the last one answered (follow-ups change one slot of it). */
  form?: FormId;
  /** The slot the bot asked for last. */
  awaiting?: SlotName;
  /** Optional slots the person could not tell. */
  skipped?: SlotName[];
  answered?: boolean;
  /** The callback offer in progress, when no agent was available. */
  callback?: { step: 'phone' | 'window'; phone?: string; windows?: string[] };
}

export interface ConversationState {
  slots: Slots;
  dialog: DialogState;
  /** Answers in a row that did not help. */
  unhelpful: number;
}

export interface ApplicationBrief {
  personName: string;
  stateName: string;
  updatedAt: string;
  benefitStartMonth: string | null;
  objectionDeadline: string | null;
}

export interface ProviderBrief {
  name: string;
  address: string;
  freePlaces: number;
  careModeNames: string[];
}

export interface DialogEnv {
  today: string;
  now: Date;
  /** The signed-in user's phone (offered for a callback), null when anonymous. */
  userPhone: string | null;
  /** Agent-assist: answer the question only, never hand off or look up the caller's data. */
  assist?: boolean;
  agentsAvailable(): Promise<number>;
  findProviders(q: { region: string; district?: string; mode?: CareModeId }): Promise<ProviderBrief[]>;
  /** The signed-in user's applications; null when nobody is signed in. */
  myApplications(): Promise<ApplicationBrief[] | null>;
}

export interface Turn {
  /** The message with id numbers and phones masked: what the bot reads. */
  text: string;
  /** The message as typed, read only for the phone number of a callback. */
  raw: string;
  classification: Classification;
  entities: Entity[];
}

export interface TurnResult {
  reply: Reply;
  /** Whether the answer helped (false: fallback or a question the bot could not answer). */
  helped: boolean;
  handoff?: { kind: 'chat'; reason: 'asked' | 'unhelpful' };
  callback?: { phone: string; window: string };
  /** The computed answer of a form, stored with the conversation for the agent. */
  result?: { form: FormId; title: string; input: unknown; output: unknown; at: string };
}

const HELP_TOPICS = ['能不能享受待遇', '估算每月费用', '怎么申请评估', '转人工'];
const HELP_TEXT =
  '我可以帮您：看老人能不能享受长护险待遇、估算每月护理费用、讲解护理方式和失能评估标准、' +
  '算申请复评的最后期限和待遇从哪个月开始、查找定点护理机构；登录后还能查申请进度。';
const SKIP_RE = /不清楚|不知道|不确定|没评估|还没|跳过|不记得/u;
const CANCEL_RE = /不用了|算了|取消|不需要/u;
const HANDOFF_REPEAT = 2;

/** Near-domain questions the bot must not answer, and where to ask instead. */
const ELSEWHERE: { re: RegExp; text: string }[] = [
  {
    re: /报销|门诊|住院费|医保卡|医保码|药费|买药|医保缴费|异地就医/u,
    text: '看病报销、医保卡、医保缴费这类问题，请咨询当地医保经办机构，或拨打全国医疗保障服务热线12393。',
  },
  {
    re: /养老金|退休金|养老保险|社保卡|社保缴费|失业|工伤|生育/u,
    text: '养老金、社保这类问题，请咨询当地社保经办机构，或拨打全国人社服务热线12333。',
  },
];

const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s);

/** Time windows for a callback: the next three half days in Beijing time (working hours), dated. */
export function callbackWindows(now: Date, today: string): string[] {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
  const halves: string[] = [];
  for (let d = 0; d < 3; d++) {
    const day =
      chineseDate(addDays(today, d)).replace(/^\d+年/, '') + (d === 0 ? '（今天）' : d === 1 ? '（明天）' : '');
    if (d > 0 || hour < 9) halves.push(`${day}上午9:00-12:00`);
    if (d > 0 || hour < 14) halves.push(`${day}下午14:00-17:00`);
  }
  return halves.slice(0, 3);
}

export async function respond(state: ConversationState, turn: Turn, env: DialogEnv): Promise<TurnResult> {
  const d = state.dialog;
  const { intent } = turn.classification;

  if (d.callback && !env.assist) {
    const r = callbackStep(state, turn.raw, env);
    if (r) return r;
  }
  if (intent === 'agent.handoff') return handoff(state, 'asked', env);

  const current = d.form ? FORMS[d.form] : undefined;
  const dateSlot = (formOfIntent(intent) ?? current)?.dateSlot;
  const changed = fillFromEntities(state.slots, turn.entities, dateSlot);

  // The answer to the question just asked, when no entity gave it (a quick reply said back, a bare number).
  let answeredAwaiting = false;
  if (d.awaiting) {
    if (changed.includes(d.awaiting)) answeredAwaiting = true;
    else {
      const v = parseAnswer(d.awaiting, turn.text, state.slots, env.today.slice(0, 7));
      if (v !== undefined) {
        state.slots[d.awaiting] = v;
        changed.push(d.awaiting);
        answeredAwaiting = true;
      } else if (SKIP_RE.test(turn.text) && current?.optional?.[d.awaiting]) {
        d.skipped = [...(d.skipped ?? []), d.awaiting];
        answeredAwaiting = true;
      }
    }
  }

  const target = chooseForm(intent, turn.classification.score, current, changed, answeredAwaiting);
  if (target) {
    if (target !== current) {
      d.form = target.id;
      d.skipped = [];
      d.answered = false;
    }
    return runForm(state, target, env, target === current && d.answered ? changed : []);
  }

  d.awaiting = undefined;
  switch (intent) {
    case 'greeting':
      return done(reply(`您好！我是长护通小助手。${HELP_TEXT}有什么想问的？`, HELP_TOPICS));
    case 'thanks':
      return done(reply('不客气！还有别的问题随时问我。', HELP_TOPICS));
    case 'assessment.apply':
      return done(
        reply(
          '申请失能等级评估：在“长护通”小程序里登记老人的信息，填写失能情况，上传身份证、病历等材料后提交。' +
            '经办机构受理后会安排专业人员上门评估，评估结果公示后会通知您。',
          ['能不能享受待遇', '评估标准是什么', '转人工'],
        ),
      );
    case 'application.status':
      return applicationStatus(env);
    default:
      return fallback(state, turn.text, env);
  }
}

const done = (r: Reply): TurnResult => ({ reply: r, helped: true });

/**
 * Which form a message is for: the slot just asked; a form intent (unless the message only changes a slot
 * the current form has and the intent's form does not, as in "那机构护理呢" after an estimate); or a
 * correction of the current form ("不对，是重度一级") whatever the intent.
 */
function chooseForm(
  intent: IntentId,
  score: number,
  current: FormSpec<unknown> | undefined,
  changed: SlotName[],
  answeredAwaiting: boolean,
): FormSpec<unknown> | undefined {
  if (current && answeredAwaiting) return current;
  const asked = formOfIntent(intent);
  const correction = current !== undefined && changed.some((s) => current.slots.includes(s));
  if (asked && asked !== current) {
    const onlyCurrent = correction && changed.some((s) => !asked.slots.includes(s) && current.slots.includes(s));
    return onlyCurrent || (correction && score < 0.5) ? current : asked;
  }
  if (asked) return asked;
  if (correction && (intent === 'None' || current.slots.some((s) => changed.includes(s)))) return current;
  return undefined;
}

async function runForm(
  state: ConversationState,
  form: FormSpec<unknown>,
  env: DialogEnv,
  corrected: SlotName[],
): Promise<TurnResult> {
  const d = state.dialog;
  const ctx = { today: env.today };
  const step = nextStep(form, state.slots, d.skipped ?? [], ctx);
  const month = env.today.slice(0, 7);
  if (step.kind === 'ask') {
    d.awaiting = step.slot;
    const choices = choicesFor(step.slot, state.slots, month).map((c) => c.label);
    const canSkip = form.optional?.[step.slot] !== undefined;
    const skipLabel = step.slot === 'grade' ? '还没评估' : DONT_KNOW;
    const quick = [...choices.slice(0, 8), ...(canSkip ? [skipLabel] : [])];
    if (step.slot === 'monthlyBillFen') quick.push('2000元', '3500元', '5000元');
    return done(reply((step.problem ? step.problem : '') + questionFor(step.slot), quick));
  }
  d.awaiting = undefined;
  if (step.kind === 'cannot') {
    return { reply: reply(`${step.message}${HELP_TEXT}`, HELP_TOPICS), helped: false };
  }
  const a = step.answer;
  d.answered = true;
  let text = a.text;
  if (a.providerSearch) {
    const found = await env.findProviders(a.providerSearch);
    const q = a.providerSearch;
    const where =
      REGION_NAMES[q.region as keyof typeof REGION_NAMES] + (q.mode ? `提供${CARE_MODE_NAMES[q.mode]}的` : '');
    text = found.length
      ? `${where}定点护理机构有${found.length}家，例如：` +
        found
          .slice(0, 3)
          .map((p, i) => `${i + 1}. ${p.name}（${p.address}，空余名额${p.freePlaces}个）`)
          .join('；') +
        '。在小程序“找机构”里可以看全部机构、评分和距离。'
      : `${where}暂时没有查到定点护理机构，可以向当地医保经办机构咨询。`;
  }
  const prefix = corrected.length
    ? `好的，${corrected
        .filter((s) => state.slots[s] !== undefined)
        .map((s) => `${SLOT_LABELS[s]}改为${slotValueText(s, state.slots[s]!, state.slots, month)}`)
        .join('，')}。`
    : '';
  return {
    reply: { ...reply(prefix + text, a.quickReplies, a.cites) },
    helped: true,
    ...(a.result
      ? { result: { form: form.id, title: form.title, ...a.result, at: env.now.toISOString() } }
      : a.providerSearch
        ? {
            result: {
              form: form.id,
              title: form.title,
              input: a.providerSearch,
              output: null,
              at: env.now.toISOString(),
            },
          }
        : {}),
  };
}

async function applicationStatus(env: DialogEnv): Promise<TurnResult> {
  if (env.assist) {
    return done(reply('来电人的申请请在本页“查询来电人的申请”里按姓名或身份证号查找，小助手不查个人信息。'));
  }
  const apps = await env.myApplications();
  if (apps === null) {
    return done(
      reply('查询申请进度需要先登录：在“长护通”小程序里用手机号和短信验证码登录，再来问我，我就能查到您办理的申请。', [
        '怎么申请评估',
        '转人工',
      ]),
    );
  }
  if (apps.length === 0) {
    return done(reply('您的账号下还没有失能评估申请。需要申请的话，我可以告诉您怎么办。', ['怎么申请评估']));
  }
  const lines = apps.slice(0, 3).map((a) => {
    let s = `${a.personName}的失能评估申请：${a.stateName}（${chineseDate(a.updatedAt)}更新）`;
    if (a.benefitStartMonth) s += `，待遇从${chineseMonth(a.benefitStartMonth)}开始`;
    if (a.objectionDeadline) s += `，如对评估结论有异议，最晚${chineseDate(a.objectionDeadline)}申请复评`;
    return s + '。';
  });
  return done(reply(lines.join(''), ['转人工']));
}

async function fallback(state: ConversationState, text: string, env: DialogEnv): Promise<TurnResult> {
  const elsewhere = ELSEWHERE.find((e) => e.re.test(text));
  if (!env.assist && state.unhelpful + 1 >= HANDOFF_REPEAT) return handoff(state, 'unhelpful', env);
  return {
    reply: reply((elsewhere ? elsewhere.text : '这个问题我回答不了。') + HELP_TEXT, HELP_TOPICS),
    helped: false,
  };
}

async function handoff(state: ConversationState, reason: 'asked' | 'unhelpful', env: DialogEnv): Promise<TurnResult> {
  const d = state.dialog;
  d.awaiting = undefined;
  if (env.assist) return done(reply('（来电人要求人工服务：您就是人工客服，可以直接回答。）'));
  const lead = reason === 'unhelpful' ? '抱歉，我没能帮上忙。' : '';
  if ((await env.agentsAvailable()) > 0) {
    return {
      reply: reply(
        `${lead}正在为您转接人工客服，请稍候。刚才的对话和您告诉我的情况会一起转给客服，不用再说一遍；客服会在这里回复您。`,
      ),
      helped: true,
      handoff: { kind: 'chat', reason },
    };
  }
  d.callback = { step: 'phone' };
  const quick = [...(env.userPhone ? [`用登录的手机号${maskPhone(env.userPhone)}`] : []), '不用了'];
  return {
    reply: reply(
      `${lead}现在没有客服在线。可以留下手机号和方便接电话的时间，客服会给您回电。请问回电打哪个号码？`,
      quick,
    ),
    helped: true,
  };
}

/** The callback offer: a phone, then a time window; null when the message is about something else. */
function callbackStep(state: ConversationState, text: string, env: DialogEnv): TurnResult | null {
  const d = state.dialog;
  const cb = d.callback!;
  if (CANCEL_RE.test(text)) {
    d.callback = undefined;
    return done(reply('好的，不安排回电了。还有什么可以帮您？', HELP_TOPICS));
  }
  if (cb.step === 'phone') {
    const digits = text.replace(/[\s-]/g, '').match(/1[3-9]\d{9}/)?.[0];
    const phone = digits && isMobile(digits) ? digits : /登录的手机号/.test(text) ? env.userPhone : null;
    if (!phone) {
      return done(reply('请留一个11位的手机号，客服会打这个号码给您回电。', ['不用了']));
    }
    const windows = callbackWindows(env.now, env.today);
    d.callback = { step: 'window', phone, windows };
    return done(reply(`好的，回电号码${maskPhone(phone)}。什么时间方便接电话？`, [...windows, '不用了']));
  }
  const windows = cb.windows ?? callbackWindows(env.now, env.today);
  const chosen = windows.find((w) => text.includes(w) || w.startsWith(text.trim())) ?? null;
  if (!chosen) return done(reply('请选一个方便接电话的时间段。', [...windows, '不用了']));
  d.callback = undefined;
  return {
    reply: reply(
      `好的，已经登记回电：客服会在${chosen}拨打${maskPhone(cb.phone!)}联系您。` +
        '刚才的对话和您告诉我的情况会一起转给客服，不用再说一遍。在这之前，您也可以继续问我。',
      HELP_TOPICS,
    ),
    helped: true,
    callback: { phone: cb.phone!, window: chosen },
  };
}

/** Which slot an entity of this message would fill (for the agent's per-message view). */
export function slotsOfEntities(entities: readonly Entity[], form?: FormId): SlotName[] {
  const dateSlot = form ? FORMS[form].dateSlot : undefined;
  return entities.map((e) => slotOfEntity(e, dateSlot)).filter((s): s is SlotName => s !== undefined);
}
