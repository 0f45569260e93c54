// Ids of docs/domain.md: every part of the project speaks these.

export const DOC_IDS = ['jilin-2022', 'jilin-2017', 'wenzhou-2023', 'jinjiang-2023', 'jining-2022'] as const;
export type DocId = (typeof DOC_IDS)[number];

export const REGION_IDS = [
  'wenzhou',
  'jinjiang',
  'jining',
  'changchun',
  'songyuan',
  'meihekou',
  'jilin-provincial',
  'jilin-city',
] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const REGION_NAMES: Record<RegionId, string> = {
  wenzhou: '温州市',
  jinjiang: '晋江市',
  jining: '济宁市',
  changchun: '长春市',
  songyuan: '松原市',
  meihekou: '梅河口市',
  'jilin-provincial': '吉林省省直',
  'jilin-city': '吉林市',
};

/** Jilin pooling areas: all under jilin-2017; the first four also under jilin-2022 home care. */
export const JILIN_REGIONS = ['changchun', 'songyuan', 'meihekou', 'jilin-provincial', 'jilin-city'] as const;
export type JilinRegionId = (typeof JILIN_REGIONS)[number];
export function isJilinRegion(region: RegionId): region is JilinRegionId {
  return (JILIN_REGIONS as readonly string[]).includes(region);
}

export interface District {
  id: string;
  name: string;
  region: RegionId;
  /** wenzhou: city district (市区) or county (县/市); jining: pilot or not yet. */
  group: 'wenzhou-city' | 'wenzhou-county' | 'jining-pilot' | 'jining-not-pilot';
}

export const DISTRICTS: readonly District[] = [
  { id: 'lucheng', name: '鹿城区', region: 'wenzhou', group: 'wenzhou-city' },
  { id: 'longwan', name: '龙湾区', region: 'wenzhou', group: 'wenzhou-city' },
  { id: 'ouhai', name: '瓯海区', region: 'wenzhou', group: 'wenzhou-city' },
  { id: 'dongtou', name: '洞头区', region: 'wenzhou', group: 'wenzhou-city' },
  { id: 'ruian', name: '瑞安市', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'yueqing', name: '乐清市', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'longgang', name: '龙港市', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'yongjia', name: '永嘉县', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'pingyang', name: '平阳县', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'cangnan', name: '苍南县', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'wencheng', name: '文成县', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'taishun', name: '泰顺县', region: 'wenzhou', group: 'wenzhou-county' },
  { id: 'rencheng', name: '任城区', region: 'jining', group: 'jining-pilot' },
  { id: 'yanzhou', name: '兖州区', region: 'jining', group: 'jining-pilot' },
  { id: 'qufu', name: '曲阜市', region: 'jining', group: 'jining-pilot' },
  { id: 'zoucheng', name: '邹城市', region: 'jining', group: 'jining-pilot' },
  { id: 'jinxiang', name: '金乡县', region: 'jining', group: 'jining-pilot' },
  { id: 'wenshang', name: '汶上县', region: 'jining', group: 'jining-pilot' },
  { id: 'weishan', name: '微山县', region: 'jining', group: 'jining-not-pilot' },
  { id: 'yutai', name: '鱼台县', region: 'jining', group: 'jining-not-pilot' },
  { id: 'jiaxiang', name: '嘉祥县', region: 'jining', group: 'jining-not-pilot' },
  { id: 'sishui', name: '泗水县', region: 'jining', group: 'jining-not-pilot' },
  { id: 'liangshan', name: '梁山县', region: 'jining', group: 'jining-not-pilot' },
];
export const DISTRICT_IDS = DISTRICTS.map((d) => d.id);

export function districtsOf(region: RegionId): District[] {
  return DISTRICTS.filter((d) => d.region === region);
}
export function findDistrict(id: string): District | undefined {
  return DISTRICTS.find((d) => d.id === id);
}

export const INSURANCE_IDS = [
  'employee',
  'employee-retired',
  'flexible',
  'resident',
  'retired-cadre',
  'disabled-veteran',
] as const;
export type InsuranceId = (typeof INSURANCE_IDS)[number];
export const INSURANCE_NAMES: Record<InsuranceId, string> = {
  employee: '职工医保（在职）',
  'employee-retired': '职工医保（退休）',
  flexible: '灵活就业人员参加职工医保',
  resident: '城乡居民医保',
  'retired-cadre': '离休干部',
  'disabled-veteran': '一至六级残疾军人',
};
/** Members of employees' medical insurance (flexible workers are treated as employees, wenzhou-2023 §二(三)). */
export const EMPLOYEE_LIKE: readonly InsuranceId[] = ['employee', 'employee-retired', 'flexible'];

export const GRADE_IDS = ['normal', 'mild', 'moderate', 'severe-1', 'severe-2', 'severe-3'] as const;
export type GradeId = (typeof GRADE_IDS)[number];
export const GRADE_NAMES: Record<GradeId, string> = {
  normal: '基本正常',
  mild: '轻度失能',
  moderate: '中度失能',
  'severe-1': '重度失能Ⅰ级',
  'severe-2': '重度失能Ⅱ级',
  'severe-3': '重度失能Ⅲ级',
};
/** Grade number of 医保办发〔2021〕37号: 0 基本正常 … 5 重度失能Ⅲ级. */
export const GRADE_LEVEL: Record<GradeId, number> = {
  normal: 0,
  mild: 1,
  moderate: 2,
  'severe-1': 3,
  'severe-2': 4,
  'severe-3': 5,
};
export function isSevere(grade: GradeId): boolean {
  return GRADE_LEVEL[grade] >= 3;
}

export const CARE_MODE_IDS = ['family', 'home', 'institution', 'community', 'medical-special'] as const;
export type CareModeId = (typeof CARE_MODE_IDS)[number];
export const CARE_MODE_NAMES: Record<CareModeId, string> = {
  family: '居家亲情护理',
  home: '居家上门护理',
  institution: '机构护理',
  community: '社区护理',
  'medical-special': '医疗专护',
};

export const HOSPITAL_TIERS = [1, 2, 3] as const;
export type HospitalTier = (typeof HOSPITAL_TIERS)[number];

export const DISABILITY_CAUSES = ['illness', 'injury', 'old-age', 'short-term'] as const;
export type DisabilityCause = (typeof DISABILITY_CAUSES)[number];

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'accepted',
  'returned',
  'assessment-scheduled',
  'assessed',
  'publicized',
  'approved',
  'rejected',
  'objection-filed',
  'reassessed',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const BENEFIT_STATES = ['active', 'suspended', 'stopped'] as const;
export type BenefitState = (typeof BENEFIT_STATES)[number];
