// What users read for a document, a citation and a state: plain Chinese, no ids or clause marks.
// The console, the bot and the mini-program call these instead of keeping names of their own.
import {
  type ApplicationState,
  type BenefitState,
  type DocId,
  APPLICATION_STATES,
  BENEFIT_STATES,
  DOC_IDS,
} from './domain';
import type { Cite } from './types';

/** Short names built from each seed's own title (and issuer); a draft says so in its name. */
const SHORT_NAMES: Record<DocId, string> = {
  // 关于开展长期护理保险居家照护服务试点工作的指导意见, 吉医保联〔2022〕31号
  'jilin-2022': '吉林省居家照护试点指导意见',
  // 关于进一步推进长期护理保险制度试点的实施意见, 吉政办发〔2017〕28号
  'jilin-2017': '吉林省长护险试点实施意见',
  // 关于深化推进长期护理保险制度试点的实施方案（2023-2025年）（征求意见稿）
  'wenzhou-2023': '温州市长护险实施方案（征求意见稿）',
  // 晋江市长期护理保险制度试点工作暂行规定, 晋政规〔2023〕3号
  'jinjiang-2023': '晋江市长护险暂行规定',
  // 济宁市 residents' LTCI pilot notice (the text carries no title of its own)
  'jining-2022': '济宁市居民长护险试点通知',
};

function isDocId(x: string): x is DocId {
  return (DOC_IDS as readonly string[]).includes(x);
}

/** The Chinese short name of a seed document, e.g. 晋江市长护险暂行规定. */
export function documentShortName(doc: DocId): string {
  if (!isDocId(doc)) throw new Error(`unknown document ${String(doc)}`);
  return SHORT_NAMES[doc];
}

const SPECIAL: Record<string, string> = {
  '§标题': '标题和发文信息',
  '§前言': '开头部分',
  '§附': '文末附注',
};

// §二(四)1(1) = section 二, item (四), point 1, sub-point (1); jilin-2022 numbers its items (一)…(十五)
// through the whole text, so its ids start at the item: §(十)2.
const CLAUSE_ID = /^§([一二三四五六七八九十]+)?(?:[(（]([一二三四五六七八九十]+)[)）])?(\d+)?(?:[(（](\d+)[)）])?$/;

/**
 * The place a clause id names, in words: §二(四) → 第二部分第（四）项; §(十)2 → 第（十）项第2点.
 * Throws on an id of no known form so that a new form is noticed in the tests, not shown raw.
 */
export function clausePlace(clause: string): string {
  const special = SPECIAL[clause];
  if (special) return special;
  const m = CLAUSE_ID.exec(clause);
  if (!m || clause === '§') throw new Error(`unknown clause id ${clause}`);
  const [, section, item, point, sub] = m;
  if ((point || sub) && !section && !item) throw new Error(`unknown clause id ${clause}`);
  return (
    (section ? `第${section}部分` : '') +
    (item ? `第（${item}）项` : '') +
    (point ? `第${point}点` : '') +
    (sub ? `第（${sub}）小点` : '')
  );
}

/** A citation as a reader says it: 温州市长护险实施方案（征求意见稿）第二部分第（四）项. */
export function citationText(cite: Cite): string {
  return `${documentShortName(cite.doc)}${clausePlace(cite.clause)}`;
}

/** Several citations in one phrase, the clauses of one document together: A第一部分、第二部分；B第（四）项. */
export function citationsText(cites: readonly Cite[]): string {
  const byDoc = new Map<DocId, string[]>();
  for (const c of cites) {
    const places = byDoc.get(c.doc) ?? [];
    const place = clausePlace(c.clause);
    if (!places.includes(place)) places.push(place);
    byDoc.set(c.doc, places);
  }
  return [...byDoc].map(([doc, places]) => documentShortName(doc) + places.join('、')).join('；');
}

export const APPLICATION_STATE_LABELS: Readonly<Record<ApplicationState, string>> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  returned: '已退回',
  'assessment-scheduled': '待上门评估',
  assessed: '已评估',
  publicized: '公示中',
  approved: '已核准',
  rejected: '未核准',
  'objection-filed': '复评申请中',
  reassessed: '已复评',
};

export const BENEFIT_STATE_LABELS: Readonly<Record<BenefitState, string>> = {
  active: '享受中',
  suspended: '暂停中',
  stopped: '已终止',
};

/** Chinese label of an application state (domain.md), e.g. 公示中. */
export function applicationStateLabel(state: ApplicationState): string {
  if (!(APPLICATION_STATES as readonly string[]).includes(state)) throw new Error(`unknown state ${String(state)}`);
  return APPLICATION_STATE_LABELS[state];
}

/** Chinese label of a benefit state (domain.md), e.g. 暂停中. */
export function benefitStateLabel(state: BenefitState): string {
  if (!(BENEFIT_STATES as readonly string[]).includes(state)) throw new Error(`unknown state ${String(state)}`);
  return BENEFIT_STATE_LABELS[state];
}
