// The rule values of the five seed documents, each with its clause. A value a seed delegates to a document
// outside the rule base is `setLocally` with who decides: never a number.
import {
  type CareModeId,
  type GradeId,
  type InsuranceId,
  type JilinRegionId,
  type RegionId,
  GRADE_NAMES,
} from '../domain';
import { type Rule, type Segment, type Unit, cite, setLocally, timeline, value } from './timeline';

const rule = <T>(id: string, label: string, unit: Unit, timelineOf: Segment<T>[]): Rule<T> => ({
  id,
  label,
  unit,
  timeline: timelineOf,
});

// ---------------------------------------------------------------- wenzhou-2023 (draft, plan 2023-2025)
const WZ = 'wenzhou-2023' as const;

/** §二(五): monthly caps, yuan → fen, by severe grade; 居家上门护理 and 机构护理 share one column. */
const WENZHOU_CAPS: Record<'visiting' | 'family', Record<'severe-1' | 'severe-2' | 'severe-3', number>> = {
  visiting: { 'severe-3': 298000, 'severe-2': 238400, 'severe-1': 178800 },
  family: { 'severe-3': 149000, 'severe-2': 119200, 'severe-1': 89400 },
};

export const wenzhouCap = Object.fromEntries(
  (['visiting', 'family'] as const).flatMap((group) =>
    (['severe-1', 'severe-2', 'severe-3'] as const).map((grade) => [
      `${group}.${grade}`,
      rule(
        `cap.wenzhou.${group}.${grade}`,
        `温州${group === 'family' ? '居家亲情护理' : '居家上门护理、机构护理'}${GRADE_NAMES[grade]}每月最高限额`,
        'fen/month',
        timeline([{ doc: WZ, body: value(WENZHOU_CAPS[group][grade], cite(WZ, '§二(五)')) }]),
      ),
    ]),
  ),
) as Record<`${'visiting' | 'family'}.${'severe-1' | 'severe-2' | 'severe-3'}`, Rule<number>>;

export const wenzhouFundRatio = rule(
  'ratio.wenzhou',
  '温州基金支付比例',
  'percent',
  timeline([{ doc: WZ, body: value(80, cite(WZ, '§二(五)')) }]),
);

/** §二(五): in family care the daily-living part of the cap is at least half of it. */
export const wenzhouDailyLivingShare = rule(
  'share.wenzhou.family.daily-living',
  '温州居家亲情护理中生活护理费用最高限占限额的最低比例',
  'percent',
  timeline([{ doc: WZ, body: value(50, cite(WZ, '§二(五)')) }]),
);

export const wenzhouMinGrade = rule<GradeId>(
  'threshold.wenzhou',
  '温州待遇享受的失能等级：重度失能',
  'grade',
  timeline([{ doc: WZ, body: value<GradeId>('severe-1', cite(WZ, '§二(二)')) }]),
);

export const wenzhouMinMonths = rule(
  'duration.wenzhou',
  '温州失能状态持续时间（因年老失能除外）',
  'months',
  timeline([{ doc: WZ, body: value(6, cite(WZ, '§二(二)')) }]),
);

export const wenzhouObjectionDays = rule(
  'objection.wenzhou',
  '温州对首次评估结论申请复评的期限（接到评估结论通知后）',
  'working-days',
  timeline([{ doc: WZ, body: value(10, cite(WZ, '§三(三)')) }]),
);

// ---------------------------------------------------------------- jinjiang-2023 (in force 2023-04-01..2026-03-31)
const JJ = 'jinjiang-2023' as const;
const JJ_STANDARD =
  '《晋江市长期护理保险待遇服务内容及标准实施指导意见》（由晋江市长期护理保险工作领导小组办公室组织修订，不在我们收录的政策文件中）';

