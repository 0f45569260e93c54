// Entity extraction: dictionaries built from the rules module's domain names (no second list of
// regions, districts or modes), plus the short forms and everyday words people use for them.
import {
  CARE_MODE_NAMES,
  DISTRICTS,
  GRADE_NAMES,
  INSURANCE_NAMES,
  REGION_NAMES,
  REGIONAL_MODE_NAMES,
  todayInShanghai,
  type CareModeId,
  type DisabilityCause,
  type GradeId,
  type InsuranceId,
  type RegionId,
} from '@changhu/rules';
import {
  DATE_RE,
  isFollowedByOtherUnit,
  parseChineseDate,
  parseChineseNumber,
  scanAmounts,
  scanDurations,
} from './numbers';

export type EntityType =
  | 'region'
  | 'district'
  | 'insurance'
  | 'grade'
  | 'careMode'
  | 'hospitalTier'
  | 'disabilityMonths'
  | 'disabilityCause'
  | 'date'
  | 'amountFen';

export interface Entity {
  type: EntityType;
  value: string | number;
  text: string;
  start: number;
  end: number;
}

interface Term {
  type: EntityType;
  value: string | number;
  word: string;
}

/** 温州市 → 温州, 鹿城区 → 鹿城, 吉林省省直 → 省直: the short form people say. */
function shortForm(name: string): string | null {
  const m = name.match(/^(.{2,})[市县区]$/);
  return m ? m[1] : null;
}

function regionTerms(): Term[] {
  const out: Term[] = [];
  for (const [id, name] of Object.entries(REGION_NAMES) as [RegionId, string][]) {
    out.push({ type: 'region', value: id, word: name });
    const short = shortForm(name);
    // 吉林 alone is the province, not 吉林市: only the full name picks the city.
    if (short && id !== 'jilin-city') out.push({ type: 'region', value: id, word: short });
  }
  // 吉林省省直 is also said 省直 / 吉林省直 / 省直参保.
  const provincial = REGION_NAMES['jilin-provincial'];
  out.push({ type: 'region', value: 'jilin-provincial', word: provincial.replace('省省直', '省直') });
  out.push({ type: 'region', value: 'jilin-provincial', word: provincial.replace(/^吉林省/, '') });
  return out;
}

function districtTerms(): Term[] {
  const out: Term[] = [];
  for (const d of DISTRICTS) {
    out.push({ type: 'district', value: d.id, word: d.name });
    const short = shortForm(d.name);
    if (short) out.push({ type: 'district', value: d.id, word: short });
  }
  return out;
}

/** Everyday words for the insurance types, on top of the rules' names. */
const INSURANCE_ALIASES: Record<InsuranceId, string[]> = {
  employee: ['职工医保', '职工', '在职职工', '在职', '单位交的医保', '单位交医保', '上班的', '城镇职工'],
  'employee-retired': ['退休职工', '退休人员', '退休了', '退休', '职工退休', '退休工人', '退休老人'],
  flexible: ['灵活就业', '个体户', '自由职业', '灵活就业人员'],
  resident: ['城乡居民', '居民医保', '居民', '新农合', '农村医保', '城居', '农合'],
  'retired-cadre': ['离休干部', '离休', '老干部'],
  'disabled-veteran': ['残疾军人', '伤残军人', '残疾退伍军人'],
};

function insuranceTerms(): Term[] {
  const out: Term[] = [];
  for (const [id, name] of Object.entries(INSURANCE_NAMES) as [InsuranceId, string][]) {
    out.push({ type: 'insurance', value: id, word: name });
    out.push({ type: 'insurance', value: id, word: name.replace(/（.*）/, '') + name.replace(/^.*（(.*)）$/, '$1') });
    for (const w of INSURANCE_ALIASES[id]) out.push({ type: 'insurance', value: id, word: w });
  }
  // 职工医保（在职）→ 职工医保 is the employee's, not both.
  return out.filter((t) => !(t.value === 'employee-retired' && t.word === '职工医保'));
}

