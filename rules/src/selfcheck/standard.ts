// The national disability assessment standard as data: the one place a reviewer corrects a value.
// Source: the national standard 医保办发〔2021〕37号 (长期护理失能等级评估标准（试行）) and its attachment.
//
// Status of each value:
//   confirmed   a source quotes the value;
//   consistent  backed by arithmetic or a related standard, but no copy of the 2021 attachment gives it;
//   unverified  no stored source gives it. Carries verified: false, and a result that uses it says so.

import { GRADE_NAMES, type GradeId } from '../domain';

export type StandardStatus = 'confirmed' | 'consistent' | 'unverified';

export interface Mark {
  status: StandardStatus;
  verified: boolean;
}

const CONFIRMED = { status: 'confirmed', verified: true } as const satisfies Mark;
const CONSISTENT = { status: 'consistent', verified: true } as const satisfies Mark;
const UNVERIFIED = { status: 'unverified', verified: false } as const satisfies Mark;

// ---------------------------------------------------------------------------------------------
// Source

export const STANDARD_SOURCE = {
  title: '长期护理失能等级评估标准（试行）',
  /** Not 医保发〔2020〕37号: that is the 2020 guidance that expanded the pilots. */
  documentNumber: '医保办发〔2021〕37号',
  issuers: '国家医保局办公室、民政部办公厅',
  notice: '关于印发〈长期护理失能等级评估标准（试行）〉的通知',
  publishedOn: '2021-08-03',
  publishedAt: 'nhsa.gov.cn',
  /** The date the notice was signed is not verified. */
  signedOn: null,
  signedOnVerified: false,
  /** How results cite the standard. */
  label: '《长期护理失能等级评估标准（试行）》（医保办发〔2021〕37号）',
  localRefinement:
    '通知允许试点城市“对《评估标准（试行）》进行细化完善”；原有试点城市原则上自通知印发之日起两年内统一到本标准。',
  ...CONFIRMED,
} as const;

// ---------------------------------------------------------------------------------------------
// Grades: numbers and names are confirmed (0 基本正常 … 5 重度失能Ⅲ级).

export type GradeNumber = 0 | 1 | 2 | 3 | 4 | 5;

export interface StandardGrade extends Mark {
  number: GradeNumber;
  id: GradeId;
  name: string;
}

export const GRADES: readonly StandardGrade[] = [
  { number: 0, id: 'normal', name: GRADE_NAMES.normal, ...CONFIRMED },
  { number: 1, id: 'mild', name: GRADE_NAMES.mild, ...CONFIRMED },
  { number: 2, id: 'moderate', name: GRADE_NAMES.moderate, ...CONFIRMED },
  { number: 3, id: 'severe-1', name: GRADE_NAMES['severe-1'], ...CONFIRMED },
  { number: 4, id: 'severe-2', name: GRADE_NAMES['severe-2'], ...CONFIRMED },
  { number: 5, id: 'severe-3', name: GRADE_NAMES['severe-3'], ...CONFIRMED },
];

// ---------------------------------------------------------------------------------------------
// Domains and items: 3 first-level and 17 second-level indicators, 10 + 4 + 3 [confirmed].

export const DOMAIN_IDS = ['adl', 'cognition', 'perception'] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

export const ITEM_IDS = [
  'eating',
  'dressing',
  'face-mouth-hygiene',
  'bowel-control',
  'bladder-control',
  'toilet-use',
  'level-walking',
  'bed-chair-transfer',
  'stairs',
  'bathing',
  'time-orientation',
  'person-orientation',
  'place-orientation',
  'memory',
  'vision',
  'hearing',
  'communication',
] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export interface StandardOption extends Mark {
  points: number;
  /** What the family reads: plain Chinese, faithful to the official wording. */
  text: string;
  /** Short paraphrase of the official wording, for reviewers. */
  official: string;
}

export interface StandardItem extends Mark {
  id: ItemId;
  /** Official item name. */
  name: string;
  /** The question as the family reads it. */
  question: string;
  /** Product guidance on how to answer; not wording of the standard. */
  hint?: string;
  /** Why a value carries the status it does. */
  note?: string;
  /** From most dependent (0 points) to independent, as in the standard. */
  options: readonly StandardOption[];
}

const opt = (points: number, text: string, official: string, mark: Mark = CONFIRMED): StandardOption => ({
  points,
  text,
  official,
  ...mark,
});