export const jinjiangCap = rule(
  'cap.jinjiang',
  '晋江护理服务补助标准',
  'fen/month',
  timeline([{ doc: JJ, body: setLocally<number>(JJ_STANDARD, [cite(JJ, '§二(三)'), cite(JJ, '§二(四)1')]) }]),
);
export const jinjiangFundRatio = rule(
  'ratio.jinjiang',
  '晋江基金支付比例',
  'percent',
  timeline([{ doc: JJ, body: setLocally<number>(JJ_STANDARD, [cite(JJ, '§二(三)'), cite(JJ, '§二(四)1')]) }]),
);
export const jinjiangMinGrade = rule<GradeId>(
  'threshold.jinjiang',
  '晋江各失能等级对应的待遇',
  'grade',
  timeline([{ doc: JJ, body: setLocally<GradeId>(JJ_STANDARD, [cite(JJ, '§二(三)')]) }]),
);
export const jinjiangMinMonths = rule(
  'duration.jinjiang',
  '晋江因疾病、伤残等原因的最短治疗时间（因年老长期失能除外）',
  'months',
  timeline([{ doc: JJ, body: value(6, cite(JJ, '§二(三)')) }]),
);

// ---------------------------------------------------------------- jining-2022 (residents' pilot)
const JN = 'jining-2022' as const;
const JN_MEASURES =
  '《济宁市职工长期护理保险实施办法》（济政办发〔2018〕33号）及济宁市医疗保障部门（不在我们收录的政策文件中）';

/** §三(二): fund ratios by mode; 医疗专护 by the contracted hospital's tier. */
export const jiningFundRatio = {
  home: rule(
    'ratio.jining.home',
    '济宁居家医疗护理基金支付比例',
    'percent',
    timeline([{ doc: JN, body: value(70, cite(JN, '§三(二)')) }]),
  ),
  institution: rule(
    'ratio.jining.institution',
    '济宁机构医疗护理基金支付比例',
    'percent',
    timeline([{ doc: JN, body: value(65, cite(JN, '§三(二)')) }]),
  ),
  'medical-special.1': rule(
    'ratio.jining.medical-special.tier-1',
    '济宁一级协议医疗机构医疗专护基金支付比例',
    'percent',
    timeline([{ doc: JN, body: value(70, cite(JN, '§三(二)')) }]),
  ),
  'medical-special.2': rule(
    'ratio.jining.medical-special.tier-2',
    '济宁二级协议医疗机构医疗专护基金支付比例',
    'percent',
    timeline([{ doc: JN, body: value(65, cite(JN, '§三(二)')) }]),
  ),
  'medical-special.3': rule(
    'ratio.jining.medical-special.tier-3',
    '济宁三级协议医疗机构医疗专护基金支付比例',
    'percent',
    timeline([{ doc: JN, body: value(60, cite(JN, '§三(二)')) }]),
  ),
};
/** jining-2022 §一, §七: the notice pays residents only; employees follow the 2018 measures. */
export const jiningEmployeesTerms = rule(
  'ratio.jining.employees',
  '济宁职工长期护理保险的支付比例和标准',
  'percent',
  timeline([{ doc: JN, body: setLocally<number>(JN_MEASURES, [cite(JN, '§一'), cite(JN, '§七')]) }]),
);
export const jiningCap = rule(
  'cap.jining',
  '济宁护理费用支付限额和项目标准',
  'fen/month',
  timeline([{ doc: JN, body: setLocally<number>(JN_MEASURES, [cite(JN, '§七')]) }]),
);
export const jiningMinGrade = rule<GradeId>(
  'threshold.jining',
  '济宁照护需求等级评估的通过标准',
  'grade',
  timeline([{ doc: JN, body: setLocally<GradeId>(JN_MEASURES, [cite(JN, '§三(一)'), cite(JN, '§七')]) }]),
);

// ---------------------------------------------------------------- jilin-2017 and jilin-2022
const JL17 = 'jilin-2017' as const;
const JL22 = 'jilin-2022' as const;
const JILIN_LOCAL = '所在统筹地区（试点城市）的医疗保障部门';