/** Everyday words for the care modes; the rules' canonical and regional names come first. */
const CARE_MODE_ALIASES: Record<CareModeId, string[]> = {
  family: [
    '亲情护理',
    '亲情照护',
    '家里人照顾',
    '家里人护理',
    '家人照顾',
    '家人护理',
    '家属照顾',
    '家属护理',
    '自己家人照顾',
    '子女照顾',
    '儿女照顾',
    '自己照顾',
    '自己护理',
    '自家人照顾',
  ],
  home: [
    '上门护理',
    '上门服务',
    '上门照护',
    '请人上门',
    '上门',
    '护理员上门',
    '护工上门',
    '居家护理',
    '居家照护',
    '居家医疗护理',
  ],
  institution: [
    '养老院',
    '护理院',
    '敬老院',
    '养老机构',
    '护理机构',
    '服务机构',
    '福利院',
    '机构照护',
    '机构医疗护理',
    '住机构',
  ],
  community: ['社区护理', '社区照护', '日间照料'],
  'medical-special': ['医疗专护', '专护', '住院护理', '医院专护', '医院护理'],
};

/**
 * Words for any care provider (a home-visit company is a 护理机构 too): a care mode only when the message
 * puts the person there (住护理机构, 送到护理机构); 找护理机构, 哪个护理机构好, 定点护理机构 are a search.
 */
const PROVIDER_WORDS = new Set(['护理机构', '服务机构']);
const STAY_BEFORE = /(?:住|入住|住进|住到|住在|进|送|送到|送进|送去|去)了?$/u;

function careModeTerms(): Term[] {
  const out: Term[] = [];
  for (const [id, name] of Object.entries(CARE_MODE_NAMES) as [CareModeId, string][]) {
    out.push({ type: 'careMode', value: id, word: name });
    for (const w of CARE_MODE_ALIASES[id]) out.push({ type: 'careMode', value: id, word: w });
  }
  for (const names of Object.values(REGIONAL_MODE_NAMES)) {
    for (const [id, name] of Object.entries(names ?? {}) as [CareModeId, string][]) {
      // jinjiang's 居家护理 is the home-visit mode (domain.md), already listed above.
      out.push({ type: 'careMode', value: id, word: name });
    }
  }
  return out;
}

const CAUSE_WORDS: Record<DisabilityCause, string[]> = {
  illness: [
    '生病',
    '得病',
    '病了',
    '中风',
    '脑梗',
    '脑梗塞',
    '脑出血',
    '脑溢血',
    '偏瘫',
    '癌症',
    '肿瘤',
    '帕金森',
    '老年痴呆',
    '痴呆',
    '阿尔茨海默',
    '糖尿病',
    '心脏病',
    '渐冻',
    '植物人',
  ],
  injury: ['摔了', '摔伤', '摔倒', '跌倒', '车祸', '受伤', '骨折', '工伤', '意外', '撞伤'],
  'old-age': ['年纪大', '岁数大', '年老', '衰老', '老了', '高龄', '老年性'],
  'short-term': ['暂时', '短期', '术后恢复', '恢复期', '能好', '会好'],
};

function causeTerms(): Term[] {
  const out: Term[] = [];
  for (const [id, words] of Object.entries(CAUSE_WORDS) as [DisabilityCause, string[]][]) {
    for (const w of words) out.push({ type: 'disabilityCause', value: id, word: w });
  }
  return out;
}

function gradeTerms(): Term[] {
  const out: Term[] = [];
  for (const [id, name] of Object.entries(GRADE_NAMES) as [GradeId, string][]) {
    out.push({ type: 'grade', value: id, word: name });
    if (/^(轻度|中度)失能$/.test(name)) out.push({ type: 'grade', value: id, word: name.slice(0, 2) });
  }
  return out;
}

let TERMS: Term[] | null = null;
let TERM_RE: RegExp | null = null;
let TERM_BY_WORD: Map<string, Term> | null = null;

function terms(): { re: RegExp; byWord: Map<string, Term> } {
  if (!TERMS) {
    TERMS = [
      ...regionTerms(),
      ...districtTerms(),
      ...insuranceTerms(),
      ...careModeTerms(),
      ...causeTerms(),
      ...gradeTerms(),
    ];
    TERM_BY_WORD = new Map();
    for (const t of TERMS) if (!TERM_BY_WORD.has(t.word)) TERM_BY_WORD.set(t.word, t);
    const words = [...TERM_BY_WORD.keys()].sort((a, b) => b.length - a.length);
    TERM_RE = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  }
  return { re: TERM_RE!, byWord: TERM_BY_WORD! };
}

