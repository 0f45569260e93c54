// One declarative form per answerable question (Rasa forms): the slots it may use, and the rules' decision
// that answers it. Which slots it asks is not listed here: the rules say it. A slot is asked when
//  - the decision refuses to answer without it (RulesInputError naming the field), or
//  - it is one the form may ask (`optional`) and the decision's answer differs between its values,
// so a region whose rule does not look at the grade is never asked for one, and a new rule changes the
// questions by itself.
import { z } from 'zod';
import {
  benefitStart,
  careConditions,
  chineseDate,
  chineseMonth,
  contributions,
  DateSchema,
  eligibility,
  estimate,
  fromZodError,
  getClause,
  GRADE_IDS,
  GRADE_NAMES,
  INSURANCE_NAMES,
  MODES_OFFERED,
  modeName,
  objectionDeadline,
  offeredModes,
  REGION_NAMES,
  RegionSchema,
  RulesInputError,
  segmentAt,
  STANDARD_SOURCE,
  yuanText,
  findDistrict,
  firstDayOf,
  type CareModeId,
  type Cite,
  type DocId,
  type EligibilityResult,
  type EstimateResult,
  type GradeId,
  type InsuranceId,
  type Note,
  type RegionId,
} from '@changhu/rules';
import type { IntentId } from '@changhu/intents';
import { basisText, firstSentence, noteSentences } from './replies';
import { choicesFor, type SlotName, type Slots } from './slots';

export const FORM_IDS = [
  'estimate',
  'eligibility',
  'contribution',
  'benefit-start',
  'objection',
  'caremode',
  'standard',
  'suspension',
  'provider',
] as const;
export type FormId = (typeof FORM_IDS)[number];

export interface FormContext {
  today: string;
}

/** An answer: the words, the clauses, follow-ups to offer, and what was computed (kept for the agent). */
export interface FormAnswer {
  text: string;
  cites: Cite[];
  quickReplies: string[];
  /** The rules' input and output, stored with the conversation for the agent. */
  result?: { input: unknown; output: unknown };
  /** The provider search this form needs (done by the dialog, which has the database). */
  providerSearch?: { region: RegionId; district?: string; mode?: CareModeId };
}

export interface FormSpec<R> {
  id: FormId;
  intent: IntentId;
  /** What the answer is about, for the agent's view. */
  title: string;
  /** Every slot the form may use, in the order it asks them. */
  slots: readonly SlotName[];
  /** Slots asked only when the answer depends on them, with the values to try (default: their choices). */
  optional?: Partial<Record<SlotName, readonly (string | number)[] | 'choices'>>;
  /** Values used only to find what else the rules need before asking for these (never shown). */
  probe?: Slots;
  /** The slot a date in the message fills. */
  dateSlot?: SlotName;
  /** Computes with the rules; throws RulesInputError naming what is missing. */
  compute(slots: Slots, ctx: FormContext): R;
  /** What tells two answers apart (for `optional`). */
  fingerprint?(result: R): string;
  answer(result: R, slots: Slots, ctx: FormContext): FormAnswer;
}

const need = <T extends z.ZodType>(schema: T, raw: unknown): z.output<T> => {
  const r = schema.safeParse(raw);
  if (!r.success) throw fromZodError(r.error);
  return r.data;
};
const regionOnly = z.object({ region: RegionSchema });
const regionOf = (slots: Slots): RegionId => need(regionOnly, { region: slots.region }).region;
const monthOfDay = (day: string) => day.slice(0, 7);
const placeText = (slots: Slots) =>
  REGION_NAMES[slots.region as RegionId] + (slots.district ? (findDistrict(String(slots.district))?.name ?? '') : '');

function noteText(notes: readonly Pick<Note, 'code' | 'text'>[]): string {
  return noteSentences(notes).join('');
}