/** jilin-2017 §四(五): "总体上控制在70%左右", an indication only; the pilot city sets the ratio. */
export const jilinFundRatio = rule(
  'ratio.jilin',
  '吉林试点地区基金支付比例',
  'percent',
  timeline([{ doc: JL17, body: setLocally<number>(JILIN_LOCAL, [cite(JL17, '§四(五)')], 70) }]),
);
export const jilinHomeFundRatio = rule(
  'ratio.jilin.home',
  '吉林居家照护基金支付比例',
  'percent',
  timeline([{ doc: JL22, body: setLocally<number>(JILIN_LOCAL, [cite(JL22, '§(十)3'), cite(JL17, '§四(五)')], 70) }]),
);
export const jilinCap = rule(
  'cap.jilin',
  '吉林长期护理保险待遇项目支付标准',
  'fen/month',
  timeline([{ doc: JL17, body: setLocally<number>(JILIN_LOCAL, [cite(JL17, '§四(五)')]) }]),
);
/** jilin-2022 §(十)2: an annual cap, set by each pilot area. */
export const jilinHomeAnnualCap = rule(
  'cap.jilin.home',
  '吉林居家照护年度最高支付限额',
  'fen/year',
  timeline([{ doc: JL22, body: setLocally<number>(JILIN_LOCAL, [cite(JL22, '§(十)2')]) }]),
);
export const jilinMinGrade = rule<GradeId>(
  'threshold.jilin',
  '吉林保障对象：长期重度失能（有条件的地区可探索纳入长期中度失能老年人）',
  'grade',
  timeline([{ doc: JL17, body: value<GradeId>('severe-1', cite(JL17, '§四(四)')) }]),
);
export const jilinHomeMinGrade = rule<GradeId>(
  'threshold.jilin.home',
  '吉林居家照护服务对象：重度失能',
  'grade',
  timeline([{ doc: JL22, body: value<GradeId>('severe-1', cite(JL22, '§(四)')) }]),
);
/** jilin-2017 §四(四): short-term disability is not paid by the fund. */
export const jilinShortTermExcluded = rule(
  'short-term.jilin',
  '吉林短期失能人员的费用不予支付',
  'rule',
  timeline([{ doc: JL17, body: value(true, cite(JL17, '§四(四)')) }]),
);

// ---------------------------------------------------------------- care modes offered, by region
type Offered = Rule<boolean>;
const offered = (region: string, mode: CareModeId, pieces: Parameters<typeof timeline<boolean>>[0]): Offered =>
  rule(`mode.${region}.${mode}`, `${region} ${mode}`, 'offered', timeline(pieces));

const WZ_MODES = cite(WZ, '§二(五)');
const JJ_MODES = cite(JJ, '§二(四)1');
const JN_MODES = cite(JN, '§三(二)');

const JILIN_HOMECARE_AREAS = ['changchun', 'songyuan', 'meihekou', 'jilin-provincial'] as const;
const JILIN_CITY_LOCAL = '所在试点城市的医疗保障部门';
// jilin-2017 §四(五) leaves differentiated benefits by "服务提供方式" to the pooling areas and §六(四) explores
// care at home and in the community: no Jilin mode is refused by the province; the city decides.
const JL17_LOCAL = [cite(JL17, '§四(五)'), cite(JL17, '§六(四)')];
const jilinModes = (area: 'homecare-area' | 'jilin-city'): Record<CareModeId, Offered> => ({
  // Relatives' and neighbours' care is explored in jilin-2022 §(六) (home-care areas only).
  family: offered(`jilin-${area}`, 'family', [
    { doc: JL17, body: setLocally<boolean>(JILIN_CITY_LOCAL, JL17_LOCAL) },
    ...(area === 'homecare-area'
      ? [{ doc: JL22, body: setLocally<boolean>(JILIN_CITY_LOCAL, [cite(JL22, '§(六)'), cite(JL17, '§四(五)')]) }]
      : []),
  ]),
  // Home care: some pilot cities ran it before 2022 (jilin-2022 §前言 "总结长春市等试点地区经验");
  // jilin-2022 §(三)(四) brings it to 长春、松原、梅河口、省直 and aims at every pilot area by 2025.
  home:
    area === 'homecare-area'
      ? offered(`jilin-${area}`, 'home', [
          { doc: JL17, body: setLocally<boolean>(JILIN_CITY_LOCAL, [cite(JL17, '§六(四)')]) },
          { doc: JL22, body: value(true, cite(JL22, '§(三)'), cite(JL22, '§(四)')) },
        ])
      : offered(`jilin-${area}`, 'home', [
          { doc: JL17, body: setLocally<boolean>(JILIN_CITY_LOCAL, [cite(JL17, '§六(四)')]) },
          { doc: JL22, body: setLocally<boolean>(JILIN_CITY_LOCAL, [cite(JL22, '§(三)')]) },
        ]),
  // 机构照护: the jilin-2017 fund pays designated institutions (§四(五)); jilin-2022 §(四) names it.
  institution: offered(`jilin-${area}`, 'institution', [{ doc: JL17, body: value(true, cite(JL17, '§四(五)')) }]),
  // Community care: jilin-2017 §六(四) "利用居家和社区护理服务"; jilin-2022 §(十二) supports community centres.
  community: offered(`jilin-${area}`, 'community', [
    { doc: JL17, body: setLocally<boolean>(JILIN_CITY_LOCAL, JL17_LOCAL) },
    ...(area === 'homecare-area'
      ? [{ doc: JL22, body: setLocally<boolean>(JILIN_CITY_LOCAL, [cite(JL22, '§(十二)'), cite(JL17, '§四(五)')]) }]
      : []),
  ]),
  // Medical special care: "根据护理等级、服务提供方式等制定差别化的待遇保障政策" (§四(五)), left to the city.
  'medical-special': offered(`jilin-${area}`, 'medical-special', [
    { doc: JL17, body: setLocally<boolean>(JILIN_CITY_LOCAL, [cite(JL17, '§四(五)')]) },
  ]),
});
const jilinHomecareAreaModes = jilinModes('homecare-area');
const jilinCityModes = jilinModes('jilin-city');