/** Options whose points are confirmed but whose wording no stored source gives. */
const UNVERIFIED_WORDING = '中间选项（1–3 分）的措辞没有已存来源给出，是按标准通行文本整理的，待与附件原文核对。';

export const ADL_ITEMS: readonly StandardItem[] = [
  {
    id: 'eating',
    name: '进食',
    question: '吃饭时需要别人帮忙吗？',
    ...CONFIRMED,
    options: [
      opt(0, '基本或完全要别人喂，或者插着鼻饲管等营养管', '较大或完全依赖，或有留置营养管'),
      opt(5, '能自己吃，但要别人帮忙夹菜、盛饭', '需部分帮助（夹菜、盛饭）'),
      opt(10, '能自己吃饭，不用别人帮忙', '自理'),
    ],
  },
  {
    id: 'dressing',
    name: '穿衣',
    question: '穿脱衣服需要别人帮忙吗？',
    ...CONFIRMED,
    options: [
      opt(0, '穿脱衣服全靠别人', '依赖他人'),
      opt(
        5,
        '能自己穿一部分，但要别人帮忙整理衣服、系扣子或鞋带、拉拉链等',
        '需要部分帮助（整理衣物、系扣/鞋带、拉拉链等）',
      ),
      opt(10, '能自己穿脱衣服', '自理'),
    ],
  },
  {
    id: 'face-mouth-hygiene',
    name: '面部与口腔清洁',
    question: '洗脸、梳头、刷牙、剃须能自己做吗？',
    ...CONFIRMED,
    options: [
      opt(0, '洗脸、梳头、刷牙、剃须需要别人帮忙', '需要帮助'),
      opt(
        5,
        '能自己洗脸、梳头、刷牙、剃须（别人帮忙把水和用品准备好也算）',
        '独立洗脸、梳头、刷牙、剃须（不含准备工作）',
      ),
    ],
  },
  {
    id: 'bowel-control',
    name: '大便控制',
    question: '大便能控制住吗？',
    ...CONFIRMED,
    options: [
      opt(
        0,
        '大便失禁：平均每周至少有一次控制不住，或者完全控制不住，要完全靠别人',
        '失禁（平均每周≥1次或完全不能控制，完全依赖他人）',
      ),
      opt(
        5,
        '偶尔控制不住（平均每周不到一次），或者要别人提醒，或者便秘时要别人帮忙把大便取出来',
        '偶有失禁（每周<1次），或需他人提示，或便秘需人工帮助取便',
      ),
      opt(10, '大便能控制住', '能控制'),
    ],
  },
  {
    id: 'bladder-control',
    name: '小便控制',
    question: '小便能控制住吗？',
    ...CONFIRMED,
    options: [
      opt(
        0,
        '小便失禁：平均每天至少有一次控制不住，或者经常尿失禁；或者插着导尿管但自己管理不了',
        '失禁（平均每天≥1次或经常尿失禁；或留置导尿管但无法自行管理）',
      ),
      opt(
        5,
        '偶尔控制不住（每天不到一次，但每周超过一次），或者要别人提醒',
        '偶有失禁（每24h<1次，但每周>1次），或需要他人提示',
      ),
      opt(10, '小便能控制住（插着导尿管但自己能管理好，也算）', '能控制（或留置导尿管可自行管理）'),
    ],
  },
  {
    id: 'toilet-use',
    name: '用厕',
    question: '上厕所需要别人帮忙吗？',
    ...CONFIRMED,
    options: [
      opt(0, '上厕所需要别人帮很大的忙，或者完全靠别人', '需要极大地帮助或完全依赖他人'),
      opt(5, '上厕所需要别人帮一部分忙，比如整理衣裤、坐上或蹲上便器', '需部分帮助（整理衣裤、坐上/蹲上便器等）'),
      opt(10, '能自己上厕所', '自理'),
    ],
  },
  {
    id: 'level-walking',
    name: '平地行走',
    question: '在平地上走路怎么样？',
    ...CONFIRMED,
    options: [
      opt(0, '卧床不起，不能走路，挪动身子完全要别人帮', '卧床不起、不能步行、移动需要完全帮助'),
      opt(
        5,
        '走路很大程度靠别人：要两个或更多人搀扶，或者要别人帮忙才能用轮椅等',
        '较大程度依赖他人搀扶（≥2人）或依赖他人帮助使用轮椅等',
      ),
      opt(
        10,
        '走路需要少量帮助：一个人搀扶、有人在旁边提醒，或者在别人帮助下用拐杖、助行器等',
        '需少量帮助（1人搀扶、他人在旁提示或在他人帮助下使用辅助工具）',
      ),
      opt(
        15,
        '能自己走路（自己用拐杖等辅助工具也算），在家里和家附近都行',
        '独立步行（可自行使用辅助工具，在家及附近）',
      ),
    ],
  },
  {
    id: 'bed-chair-transfer',
    name: '床椅转移',
    question: '从床上挪到椅子上（或从椅子回到床上）需要别人帮忙吗？',
    ...CONFIRMED,
    options: [
      opt(0, '完全靠别人，自己坐不住', '完全依赖他人，不能坐'),
      opt(5, '能坐，但挪动要别人大量帮忙（至少两个人出力扶抱）', '需大量帮助（至少2人，身体帮助），能坐'),
      opt(
        10,
        '需要少量帮助：一个人搀扶或用拐杖等，或者要有人在旁边看着、提醒',
        '需少量帮助（1人搀扶或使用拐杖等，或需他人在旁监护、提示）',
      ),
      opt(15, '能自己挪，不用别人帮忙', '自理'),
    ],
  },
  {
    id: 'stairs',
    name: '上下楼',
    question: '上下楼梯怎么样？',
    // Option texts confirmed. Points 5 and 10 are consistent, not confirmed: the other nine maxima sum
    // to 90 and the domain maximum is 100, so 独立 = 10; 5 follows every other three-option item.
    note: '选项措辞已核实；5 分和 10 分只有一份转录给出，由总分 100 推算一致，尚未见附件原文。',
    ...CONFIRMED,
    options: [
      opt(0, '不能上下楼，或者需要别人帮很大的忙、完全靠别人', '不能，或需极大帮助或完全依赖他人'),
      opt(
        5,
        '需要部分帮助：扶着楼梯扶手、别人搀扶、用拐杖，或者要有人在旁边提醒',
        '需要部分帮助（扶楼梯、他人搀扶、使用拐杖或需他人在旁提示）',
        CONSISTENT,
      ),
      opt(
        10,
        '能自己上下楼（坐电梯也算；要戴支具的，能自己穿脱支具）',
        '独立上下楼（可借助电梯等；使用支具时能独自穿脱）',
        CONSISTENT,
      ),
    ],
  },
  {
    id: 'bathing',
    name: '洗澡',
    question: '洗澡需要别人帮忙吗？',
    ...CONFIRMED,
    options: [
      opt(0, '洗澡过程中需要别人帮忙', '洗澡过程中需他人帮助'),
      opt(5, '别人把洗澡水准备好后，能自己洗完', '准备好洗澡水后，可自己独立完成'),
    ],
  },
];

