import { GRADE_IDS, GRADE_LEVEL, GRADE_NAMES, type GradeId } from '../src/domain';
import { RulesInputError } from '../src/errors';
import {
  parseQuickScreenInput,
  parseSelfCheckInput,
  quickScreen,
  selfCheck,
  SELF_CHECK_STANDARD,
  type AbilityLevelId,
  type QuickLevel,
  type QuickMarkId,
  type QuickScreenInput,
  type SelfCheckInput,
} from '../src/selfcheck';
import { ITEM_IDS } from '../src/selfcheck/standard';

const { domains, combination, quickScreen: QS } = SELF_CHECK_STANDARD;
const domain = (id: string) => domains.find((d) => d.id === id)!;

/** Answers whose domain sums are exactly the given scores: start at full marks, take points off item by item. */
function answersFor(adl: number, cognition: number, perception: number): SelfCheckInput {
  const answers: Record<string, number> = {};
  for (const [id, target] of [
    ['adl', adl],
    ['cognition', cognition],
    ['perception', perception],
  ] as const) {
    let deficit = domain(id).max - target;
    for (const item of domain(id).items) {
      const max = Math.max(...item.options.map((o) => o.points));
      const cut = Math.min(max, deficit);
      answers[item.id] = max - cut;
      deficit -= cut;
    }
    if (deficit !== 0) throw new Error(`cannot reach ${target} in ${id}`);
  }
  return answers as SelfCheckInput;
}

/** A score inside each level, per domain. */
const SCORE_IN: Record<string, Record<AbilityLevelId, number>> = {
  adl: { intact: 100, mild: 80, moderate: 50, severe: 20 },
  cognition: { intact: 16, mild: 13, moderate: 9, severe: 3 },
  perception: { intact: 12, mild: 9, moderate: 5, severe: 1 },
};

const FULL = answersFor(100, 16, 12);

function expectInputError(fn: () => unknown): RulesInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RulesInputError);
    const e = error as RulesInputError;
    expect(e.code).toBe('invalid-input');
    expect(e.name).toBe('RulesInputError');
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    return e;
  }
  throw new Error('expected a RulesInputError');
}