export const MODES_OFFERED: Record<RegionId, Record<CareModeId, Offered>> = {
  wenzhou: {
    family: offered('wenzhou', 'family', [{ doc: WZ, body: value(true, WZ_MODES) }]),
    home: offered('wenzhou', 'home', [{ doc: WZ, body: value(true, WZ_MODES) }]),
    institution: offered('wenzhou', 'institution', [{ doc: WZ, body: value(true, WZ_MODES) }]),
    community: offered('wenzhou', 'community', [{ doc: WZ, body: value(false, WZ_MODES) }]),
    'medical-special': offered('wenzhou', 'medical-special', [{ doc: WZ, body: value(false, WZ_MODES) }]),
  },
  jinjiang: {
    family: offered('jinjiang', 'family', [{ doc: JJ, body: value(false, JJ_MODES) }]),
    home: offered('jinjiang', 'home', [{ doc: JJ, body: value(true, JJ_MODES) }]),
    institution: offered('jinjiang', 'institution', [{ doc: JJ, body: value(true, JJ_MODES) }]),
    community: offered('jinjiang', 'community', [{ doc: JJ, body: value(true, JJ_MODES) }]),
    'medical-special': offered('jinjiang', 'medical-special', [{ doc: JJ, body: value(false, JJ_MODES) }]),
  },
  jining: {
    family: offered('jining', 'family', [{ doc: JN, body: value(false, JN_MODES) }]),
    home: offered('jining', 'home', [{ doc: JN, body: value(true, JN_MODES) }]),
    institution: offered('jining', 'institution', [{ doc: JN, body: value(true, JN_MODES) }]),
    community: offered('jining', 'community', [{ doc: JN, body: value(false, JN_MODES) }]),
    'medical-special': offered('jining', 'medical-special', [{ doc: JN, body: value(true, JN_MODES) }]),
  },
  ...(Object.fromEntries(JILIN_HOMECARE_AREAS.map((r) => [r, jilinHomecareAreaModes])) as Record<
    Exclude<JilinRegionId, 'jilin-city'>,
    Record<CareModeId, Offered>
  >),
  'jilin-city': jilinCityModes,
};

/** The names each region's document gives the canonical modes (domain.md). */
export const REGIONAL_MODE_NAMES: Partial<Record<RegionId, Partial<Record<CareModeId, string>>>> = {
  wenzhou: { family: '居家亲情护理', home: '居家上门护理', institution: '机构护理' },
  jinjiang: { home: '居家护理', institution: '机构护理', community: '社区护理' },
  jining: { home: '居家医疗护理', institution: '机构医疗护理', 'medical-special': '医疗专护' },
  ...Object.fromEntries(
    ['changchun', 'songyuan', 'meihekou', 'jilin-provincial', 'jilin-city'].map((r) => [
      r,
      { home: '居家照护', institution: '机构照护' },
    ]),
  ),
};

