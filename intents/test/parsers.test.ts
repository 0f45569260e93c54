import { extractEntities, parseChineseAmountFen, parseChineseDate, parseDurationMonths } from '@changhu/intents';
import { parseChineseNumber } from '../src/numbers';

describe('parseChineseNumber', () => {
  test.each([
    ['3500', 3500],
    ['1,116', 1116],
    ['3.5千', 3500],
    ['3千5', 3500],
    ['1.2万', 12000],
    ['三千五', 3500],
    ['两千八', 2800],
    ['三百五', 350],
    ['一万二', 12000],
    ['三千零五', 3005],
    ['十五', 15],
    ['二十', 20],
    ['一百二十万', 1200000],
    ['二〇二四', 2024],
    ['三四千', 3000],
  ])('%s → %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));
});

describe('parseChineseAmountFen: integer fen from any way people type an amount', () => {
  test.each([
    ['3500', 350000],
    ['3500元', 350000],
    ['三千五', 350000],
    ['3.5千', 350000],
    ['五千块', 500000],
    ['五千块钱', 500000],
    ['一个月四千', 400000],
    ['四千一个月', 400000],
    ['两千八', 280000],
    ['1,116.50元', 111650],
    ['¥1,116', 111600],
    ['五块五', 550],
    ['三块五毛', 350],
    ['一万二', 1200000],
    ['八百多', 80000],
    ['护理院每月3500元', 350000],
  ])('%s → %d fen', (s, fen) => expect(parseChineseAmountFen(s)).toBe(fen));

  test.each(['没有钱', '三个月', '85岁', ''])('%s → null', (s) => expect(parseChineseAmountFen(s)).toBeNull());
});

describe('parseDurationMonths', () => {
  test.each([
    ['三个多月', 3],
    ['三个半月', 3.5],
    ['半年', 6],
    ['半年多', 6],
    ['大半年', 8],
    ['一年多', 12],
    ['一年半', 18],
    ['两年', 24],
    ['6个月', 6],
    ['俩月', 2],
    ['十来个月', 10],
    ['一年零三个月', 15],
    ['两周', 0.47],
    ['半个月', 0.5],
  ])('%s → %d months', (s, n) => expect(parseDurationMonths(s)).toBe(n));

  test.each(['很久', '三千五', ''])('%s → null', (s) => expect(parseDurationMonths(s)).toBeNull());
});

describe('parseChineseDate (today 2026-12-02, a Wednesday)', () => {
  const today = '2026-12-02';
  test.each([
    ['2024年9月27日', '2024-09-27'],
    ['2024-09-27', '2024-09-27'],
    ['2024/9/27', '2024-09-27'],
    ['二〇二四年九月二十七日', '2024-09-27'],
    ['9月27号', '2026-09-27'],
    ['去年9月1日', '2025-09-01'],
    ['今天', '2026-12-02'],
    ['昨天', '2026-12-01'],
    ['前天', '2026-11-30'],
    ['明天', '2026-12-03'],
    ['3天前', '2026-11-29'],
    ['上周五', '2026-11-27'],
    ['上星期一', '2026-11-23'],
    ['这周三', '2026-12-02'],
    ['周日', '2026-12-06'],
    ['下周一', '2026-12-07'],
    ['上个月5号', '2026-11-05'],
    ['27号', '2026-12-27'],
  ])('%s → %s', (s, d) => expect(parseChineseDate(s, today)).toBe(d));

  // Across a year boundary: the Monday-start week and the month before January.
  test.each([
    ['上周五', '2027-01-04', '2027-01-01'],
    ['上个月5号', '2027-01-04', '2026-12-05'],
    ['昨天', '2027-01-01', '2026-12-31'],
    ['昨天', '2024-03-01', '2024-02-29'],
  ])('%s on %s → %s', (s, t, d) => expect(parseChineseDate(s, t)).toBe(d));

  test.each(['2月30日', '13月1日', '2025-02-29', '明年', '随便'])('%s → null', (s) =>
    expect(parseChineseDate(s, today)).toBeNull(),
  );
});

describe('extractEntities: domain ids of @changhu/rules', () => {
  const today = '2026-12-02';
  const pick = (text: string) => extractEntities(text, { today }).map((e) => [e.type, e.value]);

  test.each([
    ['鹿城的', [['district', 'lucheng']]],
    ['任城区', [['district', 'rencheng']]],
    ['梁山', [['district', 'liangshan']]],
    ['温州市', [['region', 'wenzhou']]],
    ['在晋江', [['region', 'jinjiang']]],
    ['吉林市的', [['region', 'jilin-city']]],
    ['职工', [['insurance', 'employee']]],
    ['退休', [['insurance', 'employee-retired']]],
    ['职工医保退休', [['insurance', 'employee-retired']]],
    ['居民', [['insurance', 'resident']]],
    ['灵活就业', [['insurance', 'flexible']]],
    ['重度三级', [['grade', 'severe-3']]],
    ['三级', [['grade', 'severe-3']]],
    ['3级', [['grade', 'severe-3']]],
    ['重度Ⅲ级', [['grade', 'severe-3']]],
    ['重度失能三级', [['grade', 'severe-3']]],
    ['重度失能Ⅱ级', [['grade', 'severe-2']]],
    ['重度一级', [['grade', 'severe-1']]],
    ['中度失能', [['grade', 'moderate']]],
    ['亲情护理', [['careMode', 'family']]],
    ['家里人照顾', [['careMode', 'family']]],
    ['上门', [['careMode', 'home']]],
    ['请人上门', [['careMode', 'home']]],
    ['养老院', [['careMode', 'institution']]],
    ['护理院', [['careMode', 'institution']]],
    ['住院护理', [['careMode', 'medical-special']]],
    ['医疗专护', [['careMode', 'medical-special']]],
    ['社区护理', [['careMode', 'community']]],
    ['二级医院', [['hospitalTier', 2]]],
    ['三级医院', [['hospitalTier', 3]]],
    ['三个多月', [['disabilityMonths', 3]]],
    ['半年', [['disabilityMonths', 6]]],
    ['一年多', [['disabilityMonths', 12]]],
    ['中风了', [['disabilityCause', 'illness']]],
    ['2024年9月27日', [['date', '2024-09-27']]],
    ['上周五', [['date', '2026-11-27']]],
    ['今天', [['date', '2026-12-02']]],
    ['3500', [['amountFen', 350000]]],
    ['3500元', [['amountFen', 350000]]],
    ['三千五', [['amountFen', 350000]]],
    ['3.5千', [['amountFen', 350000]]],
    ['五千块', [['amountFen', 500000]]],
    ['两千八', [['amountFen', 280000]]],
  ])('%s', (text, expected) => expect(pick(text)).toEqual(expected));

  test('a whole message: every entity with its span', () => {
    const text = '俺娘在鹿城瘫床上三个多月了，职工退休，重度三级，想请人上门，一个月四千能报多少';
    const got = extractEntities(text, { today });
    expect(got.map((e) => [e.type, e.value])).toEqual([
      ['district', 'lucheng'],
      ['disabilityMonths', 3],
      ['insurance', 'employee-retired'],
      ['grade', 'severe-3'],
      ['careMode', 'home'],
      ['amountFen', 400000],
    ]);
    for (const e of got) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  test.each([
    [
      '三级医院能做专护吗',
      [
        ['hospitalTier', 3],
        ['careMode', 'medical-special'],
      ],
    ],
    ['老人85岁了', []],
    ['一个月四千', [['amountFen', 400000]]],
    ['每个月3000', [['amountFen', 300000]]],
    ['2024年', []],
    ['打了40分', []],
    ['住在5号楼', []],
    ['电话13812345678', []],
    ['万一不行呢', []],
    // 护理机构 is any provider (home-visit companies too): looking for one is no choice of care mode.
    ['找护理机构', []],
    ['哪个护理机构好', []],
    ['温州有哪些定点护理机构', [['region', 'wenzhou']]],
    ['附近的护理机构电话多少', []],
    ['想换一家服务机构', []],
  ])('not mistaken: %s', (text, expected) => expect(pick(text)).toEqual(expected));

  test.each([
    ['住护理机构一个月五千能报多少', 'institution'],
    ['想把老人送到护理机构', 'institution'],
    ['住进了护理机构', 'institution'],
  ])('staying in a 护理机构 is the institution mode: %s', (text, mode) =>
    expect(pick(text).filter(([type]) => type === 'careMode')).toEqual([['careMode', mode]]),
  );
});