describe('the standard as data', () => {
  it('has 17 items in 3 domains, 10 + 4 + 3, with the official names', () => {
    expect(domains.map((d) => [d.id, d.name, d.items.map((i) => i.name)])).toEqual([
      [
        'adl',
        '日常生活活动能力',
        ['进食', '穿衣', '面部与口腔清洁', '大便控制', '小便控制', '用厕', '平地行走', '床椅转移', '上下楼', '洗澡'],
      ],
      ['cognition', '认知能力', ['时间定向', '人物定向', '空间定向', '记忆力']],
      ['perception', '感知觉与沟通能力', ['视力', '听力', '沟通能力']],
    ]);
    expect(domains.flatMap((d) => d.items.map((i) => i.id))).toEqual([...ITEM_IDS]);
  });

  it('has the official points of every item, and domain maxima 100, 16 and 12', () => {
    const points = Object.fromEntries(
      domains.flatMap((d) => d.items.map((i) => [i.id, i.options.map((o) => o.points)])),
    );
    expect(points).toEqual({
      eating: [0, 5, 10],
      dressing: [0, 5, 10],
      'face-mouth-hygiene': [0, 5],
      'bowel-control': [0, 5, 10],
      'bladder-control': [0, 5, 10],
      'toilet-use': [0, 5, 10],
      'level-walking': [0, 5, 10, 15],
      'bed-chair-transfer': [0, 5, 10, 15],
      stairs: [0, 5, 10],
      bathing: [0, 5],
      'time-orientation': [0, 1, 2, 3, 4],
      'person-orientation': [0, 1, 2, 3, 4],
      'place-orientation': [0, 1, 2, 3, 4],
      memory: [0, 1, 2, 3, 4],
      vision: [0, 1, 2, 3, 4],
      hearing: [0, 1, 2, 3, 4],
      communication: [0, 1, 2, 3, 4],
    });
    for (const d of domains) {
      expect(d.items.reduce((sum, i) => sum + Math.max(...i.options.map((o) => o.points)), 0)).toBe(d.max);
    }
  });

  it('marks values as the source document does', () => {
    const stairs = domain('adl').items.find((i) => i.id === 'stairs')!;
    expect(stairs.options.map((o) => [o.points, o.status, o.verified])).toEqual([
      [0, 'confirmed', true],
      [5, 'consistent', true],
      [10, 'consistent', true],
    ]);
    expect(domains.map((d) => [d.id, d.bandsMark])).toEqual([
      ['adl', { status: 'consistent', verified: true }],
      ['cognition', { status: 'unverified', verified: false }],
      ['perception', { status: 'unverified', verified: false }],
    ]);
    expect(combination.columnRule).toMatchObject({ status: 'unverified', verified: false });
    for (const row of Object.values(combination.table)) {
      for (const c of Object.values(row)) expect(c).toMatchObject({ status: 'unverified', verified: false });
    }
    expect(SELF_CHECK_STANDARD.levelNames).toMatchObject({ status: 'unverified', verified: false });
    expect(SELF_CHECK_STANDARD.grades.every((g) => g.status === 'confirmed' && g.verified)).toBe(true);
    expect(QS).toMatchObject({ status: 'confirmed', verified: true });
    // verified is false exactly when the status is unverified.
    const marks = domains.flatMap((d) => d.items.flatMap((i) => [i, ...i.options]));
    for (const m of marks) expect(m.verified).toBe(m.status !== 'unverified');
  });

  it('cites the 2021 standard, not the 2020 guidance', () => {
    const { source } = SELF_CHECK_STANDARD;
    expect(source.title).toBe('长期护理失能等级评估标准（试行）');
    expect(source.documentNumber).toBe('医保办发〔2021〕37号');
    expect(source.publishedOn).toBe('2021-08-03');
    expect(source.publishedAt).toBe('nhsa.gov.cn');
    expect(source.signedOnVerified).toBe(false);
    expect(source.localRefinement).toContain('细化完善');
  });

  it('numbers the grades 0..5 as normal … severe-3', () => {
    expect(SELF_CHECK_STANDARD.grades.map((g) => [g.number, g.id, g.name])).toEqual(
      GRADE_IDS.map((id) => [GRADE_LEVEL[id], id, GRADE_NAMES[id]]),
    );
  });

  it('has bands that cover every reachable score exactly once', () => {
    for (const d of domains) {
      for (let score = 0; score <= d.max; score += d.id === 'adl' ? 5 : 1) {
        expect([d.id, score, d.bands.filter((b) => score >= b.min && score <= b.max).length]).toEqual([d.id, score, 1]);
      }
    }
  });
});

describe('selfCheck: band edges', () => {
  const cases: [string, number, AbilityLevelId][] = [
    ['adl', 100, 'intact'],
    ['adl', 95, 'mild'],
    ['adl', 65, 'mild'],
    ['adl', 60, 'moderate'],
    ['adl', 45, 'moderate'],
    ['adl', 40, 'severe'],
    ['adl', 0, 'severe'],
    ['cognition', 16, 'intact'],
    ['cognition', 15, 'mild'],
    ['cognition', 12, 'mild'],
    ['cognition', 11, 'moderate'],
    ['cognition', 8, 'moderate'],
    ['cognition', 7, 'severe'],
    ['cognition', 0, 'severe'],
    ['perception', 12, 'intact'],
    ['perception', 11, 'mild'],
    ['perception', 8, 'mild'],
    ['perception', 7, 'moderate'],
    ['perception', 4, 'moderate'],
    ['perception', 3, 'severe'],
    ['perception', 0, 'severe'],
  ];
  it.each(cases)('%s %i → %s', (id, score, level) => {
    const scores = { adl: 100, cognition: 16, perception: 12, [id]: score };
    const result = selfCheck(answersFor(scores.adl, scores.cognition, scores.perception));
    const domainResult = result[id as 'adl' | 'cognition' | 'perception'];
    expect(domainResult.score).toBe(score);
    expect(domainResult.level).toBe(level);
  });
});