// ---------------------------------------------------------------- coverage: who is insured and can receive benefits
/**
 * 'enrolled': insured, benefits not yet payable; 'applications-open': insured, assessments accepted,
 * benefits not yet payable (wenzhou-2023 §五(四): applications from Q4 2023, benefits from 2024-01-01).
 */
export type CoverageStatus = 'covered' | 'not-covered' | 'enrolled' | 'applications-open';
type Coverage = Rule<CoverageStatus>;
const coverage = (id: string, label: string, pieces: Parameters<typeof timeline<CoverageStatus>>[0]): Coverage =>
  rule(`coverage.${id}`, label, 'coverage', timeline(pieces));

const WZ_CADRE = '温州市医保经办机构（文件只写明离休干部配偶可参照保障）';
const JN_OTHER = '济宁市医疗保障部门（职工长护险按济政办发〔2018〕33号执行，不在我们收录的政策文件中）';

export const COVERAGE = {
  wenzhou: {
    // §二(一): all employees' medical insurance members; flexible workers are treated as employees (§二(三)).
    employee: coverage('wenzhou.employee', '温州职工医保参保人员', [
      { doc: WZ, body: value('covered', cite(WZ, '§二(一)')) },
    ]),
    'employee-retired': coverage('wenzhou.employee-retired', '温州职工医保退休人员', [
      { doc: WZ, body: value('covered', cite(WZ, '§二(一)'), cite(WZ, '§二(三)')) },
    ]),
    flexible: coverage('wenzhou.flexible', '温州参加职工医保的灵活就业人员', [
      { doc: WZ, body: value('covered', cite(WZ, '§二(一)'), cite(WZ, '§二(三)')) },
    ]),
    // §一(三), §五(四): city-district residents enrol in 2023 and receive benefits from 2024-01-01.
    'resident.city': coverage('wenzhou.resident.city', '温州市区城乡居民医保参保人员', [
      { doc: WZ, body: value('enrolled', cite(WZ, '§一(三)'), cite(WZ, '§五(四)')) },
      { doc: WZ, from: '2023-10-01', body: value('applications-open', cite(WZ, '§五(四)')) },
      { doc: WZ, from: '2024-01-01', body: value('covered', cite(WZ, '§一(三)'), cite(WZ, '§五(四)')) },
    ]),
    // §一(三): county residents are brought in during 2025.
    'resident.county': coverage('wenzhou.resident.county', '温州各县（市）城乡居民医保参保人员', [
      { doc: WZ, body: value('not-covered', cite(WZ, '§一(三)')) },
      { doc: WZ, from: '2025-01-01', body: value('covered', cite(WZ, '§一(三)')) },
    ]),
    'retired-cadre': coverage('wenzhou.retired-cadre', '温州离休干部', [
      { doc: WZ, body: setLocally<CoverageStatus>(WZ_CADRE, [cite(WZ, '§二(一)'), cite(WZ, '§二(三)')]) },
    ]),
    'disabled-veteran': coverage('wenzhou.disabled-veteran', '温州一至六级残疾军人', [
      {
        doc: WZ,
        body: setLocally<CoverageStatus>('温州市医保经办机构（按其参加的基本医保险种确定）', [cite(WZ, '§二(一)')]),
      },
    ]),
  },
  // §二(一): everyone in Jinjiang's basic medical insurance, plus 离休干部 and 一至六级残疾军人.
  jinjiang: coverage('jinjiang.all', '晋江基本医保参保人员、离休干部、一至六级残疾军人', [
    { doc: JJ, body: value('covered', cite(JJ, '§二(一)')) },
  ]),
  jining: {
    // §一: residents' insurance in the six pilot districts.
    'resident.pilot': coverage('jining.resident.pilot', '济宁试点县（市、区）居民医保参保人员', [
      { doc: JN, body: value('covered', cite(JN, '§一')) },
    ]),
    'resident.not-pilot': coverage('jining.resident.not-pilot', '济宁非试点县（市、区）居民医保参保人员', [
      { doc: JN, body: value('not-covered', cite(JN, '§一')) },
    ]),
    other: coverage('jining.other', '济宁职工医保参保人员及其他人员', [
      { doc: JN, body: setLocally<CoverageStatus>(JN_OTHER, [cite(JN, '§一'), cite(JN, '§七')]) },
    ]),
  },
  jilin: {
    // jilin-2017 §四(二): the employees' and urban residents' medical insurance; former rural (新农合)
    // members "适时" — when is the pilot city's decision, so 城乡居民 as a whole is set locally.
    employees: coverage('jilin.employees', '吉林试点地区职工医保参保人员', [
      { doc: JL17, body: value('covered', cite(JL17, '§四(二)')) },
    ]),
    residents: coverage('jilin.residents', '吉林试点地区城乡居民医保参保人员', [
      {
        doc: JL17,
        body: setLocally<CoverageStatus>(
          '所在试点城市（城镇居民已纳入；原新型农村合作医疗参保人员何时纳入由试点城市确定）',
          [cite(JL17, '§四(二)')],
        ),
      },
    ]),
    other: coverage('jilin.other', '吉林试点地区离休干部、残疾军人', [
      { doc: JL17, body: setLocally<CoverageStatus>(JILIN_LOCAL, [cite(JL17, '§四(二)')]) },
    ]),
    // jilin-2017 §二(一) names 长春、吉林、松原 as pilots; 梅河口 and 省直 are pilot areas in jilin-2022 §(三).
    lateAreaEmployees: coverage('jilin.late-area.employees', '梅河口市、省直职工医保参保人员', [
      {
        doc: JL17,
        body: setLocally<CoverageStatus>('吉林省医疗保障部门和所在统筹地区（试点起始时间）', [cite(JL17, '§二(一)')]),
      },
      { doc: JL22, body: value('covered', cite(JL22, '§(三)'), cite(JL17, '§四(二)')) },
    ]),
  },
};