const LEVEL = '[一二三123ⅠⅡⅢ]|III|II|I';
const LEVEL_VALUE: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  1: 1,
  2: 2,
  3: 3,
  Ⅰ: 1,
  Ⅱ: 2,
  Ⅲ: 3,
  I: 1,
  II: 2,
  III: 3,
};
/** 重度三级, 重度3级, 重度Ⅲ级, 重度失能三级, 重度失能Ⅲ级, 三级, 3级 (not 三级医院, not 3级甲等). */
const GRADE_RE = new RegExp(
  `(?:重度(?:失能)?(?:等级)?(?:第)?(${LEVEL})(?:级|档)?|(?:失能)?(?:等级)?(?:是|为|评了|评的|评上|评上了|定了|评定为)?(${LEVEL})级(?!医院|甲|乙|以上医院|综合|专科|定点医院|残疾|伤残|护理员))`,
  'g',
);
/** 二级医院, 三甲, 3级医院, 一级定点医院. */
const TIER_RE = /([一二三123])级(?:甲等|乙等)?(?:定点|综合|专科|以上)?医院|([二三23])甲(?:医院)?/g;

/** Full-width ASCII (３５００元, ＡＢ) to half-width, one character for one so offsets hold. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function overlaps(a: { start: number; end: number }, list: { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/** A duration said of a price (一个月四千, 每个月) is a rate, not months of disability. */
function isRate(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 1), start);
  if (before === '每') return true;
  const word = text.slice(start, end);
  if (!/^(一个?月|一年|一天|一周|一星期|1个?月)$/.test(word)) return false;
  const after = text.slice(end, end + 6);
  return (
    !/^(了|多|前|左右|以上|以前)/.test(after) && !/(瘫|躺|卧床|病|已经|有|快|将近|差不多)$/.test(text.slice(0, start))
  );
}

/**
 * Entities in a user's message, in order of position. Values are the rules' domain ids (region,
 * district, insurance, grade, careMode, disabilityCause), hospitalTier 1|2|3, disabilityMonths a
 * number, date YYYY-MM-DD (relative words against `today`, Asia/Shanghai), amountFen integer fen.
 * A district does not add its region: the caller takes it from the rules' findDistrict(id).region.
 */
export function extractEntities(text: string, opts: { today?: string } = {}): Entity[] {
  const today = opts.today ?? todayInShanghai();
  const src = foldWidth(text);
  const found: Entity[] = [];
  const push = (e: Entity) => {
    if (!overlaps(e, found)) found.push(e);
  };

  // Hospital tier before grades: 二级医院 is never a disability grade.
  for (const m of src.matchAll(TIER_RE)) {
    const v = parseChineseNumber(m[1] ?? m[2]);
    if (v !== null) push({ type: 'hospitalTier', value: v, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of src.matchAll(GRADE_RE)) {
    const lv = LEVEL_VALUE[m[1] ?? m[2]];
    if (!lv) continue;
    push({ type: 'grade', value: `severe-${lv}`, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  const { re, byWord } = terms();
  re.lastIndex = 0;
  for (const m of src.matchAll(re)) {
    const t = byWord.get(m[0])!;
    if (PROVIDER_WORDS.has(m[0]) && !STAY_BEFORE.test(src.slice(0, m.index))) continue;
    push({ type: t.type, value: t.value, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  DATE_RE.lastIndex = 0;
  for (const m of src.matchAll(DATE_RE)) {
    // A bare 5号 is a date only with a day number people use (1–31) and not 5号楼 / 5号床.
    if (/^[^月]*(?:日|号)$/.test(m[0]) && /^(?:楼|床|线|窗口|门|房)/.test(src.slice(m.index! + m[0].length))) continue;
    const d = parseChineseDate(m[0], today);
    if (d) push({ type: 'date', value: d, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  for (const d of scanDurations(src)) {
    if (isRate(src, d.start, d.end)) continue;
    push({ type: 'disabilityMonths', value: d.months, text: d.text, start: d.start, end: d.end });
  }
  for (const a of scanAmounts(src)) {
    if (isFollowedByOtherUnit(src, a.end)) continue;
    // A bare small number (2, 85) is no amount; 3500 or 三千五 is.
    if (!a.explicit && a.fen < 100 * 100) continue;
    if (!a.explicit && /^[0-9]{11,}$/.test(a.text)) continue; // a phone or id number
    if (/^[0-9]{4}$/.test(a.text.trim()) && /^\s*年/.test(src.slice(a.end))) continue;
    push({ type: 'amountFen', value: a.fen, text: a.text, start: a.start, end: a.end });
  }
  return found.sort((a, b) => a.start - b.start);
}