const estimateForm: FormSpec<EstimateResult> = {
  id: 'estimate',
  intent: 'cost.estimate',
  title: '费用估算',
  slots: ['region', 'careMode', 'grade', 'hospitalTier', 'insurance', 'district', 'monthlyBillFen'],
  optional: { insurance: 'choices', district: 'choices' },
  probe: { monthlyBillFen: 0 },
  compute: (s, { today }) =>
    estimate(
      {
        region: s.region,
        district: s.district,
        insurance: s.insurance,
        careMode: s.careMode,
        grade: s.grade,
        hospitalTier: s.hospitalTier,
        monthlyBillFen: s.monthlyBillFen,
      },
      { today },
    ),
  fingerprint: (r) =>
    JSON.stringify([
      r.monthlyCapFen,
      r.eligibleCostFen,
      r.fundPaysFen,
      r.personPaysFen,
      r.indicativeFundPaysFen,
      [...new Set(r.notes.map((n) => n.code))].sort(),
    ]),
  answer(r, s, { today }) {
    const region = s.region as RegionId;
    const mode = s.careMode as CareModeId;
    const who = [
      placeText(s),
      s.insurance ? INSURANCE_NAMES[s.insurance as InsuranceId] : null,
      modeName(region, mode),
      s.grade ? GRADE_NAMES[s.grade as GradeId] : null,
    ]
      .filter(Boolean)
      .join('、');
    const bill = yuanText(s.monthlyBillFen as number);
    const head = `按${who}，每月护理费用${bill}估算（${chineseMonth(r.month)}）：`;
    let amounts: string;
    if (r.fundPaysFen !== null && r.personPaysFen !== null) {
      amounts = `长护险基金支付${yuanText(r.fundPaysFen)}，个人负担${yuanText(r.personPaysFen)}。`;
    } else if (r.indicative && r.indicativeFundPaysFen !== undefined) {
      amounts = `基金大约支付${yuanText(r.indicativeFundPaysFen)}，只是参考数，具体以当地规定为准。`;
    } else {
      amounts = '规则库里没有这里的支付标准，暂时算不出具体金额。';
    }
    const others = offeredModes(region, monthOfDay(today))
      .filter((m) => m !== mode)
      .slice(0, 2)
      .map((m) => `那${modeName(region, m)}呢`);
    return {
      text: head + amounts + noteText(r.notes) + basisText(r.citations),
      cites: r.citations,
      quickReplies: [...others, '转人工'],
      result: { input: { ...s }, output: r },
    };
  },
};

const VERDICT_TEXT: Record<EligibilityResult['verdict'], string> = {
  eligible: '按您说的情况，可以享受长护险待遇。',
  'not-eligible': '按您说的情况，现在还不能享受长护险待遇。',
  'apply-for-assessment': '按您说的情况，下一步是先申请失能等级评估，评估通过后才能享受待遇。',
  unknown: '按规则库里的文件还不能确定，需要当地医保经办机构确认。',
};
const QUIET_REASONS = ['covered', 'grade-eligible', 'duration-met', 'assessment-needed'];

const eligibilityForm: FormSpec<EligibilityResult> = {
  id: 'eligibility',
  intent: 'eligibility.ask',
  title: '能否享受待遇',
  slots: ['region', 'insurance', 'district', 'grade', 'disabilityMonths'],
  optional: { district: 'choices', grade: 'choices', disabilityMonths: [1, 120] },
  compute: (s, { today }) =>
    eligibility(
      {
        region: s.region,
        district: s.district,
        insurance: s.insurance,
        grade: s.grade,
        disabilityMonths: s.disabilityMonths,
        disabilityCause: s.disabilityCause,
      },
      { today },
    ),
  fingerprint: (r) => JSON.stringify([r.verdict, r.reasons.map((x) => x.code).sort()]),
  answer(r) {
    const reasons = r.reasons.filter((x) => !QUIET_REASONS.includes(x.code)).map((x) => firstSentence(x.text));
    const steps = r.nextSteps.slice(0, 2).map((x) => firstSentence(x));
    return {
      text: VERDICT_TEXT[r.verdict] + [...new Set(reasons)].join('') + steps.join('') + basisText(r.citations),
      cites: r.citations,
      quickReplies: r.verdict === 'eligible' ? ['估算每月费用', '怎么申请评估'] : ['怎么申请评估', '转人工'],
      result: { input: null, output: r },
    };
  },
};