// ---------------------------------------------------------------- objection window and benefit start
export const objectionElsewhere = {
  jinjiang: rule(
    'objection.jinjiang',
    '晋江评估结论异议期限',
    'working-days',
    timeline([
      {
        doc: JJ,
        body: setLocally<number>('《晋江市长期护理保险失能评估管理办法》（不在我们收录的政策文件中）', [
          cite(JJ, '§三(一)'),
        ]),
      },
    ]),
  ),
  jining: rule(
    'objection.jining',
    '济宁评估结论异议期限',
    'working-days',
    timeline([{ doc: JN, body: setLocally<number>(JN_MEASURES, [cite(JN, '§三(一)'), cite(JN, '§七')]) }]),
  ),
  jilin: rule(
    'objection.jilin',
    '吉林评估结论异议期限',
    'working-days',
    timeline([{ doc: JL17, body: setLocally<number>(JILIN_LOCAL, [cite(JL17, '§五(三)')]) }]),
  ),
};

export type BenefitStartRule = 'month-after-approval';
export const benefitStartRules = {
  // §二(四): "从等级评估通过次月起开始享受待遇".
  wenzhou: rule<BenefitStartRule>(
    'benefit-start.wenzhou',
    '温州待遇起始：评估通过次月',
    'rule',
    timeline([{ doc: WZ, body: value<BenefitStartRule>('month-after-approval', cite(WZ, '§二(四)')) }]),
  ),
  jinjiang: rule<BenefitStartRule>(
    'benefit-start.jinjiang',
    '晋江待遇起始时间',
    'rule',
    timeline([{ doc: JJ, body: setLocally<BenefitStartRule>(JJ_STANDARD, [cite(JJ, '§二(三)')]) }]),
  ),
  jining: rule<BenefitStartRule>(
    'benefit-start.jining',
    '济宁待遇起始时间',
    'rule',
    timeline([{ doc: JN, body: setLocally<BenefitStartRule>(JN_MEASURES, [cite(JN, '§七')]) }]),
  ),
  jilin: rule<BenefitStartRule>(
    'benefit-start.jilin',
    '吉林待遇起始时间',
    'rule',
    timeline([{ doc: JL17, body: setLocally<BenefitStartRule>(JILIN_LOCAL, [cite(JL17, '§五(三)')]) }]),
  ),
};

