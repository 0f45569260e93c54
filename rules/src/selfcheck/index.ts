// Self-check: estimates the disability grade of 医保办发〔2021〕37号 from the family's answers, and the
// quick pre-application screen (A–G). An estimate only: the official assessment is done on site.
// All values come from ./standard.ts.

import { z } from 'zod';
import type { GradeId } from '../domain';
import { fromZodError } from '../errors';
import type { Note, Step } from '../types';
import {
  COMBINATION,
  DOMAINS,
  GRADES,
  LEVEL_IDS,
  LEVEL_NAMES,
  QUICK_MARK_IDS,
  QUICK_SCREEN,
  SELF_CHECK_STANDARD,
  STANDARD_SOURCE,
  type DomainId,
  type GradeNumber,
  type ItemId,
  type LevelId,
  type Mark,
  type QuickAId,
  type QuickBId,
  type QuickItem,
  type QuickLevel,
  type QuickMarkId,
  type StandardDomain,
  type StandardItem,
} from './standard';

export { SELF_CHECK_STANDARD, STANDARD_SOURCE };
export type {
  DomainId as SelfCheckDomainId,
  GradeNumber,
  ItemId as SelfCheckItemId,
  LevelId as AbilityLevelId,
  Mark as StandardMark,
  QuickLevel,
  QuickMarkId,
  StandardDomain,
  StandardItem,
};
export type { StandardOption, StandardStatus } from './standard';

// ---------------------------------------------------------------------------------------------
// Input schemas

const ALL_ITEMS: readonly StandardItem[] = DOMAINS.flatMap((d) => d.items);

function itemSchema(item: StandardItem) {
  const allowed = item.options.map((o) => o.points);
  return z.literal(allowed, {
    error: (issue) =>
      issue.input === undefined
        ? `请为「${item.name}」选择一项`
        : `「${item.name}」的选择无效：只能是 ${allowed.join('、')} 分中的一项`,
  });
}

/** Points for each of the 17 items, by item id; every item is required and only its own points are allowed. */
export const SelfCheckInputSchema = z.strictObject(
  Object.fromEntries(ALL_ITEMS.map((item) => [item.id, itemSchema(item)])) as Record<
    ItemId,
    ReturnType<typeof itemSchema>
  >,
  { error: (issue) => (issue.code === 'invalid_type' ? `请把全部 ${ALL_ITEMS.length} 项都选好后再提交` : undefined) },
);
export type SelfCheckInput = z.infer<typeof SelfCheckInputSchema>;

const MARK_CHOICES = QUICK_SCREEN.marks.map((m) => m.name).join('、');

function markSchema(item: QuickItem<string>) {
  return z.enum(QUICK_MARK_IDS, {
    error: (issue) =>
      issue.input === undefined
        ? `请为「${item.name}」选择一项：${MARK_CHOICES}`
        : `「${item.name}」的选择无效：只能是${MARK_CHOICES}之一`,
  });
}

function groupSchema<Id extends string>(group: string, items: readonly QuickItem<Id>[]) {
  const names = items.map((i) => i.name).join('、');
  return z.strictObject(
    Object.fromEntries(items.map((item) => [item.id, markSchema(item)])) as Record<Id, ReturnType<typeof markSchema>>,
    { error: (issue) => (issue.code === 'invalid_type' ? `请填写 ${group} 类项目（${names}）` : undefined) },
  );
}

/** The six items of 长期护理失能等级自评表: a = 进食, 大小便控制, 洗澡; b = 穿衣, 用厕, 床椅转移. */
export const QuickScreenInputSchema = z.strictObject(
  { a: groupSchema('a', QUICK_SCREEN.aItems), b: groupSchema('b', QUICK_SCREEN.bItems) },
  { error: (issue) => (issue.code === 'invalid_type' ? '请填写自评表的六个项目' : undefined) },
);
export type QuickScreenInput = {
  a: Record<QuickAId, QuickMarkId>;
  b: Record<QuickBId, QuickMarkId>;
};

/** One issue per unknown key, so that each detail names the key it is about (zod reports them together). */
function splitUnknownKeys(error: z.ZodError): z.ZodError {
  return new z.ZodError(
    error.issues.flatMap((issue): z.ZodError['issues'] =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            code: 'custom' as const,
            path: [...issue.path, key],
            message: `没有「${key}」这一项，请去掉`,
            input: undefined,
          }))
        : [issue],
    ),
  );
}

/** Validates raw answers of the 17-item self-check; throws RulesInputError with Chinese details. */
export function parseSelfCheckInput(raw: unknown): SelfCheckInput {
  const result = SelfCheckInputSchema.safeParse(raw);
  if (!result.success) throw fromZodError(splitUnknownKeys(result.error), '自测答案不完整或有误，请检查后再试。');
  return result.data;
}