describe('selfCheck: every cell of the combination table', () => {
  // Rows ADL, columns the worse of cognition and perception (assessment-standard.md, 组合法).
  const expected: Record<AbilityLevelId, Record<AbilityLevelId, GradeId>> = {
    intact: { intact: 'normal', mild: 'normal', moderate: 'mild', severe: 'mild' },
    mild: { intact: 'mild', mild: 'mild', moderate: 'mild', severe: 'moderate' },
    moderate: { intact: 'moderate', mild: 'moderate', moderate: 'moderate', severe: 'severe-1' },
    severe: { intact: 'severe-1', mild: 'severe-1', moderate: 'severe-2', severe: 'severe-3' },
  };
  const cells = Object.entries(expected).flatMap(([adl, row]) =>
    Object.entries(row).map(([other, grade]) => [adl, other, grade] as [AbilityLevelId, AbilityLevelId, GradeId]),
  );
  it('has 16 cells', () => expect(cells).toHaveLength(16));

  it.each(cells)('ADL %s × other %s → %s', (adl, other, grade) => {
    // Both other domains at the same level, so the column is that level whichever rule applies.
    const result = selfCheck(answersFor(SCORE_IN.adl[adl], SCORE_IN.cognition[other], SCORE_IN.perception[other]));
    expect(result.adl.level).toBe(adl);
    expect(result.cognition.level).toBe(other);
    expect(result.perception.level).toBe(other);
    expect(result.grade).toBe(grade);
    expect(result.gradeNumber).toBe(GRADE_LEVEL[grade]);
    expect(result.gradeName).toBe(GRADE_NAMES[grade]);
  });
});

describe('selfCheck: the column is the worse of cognition and perception', () => {
  const cases: [number, number, number, AbilityLevelId, GradeId][] = [
    // adl, cognition, perception → column, grade
    [100, 16, 1, 'severe', 'mild'],
    [100, 3, 12, 'severe', 'mild'],
    [80, 16, 1, 'severe', 'moderate'],
    [80, 3, 12, 'severe', 'moderate'],
    [20, 13, 5, 'moderate', 'severe-2'],
    [20, 9, 9, 'moderate', 'severe-2'],
    [20, 16, 9, 'mild', 'severe-1'],
    [50, 3, 9, 'severe', 'severe-1'],
  ];
  it.each(cases)('ADL %i, cognition %i, perception %i → column %s → %s', (adl, cog, per, column, grade) => {
    const result = selfCheck(answersFor(adl, cog, per));
    expect(result.grade).toBe(grade);
    expect(
      result.steps.some((s) => s.text.includes(`取较重的一项：「${SELF_CHECK_STANDARD.levelNames.names[column]}」`)),
    ).toBe(true);
  });
});