const contributionForm: FormSpec<ReturnType<typeof contributions>> = {
  id: 'contribution',
  intent: 'contribution.amount',
  title: '缴费标准',
  slots: ['region', 'insurance'],
  compute: (s, { today }) => contributions(s.region, s.insurance, Number(today.slice(0, 4))),
  answer(r) {
    const main = r.steps.length ? r.steps[r.steps.length - 1].text : '';
    const own =
      r.personPaysFen === null
        ? ''
        : r.personPaysFen === 0
          ? '个人不用另外缴费。'
          : `其中个人负担${yuanText(r.personPaysFen)}。`;
    return {
      text: `${r.year}年：${main}${own}${noteText(r.notes)}${basisText(r.citations)}`,
      cites: r.citations,
      quickReplies: ['估算每月费用', '转人工'],
      result: { input: { region: r.region, insurance: r.insurance, year: r.year }, output: r },
    };
  },
};

const approvalInput = z.object({ region: RegionSchema, approvalDate: DateSchema });
const benefitStartForm: FormSpec<ReturnType<typeof benefitStart>> = {
  id: 'benefit-start',
  intent: 'benefit.start',
  title: '待遇从何时开始',
  slots: ['region', 'approvalDate'],
  dateSlot: 'approvalDate',
  compute: (s) => {
    const v = need(approvalInput, { region: s.region, approvalDate: s.approvalDate });
    return benefitStart(v.approvalDate, v.region);
  },
  answer(r) {
    const main =
      r.basis === 'rule'
        ? (r.steps[0]?.text ?? '')
        : `评估通过（${chineseDate(r.approvalDate)}）后，一般从${chineseMonth(r.month)}开始享受待遇。`;
    return {
      text: main + noteText(r.notes) + basisText(r.citations),
      cites: r.citations,
      quickReplies: ['估算每月费用', '转人工'],
      result: { input: { approvalDate: r.approvalDate }, output: r },
    };
  },
};

const noticeInput = z.object({ region: RegionSchema, noticeDate: DateSchema });
const objectionForm: FormSpec<ReturnType<typeof objectionDeadline>> = {
  id: 'objection',
  intent: 'assessment.objection',
  title: '申请复评的期限',
  slots: ['region', 'noticeDate'],
  dateSlot: 'noticeDate',
  compute: (s) => {
    const v = need(noticeInput, { region: s.region, noticeDate: s.noticeDate });
    return objectionDeadline(v.noticeDate, v.region);
  },
  answer(r) {
    const main =
      r.deadline === null
        ? '规则库里没有这里申请复评的期限。'
        : `接到评估结论通知（${chineseDate(r.noticeDate)}）后，申请复评的最后一天是${chineseDate(r.deadline)}` +
          `（${r.workingDays}个工作日，不算周末和法定节假日）。`;
    const extra = r.notes
      .filter((n) => n.code === 'interpretation')
      .map((n) => firstSentence(n.text))
      .join('');
    return {
      text: main + noteText(r.notes) + extra + basisText(r.citations),
      cites: r.citations,
      quickReplies: ['转人工'],
      result: { input: { noticeDate: r.noticeDate }, output: r },
    };
  },
};