// ---------------------------------------------------------------- contributions (筹资), per person-year
export type Payer =
  | 'individual'
  | 'employer'
  | 'medical-pooling-fund'
  | 'finance'
  | 'city-finance'
  | 'county-finance'
  | 'resident-medical-fund';
export interface ContributionShare {
  payer: Payer;
  /** Who pays, in plain Chinese. */
  payerName: string;
  fen: number | null;
  /** How it is paid, where the document says. */
  how?: string;
  /** Who sets an amount the document does not give (fen null). */
  decidedBy?: string;
}
export interface Contribution {
  totalFen: number;
  shares: ContributionShare[];
  /** Further subsidies the document adds outside the per-person amount. */
  extras?: { payerName: string; fen: number; atLeast?: boolean; to: string }[];
}

const WZ_EMPLOYEE_2023: Contribution = {
  totalFen: 10000,
  shares: [
    { payer: 'individual', payerName: '个人', fen: 5000, how: '从个人账户代扣代缴' },
    {
      payer: 'employer',
      payerName: '用人单位',
      fen: 5000,
      how: '从单位缴纳的职工基本医疗保险费中划转，不增加单位负担',
    },
  ],
};
const WZ_RETIRED_2023: Contribution = {
  totalFen: 10000,
  shares: [
    { payer: 'individual', payerName: '个人', fen: 5000, how: '从个人账户代扣代缴' },
    { payer: 'medical-pooling-fund', payerName: '职工医保统筹基金', fen: 5000 },
  ],
};
// §二(三) "参加职工基本医疗保险的灵活就业人员，参照职工执行": the 100 yuan of employees; the text does not say
// who pays the half an employer pays for employees, so neither part is a number here.
const WZ_FLEXIBLE_2023: Contribution = {
  totalFen: 10000,
  shares: [
    {
      payer: 'individual',
      payerName: '个人',
      fen: null,
      how: '参照职工执行；职工的个人缴费部分从个人账户代扣代缴',
      decidedBy: '温州市医保经办机构',
    },
    {
      payer: 'employer',
      payerName: '职工由用人单位缴纳的那一半',
      fen: null,
      how: '灵活就业人员没有用人单位，文件只写“参照职工执行”，这一半由谁缴纳没有写明',
      decidedBy: '温州市医保经办机构',
    },
  ],
};
const WZ_RESIDENT_2023: Contribution = {
  totalFen: 9000,
  shares: [
    {
      payer: 'individual',
      payerName: '个人',
      fen: null,
      how: '按统筹区城乡居民基本医疗保险比例分担，与居民医保同步缴纳',
      decidedBy: '统筹区城乡居民基本医疗保险的分担比例',
    },
    {
      payer: 'finance',
      payerName: '财政',
      fen: null,
      how: '按统筹区城乡居民基本医疗保险比例分担',
      decidedBy: '统筹区城乡居民基本医疗保险的分担比例',
    },
  ],
};
const WZ_LATER = '温州市医疗保障部门根据基金运行情况动态调整（文件只写明2023年标准）';
const wzContribution = (id: string, label: string, c2023: Contribution): Rule<Contribution> =>
  rule(
    `contribution.wenzhou.${id}`,
    label,
    'fen/person-year',
    timeline<Contribution>([
      { doc: WZ, body: value(c2023, cite(WZ, '§二(三)')) },
      { doc: WZ, from: '2024-01-01', body: setLocally<Contribution>(WZ_LATER, [cite(WZ, '§二(三)')], c2023) },
    ]),
  );