describe('selfCheck: result', () => {
  it('explains each domain sum, its band and the table cell', () => {
    const result = selfCheck(answersFor(80, 13, 5));
    expect(result.adl).toEqual({ score: 80, level: 'mild', levelName: '轻度受损' });
    expect(result.cognition).toEqual({ score: 13, level: 'mild', levelName: '轻度受损' });
    expect(result.perception).toEqual({ score: 5, level: 'moderate', levelName: '中度受损' });
    expect(result.grade).toBe('mild');
    expect(result.gradeNumber).toBe(1);
    expect(result.gradeName).toBe('轻度失能');
    const texts = result.steps.map((s) => s.text);
    expect(texts[0]).toBe(
      '日常生活活动能力：进食 0 + 穿衣 0 + 面部与口腔清洁 5 + 大便控制 10 + 小便控制 10 + 用厕 10 + 平地行走 15 + ' +
        '床椅转移 15 + 上下楼 10 + 洗澡 5 = 80 分（满分 100 分），属于「轻度受损」（65–95 分）。' +
        '这一分级与民政行业标准 MZ/T 039-2013 一致，但尚未见 2021 年标准附件原文。',
    );
    expect(texts[1]).toMatch(/^认知能力：.* = 13 分（满分 16 分），属于「轻度受损」（12–15 分）/);
    expect(texts[2]).toMatch(/^感知觉与沟通能力：.* = 5 分（满分 12 分），属于「中度受损」（4–7 分）/);
    expect(texts[3]).toContain('取较重的一项：「中度受损」');
    expect(texts[4]).toContain('查组合表：日常生活活动能力「轻度受损」、另两项较重者「中度受损」 → 1 级「轻度失能」');
  });

  it('always carries the estimate-only note naming the standard', () => {
    for (const answers of [FULL, answersFor(0, 0, 0), answersFor(55, 10, 6)]) {
      const note = selfCheck(answers).notes.find((n) => n.code === 'estimate-only');
      expect(note?.text).toContain('不是正式评估');
      expect(note?.text).toContain('《长期护理失能等级评估标准（试行）》（医保办发〔2021〕37号）');
    }
  });

  it('is not verified and lists the unverified values it used', () => {
    const result = selfCheck(answersFor(80, 13, 5));
    expect(result.verified).toBe(false);
    const note = result.notes.find((n) => n.code === 'unverified-standard');
    expect(note?.text).toContain('认知能力的分级界限');
    expect(note?.text).toContain('感知觉与沟通能力的分级界限');
    expect(note?.text).toContain('较重一项的规则');
    expect(note?.text).toContain('组合表中日常生活活动能力「轻度受损」、另两项较重者「中度受损」对应的等级');
    // ADL bands are consistent, not unverified: an explanation step, not in the note.
    expect(note?.text).not.toContain('日常生活活动能力的分级界限');
    expect(result.steps.some((s) => s.text.includes('MZ/T 039-2013'))).toBe(true);
  });

  it('names an option with unverified wording when it is chosen', () => {
    const answers = { ...FULL, 'time-orientation': 2 };
    const text = selfCheck(answers).notes.find((n) => n.code === 'unverified-standard')?.text;
    expect(text).toContain('「时间定向」2 分这一选项');
    expect(selfCheck(FULL).notes.find((n) => n.code === 'unverified-standard')?.text).not.toContain('时间定向');
  });

  it('accepts the parsed input unchanged', () => {
    expect(parseSelfCheckInput(FULL)).toEqual(FULL);
  });
});

describe('selfCheck: bad input', () => {
  it('rejects a missing item, in Chinese, naming the item', () => {
    const { eating: _eating, ...rest } = FULL;
    const e = expectInputError(() => selfCheck(rest as SelfCheckInput));
    expect(e.details).toEqual([{ path: 'eating', message: '请为「进食」选择一项' }]);
    expect(e.message).toContain('请为「进食」选择一项');
  });

  it('rejects points that the item does not allow', () => {
    const e = expectInputError(() => parseSelfCheckInput({ ...FULL, 'face-mouth-hygiene': 10, memory: 5 }));
    expect(e.details).toEqual([
      { path: 'face-mouth-hygiene', message: '「面部与口腔清洁」的选择无效：只能是 0、5 分中的一项' },
      { path: 'memory', message: '「记忆力」的选择无效：只能是 0、1、2、3、4 分中的一项' },
    ]);
  });

  it('rejects points given as text', () => {
    const e = expectInputError(() => parseSelfCheckInput({ ...FULL, eating: '10' }));
    expect(e.details).toEqual([{ path: 'eating', message: '「进食」的选择无效：只能是 0、5、10 分中的一项' }]);
  });

  it('rejects an unknown item id', () => {
    const e = expectInputError(() => parseSelfCheckInput({ ...FULL, consciousness: 4 }));
    expect(e.details).toEqual([{ path: 'consciousness', message: '没有「consciousness」这一项，请去掉' }]);
  });

  it('rejects something that is not an answer sheet, and lists all 17 missing items', () => {
    expect(expectInputError(() => parseSelfCheckInput(null)).details).toEqual([
      { path: '', message: '请把全部 17 项都选好后再提交' },
    ]);
    const e = expectInputError(() => parseSelfCheckInput({}));
    expect(e.details).toHaveLength(17);
    expect(e.details.map((d) => d.path)).toEqual([...ITEM_IDS]);
    expect(e.details[16]).toEqual({ path: 'communication', message: '请为「沟通能力」选择一项' });
  });
});