export const COGNITION_ITEMS: readonly StandardItem[] = [
  {
    id: 'time-orientation',
    name: '时间定向',
    question: '知道现在是什么时间吗（哪年、哪月、几号或星期几）？',
    note: UNVERIFIED_WORDING,
    ...CONFIRMED,
    options: [
      opt(0, '没有时间观念', '无时间观念'),
      opt(
        1,
        '年、月、日都说不清，只知道是上午还是下午、白天还是晚上',
        '时间观念很差，可知上午/下午或白天/夜间',
        UNVERIFIED,
      ),
      opt(
        2,
        '年、月、日都说不清，但知道是上半年还是下半年，或者什么季节',
        '时间观念较差，可知上半年/下半年或季节',
        UNVERIFIED,
      ),
      opt(3, '年、月、日（或星期几）不能全说对，会差两天或更多', '时间观念有些下降，年月日不能全部分清', UNVERIFIED),
      opt(4, '知道是哪年哪月，日子（或星期几）最多差一天', '年、月清楚，日期（或星期几）可相差一天'),
    ],
  },
  {
    id: 'person-orientation',
    name: '人物定向',
    question: '认得身边的人吗？',
    note: UNVERIFIED_WORDING,
    ...CONFIRMED,
    options: [
      opt(0, '谁都不认识（包括自己）', '不认识任何人（包括自己）'),
      opt(
        1,
        '只认识自己，或者只认识极少数一起住的亲人或照护的人',
        '只认识自己或极少数日常同住的亲人或照护者',
        UNVERIFIED,
      ),
      opt(
        2,
        '认识一部分天天在一起的亲人或照护的人，能叫出称呼或知道关系',
        '能认识部分日常同住的亲人或照护者，能称呼或知道关系',
        UNVERIFIED,
      ),
      opt(3, '认识大部分一起生活的人，能叫出称呼或知道关系', '能认识大部分共同生活的人，能称呼或知道关系', UNVERIFIED),
      opt(4, '认识长期一起生活的人，能叫出称呼，也知道是什么关系', '认识长期共同生活的人，能称呼并知道关系'),
    ],
  },
  {
    id: 'place-orientation',
    name: '空间定向',
    question: '能自己出门吗？知道自己住在哪里吗？',
    note: '1 分和 2 分选项的措辞没有已存来源给出，是按标准通行文本整理的，待与附件原文核对。',
    ...CONFIRMED,
    options: [
      opt(0, '不能自己出门，也没有方向和地点的概念', '不能单独外出，无空间观念'),
      opt(1, '不能自己出门，只知道一点点自己住在哪里', '不能单独外出，知道较少居住地的地址信息', UNVERIFIED),
      opt(2, '不能自己出门，但知道不少关于自己住在哪里的情况', '不能单独外出，知道较多居住地的地址信息', UNVERIFIED),
      opt(3, '不能自己出门，但能准确说出自己平时住的地址', '不能单独外出但准确知道日常生活所在地的地址'),
      opt(4, '能在平时生活的范围里自己出门', '能在日常生活范围内单独外出'),
    ],
  },
  {
    id: 'memory',
    name: '记忆力',
    question: '记性怎么样？',
    hint: '可以这样试：说三个简单的词（比如“苹果、手表、国旗”），过几分钟再问他（她）还记得哪几个。',
    ...CONFIRMED,
    options: [
      opt(0, '刚说过的事马上就忘，以前的事也记不起来', '完全不能回忆即时信息且不能正确回忆既往事物'),
      opt(1, '以前的事只能记起一小部分，最近的事记不住', '对既往事物有少部分正确回忆，没有近期记忆'),
      opt(2, '以前的事大部分记得；三个词过一会儿能记住 1 个', '能回忆大部分既往事物，记住1个词语'),
      opt(3, '以前的事大部分记得；三个词过一会儿能记住 2 个', '能回忆大部分既往事物，记住2个词语'),
      opt(4, '以前的事都记得清楚；三个词过一会儿都记得', '能完整回忆既往事物，记住3个词语'),
    ],
  },
];