/** The first words of a clause, for an explanation read from the documents. */
function clauseExcerpt(c: Cite, max = 90): string {
  const text = getClause(c.doc as DocId, c.clause)?.text.replace(/\s+/g, '') ?? '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

interface ModesExplained {
  region: RegionId;
  month: string;
  offered: { mode: CareModeId; name: string; cite: Cite[] }[];
  asked?: CareModeId;
}
const caremodeForm: FormSpec<ModesExplained> = {
  id: 'caremode',
  intent: 'caremode.explain',
  title: '护理方式',
  slots: ['region'],
  compute: (s, { today }) => {
    const region = regionOf(s);
    const month = monthOfDay(today);
    const offered = offeredModes(region, month).map((mode) => {
      const seg = segmentAt(MODES_OFFERED[region][mode], firstDayOf(month));
      return { mode, name: modeName(region, mode), cite: seg.kind === 'no-document' ? [] : seg.cite };
    });
    return { region, month, offered, asked: s.careMode as CareModeId | undefined };
  },
  answer(r) {
    const cites = r.offered.flatMap((m) => m.cite);
    const place = REGION_NAMES[r.region];
    const list = r.offered.length
      ? `${place}的长护险现在提供${r.offered.length}种护理方式：${r.offered.map((m) => m.name).join('、')}。`
      : `规则库里没有${place}现在提供的护理方式。`;
    const asked = r.asked ? careConditions(r.region, r.asked).find((c) => c.code === 'one-mode-at-a-time') : undefined;
    const excerpt = cites[0] ? `文件原文：“${clauseExcerpt(cites[0])}”` : '';
    return {
      text: list + (asked ? asked.text : '同一时间只能选择一种护理方式。') + excerpt + basisText(cites),
      cites,
      quickReplies: r.offered.slice(0, 2).map((m) => `${m.name}每月能报多少`),
      result: { input: { region: r.region, month: r.month }, output: r.offered },
    };
  },
};

const standardForm: FormSpec<{ region: RegionId; result: EligibilityResult }> = {
  id: 'standard',
  intent: 'assessment.standard',
  title: '失能评估标准',
  slots: ['region'],
  // The grade the region pays for, as the rules say it for the highest grade of the standard.
  compute: (s, { today }) => {
    const region = regionOf(s);
    const top = GRADE_IDS[GRADE_IDS.length - 1];
    return { region, result: eligibility({ region, insurance: 'employee', grade: top }, { today }) };
  },
  answer({ region, result }) {
    const about = result.reasons.find((x) => x.code === 'grade-eligible' || x.code === 'set-locally');
    const cites = about?.citation ? [about.citation] : [];
    const grades = GRADE_IDS.map((g) => GRADE_NAMES[g]).join('、');
    return {
      text:
        `失能等级按国家的《${STANDARD_SOURCE.title}》（${STANDARD_SOURCE.documentNumber}）评定，从轻到重是：${grades}。` +
        `评估由经办机构组织专业人员上门进行。${REGION_NAMES[region]}：${about ? firstSentence(about.text) : ''}` +
        (cites[0] ? `文件原文：“${clauseExcerpt(cites[0])}”` : '') +
        basisText(cites),
      cites,
      quickReplies: ['怎么申请评估', '能不能享受待遇'],
      result: { input: { region }, output: about ?? null },
    };
  },
};

const suspensionForm: FormSpec<{ region: RegionId; mode: CareModeId; text: string; cite: Cite[] }> = {
  id: 'suspension',
  intent: 'benefit.suspend',
  title: '住院期间的待遇',
  slots: ['region'],
  compute: (s) => {
    const region = regionOf(s);
    const mode = (s.careMode as CareModeId | undefined) ?? 'home';
    const c = careConditions(region, mode).find((x) => x.code === 'suspended-during-stay');
    return {
      region,
      mode,
      text: c
        ? c.basis === 'rule'
          ? c.text
          : `${c.text}这是通常的做法，${REGION_NAMES[region]}的文件没有写明，以当地经办机构的规定为准。`
        : `${modeName(region, mode)}本身就在机构或医院里，住院期间怎么算请向当地经办机构确认。`,
      cite: c?.cite ?? [],
    };
  },
  answer(r) {
    return {
      text: r.text + '住院或入住机构时，请及时告诉护理机构或经办机构登记暂停。' + basisText(r.cite),
      cites: r.cite,
      quickReplies: ['转人工'],
      result: { input: { region: r.region, careMode: r.mode }, output: r.text },
    };
  },
};

const providerForm: FormSpec<{ region: RegionId; district?: string; mode?: CareModeId }> = {
  id: 'provider',
  intent: 'provider.find',
  title: '找定点机构',
  slots: ['region'],
  compute: (s) => ({
    region: regionOf(s),
    district: s.district as string | undefined,
    mode: s.careMode as CareModeId | undefined,
  }),
  answer: (r) => ({ text: '', cites: [], quickReplies: [], providerSearch: r }),
};

export const FORMS: Record<FormId, FormSpec<unknown>> = {
  estimate: estimateForm,
  eligibility: eligibilityForm,
  contribution: contributionForm,
  'benefit-start': benefitStartForm,
  objection: objectionForm,
  caremode: caremodeForm,
  standard: standardForm,
  suspension: suspensionForm,
  provider: providerForm,
} as Record<FormId, FormSpec<unknown>>;

export function formOfIntent(intent: IntentId): FormSpec<unknown> | undefined {
  return Object.values(FORMS).find((f) => f.intent === intent);
}

export type NextStep =
  | { kind: 'ask'; slot: SlotName; problem?: string }
  | { kind: 'answer'; answer: FormAnswer }
  | { kind: 'cannot'; message: string };

/** The paths of a RulesInputError that are slots of the form. */
function missingFrom(form: FormSpec<unknown>, err: RulesInputError): SlotName[] {
  const paths = err.details.map((d) => d.path.split('.')[0]);
  return form.slots.filter((s) => paths.includes(s));
}

/**
 * The form's next step: the first slot the rules need, else the first optional slot the answer depends
 * on, else the answer. A filled slot the rules refuse (a district of another region) is emptied and asked
 * again with the rules' own message.
 */
export function nextStep(
  form: FormSpec<unknown>,
  slots: Slots,
  skipped: readonly SlotName[],
  ctx: FormContext,
): NextStep {
  const withProbe: Slots = { ...form.probe, ...slots };
  let probed: unknown;
  try {
    probed = form.compute(withProbe, ctx);
  } catch (err) {
    if (!(err instanceof RulesInputError)) throw err;
    const missing = missingFrom(form, err);
    const empty = missing.find((s) => slots[s] === undefined && !skipped.includes(s));
    if (empty) return { kind: 'ask', slot: empty };
    const wrong = missing.find((s) => slots[s] !== undefined);
    if (wrong) {
      delete slots[wrong];
      return { kind: 'ask', slot: wrong, problem: firstSentence(err.message) };
    }
    return { kind: 'cannot', message: firstSentence(err.message) };
  }
  for (const slot of form.slots) {
    const values = form.optional?.[slot];
    if (!values || slots[slot] !== undefined || skipped.includes(slot) || !form.fingerprint) continue;
    const tries = values === 'choices' ? choicesFor(slot, slots, ctx.today.slice(0, 7)).map((c) => c.value) : values;
    const seen = new Set<string>();
    for (const v of tries) {
      try {
        seen.add(form.fingerprint(form.compute({ ...withProbe, [slot]: v }, ctx)));
      } catch (err) {
        if (!(err instanceof RulesInputError)) throw err;
        seen.add(`needs:${err.details.map((d) => d.path).join(',')}`);
      }
      if (seen.size > 1) return { kind: 'ask', slot };
    }
  }
  for (const slot of Object.keys(form.probe ?? {}) as SlotName[]) {
    if (slots[slot] === undefined) return { kind: 'ask', slot };
  }
  return { kind: 'answer', answer: form.answer(form.probe ? form.compute(slots, ctx) : probed, slots, ctx) };
}