/** Validates raw answers of the A–G screen; throws RulesInputError with Chinese details. */
export function parseQuickScreenInput(raw: unknown): QuickScreenInput {
  const result = QuickScreenInputSchema.safeParse(raw);
  if (!result.success) throw fromZodError(splitUnknownKeys(result.error), '自评表不完整或有误，请检查后再试。');
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface DomainResult {
  score: number;
  level: LevelId;
  levelName: string;
}

export interface SelfCheckResult {
  adl: DomainResult;
  cognition: DomainResult;
  perception: DomainResult;
  grade: GradeId;
  gradeNumber: GradeNumber;
  gradeName: string;
  /** False whenever any value used on the path is unverified against the official attachment. */
  verified: boolean;
  notes: Note[];
  steps: Step[];
}

export interface QuickScreenResult {
  level: QuickLevel;
  /** Number of a-items (进食, 大小便控制, 洗澡) marked 依赖. */
  dependentA: number;
  /** Number of b-items (穿衣, 用厕, 床椅转移) marked 依赖. */
  dependentB: number;
  /** The form allows applying only at E, F or G. */
  shouldApply: boolean;
  notes: Note[];
  steps: Step[];
}

// ---------------------------------------------------------------------------------------------
// 17-item self-check

function publishedOnText(): string {
  const [y, m, d] = STANDARD_SOURCE.publishedOn.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function estimateNote(): Note {
  return {
    code: 'estimate-only',
    text:
      '这只是根据您填写的情况估算的结果，不是正式评估。正式的失能等级要由评估机构派人上门评估后确定。' +
      `估算依据：${STANDARD_SOURCE.label}，${publishedOnText()}发布；各试点城市可能对这一标准有本地细化规定，以当地为准。`,
  };
}

function bandRange(min: number, max: number): string {
  return min === max ? `${min} 分` : `${min}–${max} 分`;
}

/** Why the data is wrong if this throws: bands must cover every reachable score once. */
function bandOf(domain: StandardDomain, score: number) {
  const bands = domain.bands.filter((b) => score >= b.min && score <= b.max);
  if (bands.length !== 1) throw new Error(`standard data: ${domain.id} score ${score} falls in ${bands.length} bands`);
  return bands[0];
}

function optionOf(item: StandardItem, points: number) {
  const option = item.options.find((o) => o.points === points);
  if (!option) throw new Error(`standard data: ${item.id} has no option of ${points} points`);
  return option;
}

/** Estimates the disability grade from the points chosen for all 17 items. Throws RulesInputError on bad input. */
export function selfCheck(answers: SelfCheckInput): SelfCheckResult {
  const input = parseSelfCheckInput(answers);
  const steps: Step[] = [];
  // Every value the result depends on, so that the result can say which are not verified.
  const used: { label: string; mark: Mark }[] = [];
  const levelName = (level: LevelId) => LEVEL_NAMES.names[level];
  used.push({ label: '能力等级名称（能力完好、轻度受损、中度受损、重度受损）', mark: LEVEL_NAMES });

  const domains = {} as Record<DomainId, DomainResult>;
  for (const domain of DOMAINS) {
    let score = 0;
    const parts: string[] = [];
    for (const item of domain.items) {
      const points = input[item.id];
      used.push({ label: `「${item.name}」${points} 分这一选项`, mark: optionOf(item, points) });
      score += points;
      parts.push(`${item.name} ${points}`);
    }
    const band = bandOf(domain, score);
    used.push({ label: `${domain.name}的分级界限`, mark: domain.bandsMark });
    const caveat = domain.bandsMark.status === 'confirmed' ? '' : domain.bandsNote;
    steps.push({
      text:
        `${domain.name}：${parts.join(' + ')} = ${score} 分（满分 ${domain.max} 分），` +
        `属于「${levelName(band.level)}」（${bandRange(band.min, band.max)}）。${caveat}`,
    });
    domains[domain.id] = { score, level: band.level, levelName: levelName(band.level) };
  }

  // 组合法: the column is the worse of cognition and perception-and-communication.
  const { adl, cognition, perception } = domains;
  const column = LEVEL_IDS[Math.max(LEVEL_IDS.indexOf(cognition.level), LEVEL_IDS.indexOf(perception.level))];
  used.push({ label: '组合时取认知能力与感知觉与沟通能力中较重一项的规则', mark: COMBINATION.columnRule });
  steps.push({
    text:
      `认知能力「${cognition.levelName}」与感知觉与沟通能力「${perception.levelName}」取较重的一项：「${levelName(column)}」。` +
      (COMBINATION.columnRule.verified ? '' : '这一规则尚未与标准附件原文核对。'),
  });

  const cell = COMBINATION.table[adl.level][column];
  const grade = GRADES.find((g) => g.number === cell.grade);
  if (!grade) throw new Error(`standard data: no grade number ${cell.grade}`);
  const cellLabel = `日常生活活动能力「${adl.levelName}」、另两项较重者「${levelName(column)}」`;
  used.push({ label: `组合表中${cellLabel}对应的等级`, mark: cell });
  used.push({ label: '失能等级的编号与名称', mark: grade });
  steps.push({
    text:
      `查组合表：${cellLabel} → ${grade.number} 级「${grade.name}」。` +
      (cell.verified ? '' : '组合表尚未与标准附件原文核对。') +
      (cell.note ? `这一格${cell.note}。` : ''),
  });

  const labels = (status: Mark['status']) => [
    ...new Set(used.filter((u) => u.mark.status === status).map((u) => u.label)),
  ];
  const consistent = labels('consistent');
  if (consistent.length > 0) {
    steps.push({ text: `以下数值与其他依据一致，但尚未见 2021 年标准附件原文：${consistent.join('；')}。` });
  }

  const notes: Note[] = [estimateNote()];
  const unverified = labels('unverified');
  if (unverified.length > 0) {
    notes.push({
      code: 'unverified-standard',
      text: `下列内容尚未与标准附件原文核对，估算结果可能有出入：${unverified.join('；')}。`,
    });
  }

  return {
    adl,
    cognition,
    perception,
    grade: grade.id,
    gradeNumber: grade.number,
    gradeName: grade.name,
    verified: used.every((u) => u.mark.verified),
    notes,
    steps,
  };
}

// ---------------------------------------------------------------------------------------------
// A–G pre-application screen

/** Why the data is wrong if this throws: the 16 (a, b) pairs must map to one level each. */
function quickLevelOf(a: number, b: number): QuickLevel {
  const matches = QUICK_SCREEN.levels.filter((l) => l.counts.some(([x, y]) => x === a && y === b));
  if (matches.length !== 1) throw new Error(`standard data: (${a}, ${b}) maps to ${matches.length} levels`);
  return matches[0].level;
}

function dependentItems<Id extends string>(items: readonly QuickItem<Id>[], marks: Record<Id, QuickMarkId>) {
  return items.filter((item) => marks[item.id] === QUICK_SCREEN.counted);
}

function countStep(group: string, items: readonly QuickItem<string>[], dependent: readonly QuickItem<string>[]) {
  const names = items.map((i) => i.name).join('、');
  return dependent.length === 0
    ? `${group} 类项目（${names}）中没有标为“依赖”的。`
    : `${group} 类项目（${names}）中标为“依赖”的有 ${dependent.length} 项：${dependent.map((i) => i.name).join('、')}。`;
}

/** Grades the six-item pre-application form (A–G) and says whether applying makes sense (E, F, G). */
export function quickScreen(answers: QuickScreenInput): QuickScreenResult {
  const input = parseQuickScreenInput(answers);
  const depA = dependentItems(QUICK_SCREEN.aItems, input.a);
  const depB = dependentItems(QUICK_SCREEN.bItems, input.b);
  const level = quickLevelOf(depA.length, depB.length);
  const shouldApply = QUICK_SCREEN.applyAt.includes(level);
  const applyLevels = QUICK_SCREEN.applyAt.join('、');

  const steps: Step[] = [
    { text: countStep('a', QUICK_SCREEN.aItems, depA) },
    { text: countStep('b', QUICK_SCREEN.bItems, depB) },
    { text: `查自评表：a 类 ${depA.length} 项、b 类 ${depB.length} 项标为“依赖” → ${level} 级。` },
    {
      text: shouldApply
        ? `自评表规定达到 ${applyLevels} 级方可申请长期护理失能等级评估；现在是 ${level} 级，可以申请。`
        : `自评表规定达到 ${applyLevels} 级方可申请长期护理失能等级评估；现在是 ${level} 级，还没有达到。`,
    },
  ];

  const notes: Note[] = [
    {
      code: 'estimate-only',
      text:
        `这是申请前的自评（${QUICK_SCREEN.title}），不是正式评估。` + '正式的失能等级要由评估机构派人上门评估后确定。',
    },
    { code: 'interpretation', text: QUICK_SCREEN.countedNote },
    {
      code: 'set-locally',
      text: '这张自评表目前已知重庆市在用；其他地方是否用这张表、申请门槛是否一样，请以当地医保部门的要求为准。',
    },
  ];

  return { level, dependentA: depA.length, dependentB: depB.length, shouldApply, notes, steps };
}