describe('quickScreen: all 16 (a, b) counts', () => {
  // 长期护理失能等级自评表: level by the number of a- and b-items marked 依赖.
  const expected: QuickLevel[][] = [
    // b = 0    1    2    3
    ['A', 'B', 'B', 'C'], // a = 0
    ['B', 'C', 'D', 'E'], // a = 1
    ['D', 'E', 'E', 'F'], // a = 2
    ['E', 'F', 'F', 'G'], // a = 3
  ];
  const cases = expected.flatMap((row, a) => row.map((level, b) => [a, b, level] as [number, number, QuickLevel]));

  /** The first n items dependent; the others alternate independent and partial (which do not count). */
  function marks<Id extends string>(ids: readonly Id[], n: number): Record<Id, QuickMarkId> {
    return Object.fromEntries(
      ids.map((id, i) => [id, i < n ? 'dependent' : i % 2 ? 'partial' : 'independent']),
    ) as Record<Id, QuickMarkId>;
  }

  it.each(cases)('a %i, b %i → %s', (a, b, level) => {
    const input: QuickScreenInput = {
      a: marks(['eating', 'continence', 'bathing'], a),
      b: marks(['dressing', 'toileting', 'transfer'], b),
    };
    const result = quickScreen(input);
    expect(result.level).toBe(level);
    expect(result.dependentA).toBe(a);
    expect(result.dependentB).toBe(b);
    expect(result.shouldApply).toBe(['E', 'F', 'G'].includes(level));
  });

  it('does not count 部分独立', () => {
    const all = (m: QuickMarkId) => ({
      a: { eating: m, continence: m, bathing: m },
      b: { dressing: m, toileting: m, transfer: m },
    });
    expect(quickScreen(all('partial'))).toMatchObject({ level: 'A', dependentA: 0, dependentB: 0, shouldApply: false });
    expect(quickScreen(all('dependent'))).toMatchObject({
      level: 'G',
      dependentA: 3,
      dependentB: 3,
      shouldApply: true,
    });
  });

  it('explains the count and the threshold, and says it is not an assessment', () => {
    const result = quickScreen({
      a: { eating: 'dependent', continence: 'partial', bathing: 'dependent' },
      b: { dressing: 'dependent', toileting: 'independent', transfer: 'partial' },
    });
    expect(result.level).toBe('E');
    expect(result.steps.map((s) => s.text)).toEqual([
      'a 类项目（进食、大小便控制、洗澡）中标为“依赖”的有 2 项：进食、洗澡。',
      'b 类项目（穿衣、用厕、床椅转移）中标为“依赖”的有 1 项：穿衣。',
      '查自评表：a 类 2 项、b 类 1 项标为“依赖” → E 级。',
      '自评表规定达到 E、F、G 级方可申请长期护理失能等级评估；现在是 E 级，可以申请。',
    ]);
    expect(result.notes.map((n) => n.code)).toEqual(['estimate-only', 'interpretation', 'set-locally']);
    expect(result.notes[0].text).toContain('不是正式评估');
  });

  it('has data that maps each pair to exactly one level', () => {
    const pairs = QS.levels.flatMap((l) => l.counts.map(([a, b]) => `${a},${b}`));
    expect(pairs).toHaveLength(16);
    expect(new Set(pairs).size).toBe(16);
  });
});

describe('quickScreen: bad input', () => {
  it('names the missing item and rejects unknown marks and items', () => {
    const e = expectInputError(() =>
      parseQuickScreenInput({
        a: { eating: 'dependent', bathing: 'sometimes' },
        b: { dressing: 'dependent', toileting: 'dependent', transfer: 'dependent', walking: 'dependent' },
      }),
    );
    expect(e.details).toEqual([
      { path: 'a.continence', message: '请为「大小便控制」选择一项：独立、部分独立（需要帮助）、依赖' },
      { path: 'a.bathing', message: '「洗澡」的选择无效：只能是独立、部分独立（需要帮助）、依赖之一' },
      { path: 'b.walking', message: '没有「walking」这一项，请去掉' },
    ]);
  });

  it('rejects a missing group', () => {
    const e = expectInputError(() => quickScreen({ a: undefined } as unknown as QuickScreenInput));
    expect(e.details).toEqual([
      { path: 'a', message: '请填写 a 类项目（进食、大小便控制、洗澡）' },
      { path: 'b', message: '请填写 b 类项目（穿衣、用厕、床椅转移）' },
    ]);
  });
});