const JJ_EMPLOYEE: Contribution = {
  totalFen: 9000,
  shares: [
    { payer: 'individual', payerName: '个人', fen: 6000, how: '从职工医保个人账户中划转' },
    { payer: 'city-finance', payerName: '市级财政', fen: 3000 },
  ],
};
const JJ_CADRE: Contribution = {
  totalFen: 9000,
  shares: [
    { payer: 'city-finance', payerName: '市财政（全额承担个人缴费部分）', fen: 6000 },
    { payer: 'city-finance', payerName: '市级财政', fen: 3000 },
  ],
};
const JJ_RESIDENT: Contribution = {
  totalFen: 9000,
  shares: [
    {
      payer: 'individual',
      payerName: '个人',
      fen: 6000,
      how: '以村（社区）为单位集体参保缴费，可由个人缴费、集体出资或公益慈善等渠道筹资',
    },
    { payer: 'city-finance', payerName: '市级财政', fen: 3000 },
  ],
  extras: [
    { payerName: '市级财政', fen: 1500, to: '村（社区）集体' },
    { payerName: '各镇（街道）', fen: 1000, atLeast: true, to: '村（社区）集体' },
  ],
};
const jjContribution = (id: string, label: string, c: Contribution): Rule<Contribution> =>
  rule(
    `contribution.jinjiang.${id}`,
    label,
    'fen/person-year',
    timeline([{ doc: JJ, body: value(c, cite(JJ, '§二(二)')) }]),
  );

const JN_RESIDENT: Contribution = {
  totalFen: 3000,
  shares: [
    { payer: 'resident-medical-fund', payerName: '居民基本医疗保险基金', fen: 2500 },
    { payer: 'county-finance', payerName: '试点县（市、区）财政', fen: 500 },
  ],
};

export const CONTRIBUTIONS: Record<
  'wenzhou' | 'jinjiang' | 'jining' | 'jilin',
  Partial<Record<InsuranceId, Rule<Contribution>>>
> = {
  wenzhou: {
    employee: wzContribution('employee', '温州职工医保在职人员长护险费', WZ_EMPLOYEE_2023),
    'employee-retired': wzContribution('employee-retired', '温州职工医保退休人员长护险费', WZ_RETIRED_2023),
    flexible: wzContribution('flexible', '温州灵活就业人员长护险费', WZ_FLEXIBLE_2023),
    resident: wzContribution('resident', '温州城乡居民长护险费', WZ_RESIDENT_2023),
  },
  jinjiang: {
    employee: jjContribution('employee', '晋江职工医保参保人员长护险筹资', JJ_EMPLOYEE),
    'employee-retired': jjContribution('employee-retired', '晋江职工医保参保人员（退休）长护险筹资', JJ_EMPLOYEE),
    flexible: jjContribution('flexible', '晋江职工医保参保人员（灵活就业）长护险筹资', JJ_EMPLOYEE),
    resident: jjContribution('resident', '晋江城乡居民长护险筹资', JJ_RESIDENT),
    'retired-cadre': jjContribution('retired-cadre', '晋江离休干部长护险筹资', JJ_CADRE),
    'disabled-veteran': jjContribution('disabled-veteran', '晋江一至六级残疾军人长护险筹资', JJ_CADRE),
  },
  jining: {
    resident: rule(
      'contribution.jining.resident',
      '济宁居民长护险筹资',
      'fen/person-year',
      timeline([{ doc: JN, body: value(JN_RESIDENT, cite(JN, '§二')) }]),
    ),
  },
  jilin: {},
};
export const contributionElsewhere = {
  jining: rule<Contribution>(
    'contribution.jining.other',
    '济宁职工长护险筹资',
    'fen/person-year',
    timeline([{ doc: JN, body: setLocally<Contribution>(JN_MEASURES, [cite(JN, '§七')]) }]),
  ),
  jilin: rule<Contribution>(
    'contribution.jilin',
    '吉林试点地区长护险筹资标准',
    'fen/person-year',
    timeline([{ doc: JL17, body: setLocally<Contribution>(JILIN_LOCAL, [cite(JL17, '§四(三)2')]) }]),
  ),
  wenzhou: rule<Contribution>(
    'contribution.wenzhou.other',
    '温州离休干部、残疾军人长护险缴费',
    'fen/person-year',
    timeline([{ doc: WZ, body: setLocally<Contribution>(WZ_CADRE, [cite(WZ, '§二(三)')]) }]),
  ),
};