export const PERCEPTION_ITEMS: readonly StandardItem[] = [
  {
    id: 'vision',
    name: '视力',
    question: '眼睛看东西怎么样？',
    hint: '平时戴眼镜的，按戴着眼镜时的情况选。',
    ...CONFIRMED,
    options: [
      opt(0, '完全看不见', '完全失明'),
      opt(1, '只能看到光、颜色和形状', '只能看到光、颜色和形状'),
      opt(2, '看不清报纸上的大标题，但能认出比较大的东西', '看不清报纸大标题但能辨认较大物体'),
      opt(3, '能看清大字，但看不清报纸上一般大小的字', '能看清大字体但看不清标准字体'),
      opt(4, '看东西基本正常', '基本正常'),
    ],
  },
  {
    id: 'hearing',
    name: '听力',
    question: '耳朵听声音怎么样？',
    hint: '平时戴助听器的，按戴着助听器时的情况选。',
    ...CONFIRMED,
    options: [
      opt(0, '完全听不见', '完全失聪'),
      opt(1, '别人大声说或说得很慢，才能听见一部分', '大声或很慢说话才能部分听见'),
      opt(2, '要在安静的地方大声说，才能听到', '需在安静环境大声说话才能听到'),
      opt(3, '别人小声说话，或离开两米以外，就听不清', '轻声或距离超过2米时听不清'),
      opt(4, '听力基本正常', '基本正常'),
    ],
  },
  {
    id: 'communication',
    name: '沟通能力',
    question: '和别人说话交流怎么样？',
    ...CONFIRMED,
    options: [
      opt(0, '完全听不懂别人的话，自己也说不出意思', '完全不能理解也无法表达'),
      opt(1, '只能用简单的词或手势表达', '只能以简单单词或手势表达'),
      opt(2, '勉强能交流，但说的内容不太清楚', '勉强可交流，内容不清'),
      opt(3, '能说能懂，但要多给些时间或要别人帮忙', '能表达/理解但需要增加时间或帮助'),
      opt(4, '交流没有困难', '无困难'),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Domain levels and bands

export const LEVEL_IDS = ['intact', 'mild', 'moderate', 'severe'] as const;
/** Ordered from best to worst: a higher index is a worse level. */
export type LevelId = (typeof LEVEL_IDS)[number];

/** The usual wording, but not verified as the 2021 wording. */
export const LEVEL_NAMES: { names: Record<LevelId, string> } & Mark = {
  names: { intact: '能力完好', mild: '轻度受损', moderate: '中度受损', severe: '重度受损' },
  ...UNVERIFIED,
};

export interface Band {
  level: LevelId;
  min: number;
  max: number;
}

export interface StandardDomain {
  id: DomainId;
  name: string;
  max: number;
  items: readonly StandardItem[];
  bands: readonly Band[];
  bandsMark: Mark;
  /** Shown next to the band in the explanation unless the bands are confirmed. */
  bandsNote: string;
}

export const DOMAINS: readonly StandardDomain[] = [
  {
    id: 'adl',
    name: '日常生活活动能力',
    max: 100,
    items: ADL_ITEMS,
    bands: [
      { level: 'intact', min: 100, max: 100 },
      { level: 'mild', min: 65, max: 95 },
      { level: 'moderate', min: 45, max: 60 },
      { level: 'severe', min: 0, max: 40 },
    ],
    // Identical to the MZ/T 039-2013 ADL bands (same 10-item 100-point scale); no 2021 copy found.
    bandsMark: CONSISTENT,
    bandsNote: '这一分级与民政行业标准 MZ/T 039-2013 一致，但尚未见 2021 年标准附件原文。',
  },
  {
    id: 'cognition',
    name: '认知能力',
    max: 16,
    items: COGNITION_ITEMS,
    bands: [
      { level: 'intact', min: 16, max: 16 },
      { level: 'mild', min: 12, max: 15 },
      { level: 'moderate', min: 8, max: 11 },
      { level: 'severe', min: 0, max: 7 },
    ],
    bandsMark: UNVERIFIED,
    bandsNote: '这一分级尚未与标准附件原文核对。',
  },
  {
    id: 'perception',
    name: '感知觉与沟通能力',
    max: 12,
    items: PERCEPTION_ITEMS,
    bands: [
      { level: 'intact', min: 12, max: 12 },
      { level: 'mild', min: 8, max: 11 },
      { level: 'moderate', min: 4, max: 7 },
      { level: 'severe', min: 0, max: 3 },
    ],
    bandsMark: UNVERIFIED,
    bandsNote: '这一分级尚未与标准附件原文核对。',
  },
];

// ---------------------------------------------------------------------------------------------
// Combination (组合法): rows ADL level, columns the worse of cognition and perception.
// Every cell and the column rule are unverified: no stored source shows the official table.

export interface CombinationCell extends Mark {
  grade: GradeNumber;
  note?: string;
}

const cell = (grade: GradeNumber, note?: string): CombinationCell => ({
  grade,
  ...UNVERIFIED,
  ...(note ? { note } : {}),
});
/** An LLM-generated example in a public repository states the cell; that is not verification. */
const WEAK = '仅有弱旁证（公开仓库中的一个生成示例）';

export interface Combination {
  columnRule: { text: string } & Mark;
  /** table[adlLevel][worseOfTheOtherTwo] */
  table: Record<LevelId, Record<LevelId, CombinationCell>>;
}

export const COMBINATION: Combination = {
  columnRule: {
    text: '列取认知能力与感知觉与沟通能力两者中较重的等级',
    ...UNVERIFIED,
  },
  table: {
    intact: { intact: cell(0), mild: cell(0), moderate: cell(1), severe: cell(1) },
    mild: { intact: cell(1), mild: cell(1), moderate: cell(1), severe: cell(2) },
    moderate: { intact: cell(2), mild: cell(2, WEAK), moderate: cell(2), severe: cell(3) },
    severe: { intact: cell(3), mild: cell(3, WEAK), moderate: cell(4), severe: cell(5) },
  },
};

// ---------------------------------------------------------------------------------------------
// Pre-application screen (长期护理失能等级自评表) [confirmed]. Used at least by Chongqing:
// a 忠县医保局 Q&A cites 渝医保发〔2021〕63号 and requires "自行评估达到EFG级".

export const QUICK_MARK_IDS = ['independent', 'partial', 'dependent'] as const;
export type QuickMarkId = (typeof QUICK_MARK_IDS)[number];
export const QUICK_A_IDS = ['eating', 'continence', 'bathing'] as const;
export type QuickAId = (typeof QUICK_A_IDS)[number];
export const QUICK_B_IDS = ['dressing', 'toileting', 'transfer'] as const;
export type QuickBId = (typeof QUICK_B_IDS)[number];
export const QUICK_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type QuickLevel = (typeof QUICK_LEVELS)[number];

export interface QuickItem<Id extends string> {
  id: Id;
  /** Name on the form. */
  name: string;
  question: string;
}

export interface QuickScreenStandard extends Mark {
  title: string;
  usedBy: string;
  marks: readonly { id: QuickMarkId; name: string; value: number; text: string }[];
  aItems: readonly QuickItem<QuickAId>[];
  bItems: readonly QuickItem<QuickBId>[];
  counted: QuickMarkId;
  countedNote: string;
  levels: readonly { level: QuickLevel; counts: readonly (readonly [number, number])[] }[];
  applyAt: readonly QuickLevel[];
  applyRule: string;
}

export const QUICK_SCREEN: QuickScreenStandard = {
  title: '长期护理失能等级自评表',
  usedBy:
    '已知重庆市使用（忠县医保局答问引用渝医保发〔2021〕63号，要求“自行评估达到EFG级”）；南通等其他地方是否使用未核实。',
  ...CONFIRMED,
  marks: [
    { id: 'independent', name: '独立', value: 2, text: '自己能做，不用帮忙' },
    { id: 'partial', name: '部分独立（需要帮助）', value: 1, text: '自己能做一部分，需要别人帮忙' },
    { id: 'dependent', name: '依赖', value: 0, text: '基本要靠别人' },
  ],
  aItems: [
    { id: 'eating', name: '进食', question: '吃饭' },
    { id: 'continence', name: '大小便控制', question: '控制大小便（大便、小便合起来看）' },
    { id: 'bathing', name: '洗澡', question: '洗澡' },
  ],
  bItems: [
    { id: 'dressing', name: '穿衣', question: '穿脱衣服' },
    { id: 'toileting', name: '用厕', question: '上厕所' },
    { id: 'transfer', name: '床椅转移', question: '从床上挪到椅子上' },
  ],
  /** Only items marked 依赖 count. The form does not say whether 部分独立 counts; read literally, it does not. */
  counted: 'dependent',
  countedNote: '自评表只数标为“依赖”的项目；表上没有说“部分独立”算不算，这里按字面理解不算。',
  /** Each level with the (a, b) counts of items marked 依赖 that give it; the 16 pairs map to one level each. */
  levels: [
    { level: 'A', counts: [[0, 0]] },
    {
      level: 'B',
      counts: [
        [1, 0],
        [0, 1],
        [0, 2],
      ],
    },
    {
      level: 'C',
      counts: [
        [1, 1],
        [0, 3],
      ],
    },
    {
      level: 'D',
      counts: [
        [2, 0],
        [1, 2],
      ],
    },
    {
      level: 'E',
      counts: [
        [3, 0],
        [2, 1],
        [2, 2],
        [1, 3],
      ],
    },
    {
      level: 'F',
      counts: [
        [3, 1],
        [3, 2],
        [2, 3],
      ],
    },
    { level: 'G', counts: [[3, 3]] },
  ],
  /** "当等级达到E级、F级、G级时方可申请长期护理失能等级评估" */
  applyAt: ['E', 'F', 'G'],
  applyRule: '当等级达到E级、F级、G级时方可申请长期护理失能等级评估',
};

// ---------------------------------------------------------------------------------------------

/** Everything a screen needs to render the questions and explain a result. */
export const SELF_CHECK_STANDARD = {
  source: STANDARD_SOURCE,
  grades: GRADES,
  domains: DOMAINS,
  levelNames: LEVEL_NAMES,
  combination: COMBINATION,
  quickScreen: QUICK_SCREEN,
} as const;
