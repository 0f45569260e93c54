// Input schemas shared by the CLI, the server and the mini-program; messages are plain Chinese.
import { z } from 'zod';
import {
  CARE_MODE_IDS,
  DISABILITY_CAUSES,
  DISTRICTS,
  GRADE_IDS,
  INSURANCE_IDS,
  REGION_IDS,
  districtsOf,
  REGION_NAMES,
  type RegionId,
} from './domain';
import { chineseMonth, daysInMonthOf, isValidDate, isValidMonth } from './dates';

/** Forms send '' or null for a field left empty: treat both as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const idOf = <const T extends readonly [string, ...string[]]>(ids: T, label: string) =>
  z.enum(ids, {
    error: (iss) =>
      iss.input === undefined
        ? `请填写${label}。可选：${ids.join('、')}`
        : `不认识的${label}“${String(iss.input)}”。可选：${ids.join('、')}`,
  });

export const RegionSchema = idOf(REGION_IDS, '统筹地区（region）');
export const InsuranceSchema = idOf(INSURANCE_IDS, '参保类型（insurance）');
export const CareModeSchema = idOf(CARE_MODE_IDS, '护理方式（careMode）');
export const GradeSchema = idOf(GRADE_IDS, '失能等级（grade）');
export const DisabilityCauseSchema = idOf(DISABILITY_CAUSES, '失能原因（disabilityCause）');
export const DistrictSchema = z.string({ error: '区县（district）应为文字编号' });

export const DateSchema = z
  .string({ error: '日期应写成 YYYY-MM-DD，例如 2024-05-20' })
  .refine(isValidDate, { error: '日期应写成 YYYY-MM-DD，而且必须是真实存在的日期，例如 2024-05-20' });
export const MonthSchema = z
  .string({ error: '月份应写成 YYYY-MM，例如 2024-05' })
  .refine(isValidMonth, { error: '月份应写成 YYYY-MM，而且必须是真实存在的月份，例如 2024-05' });

/** Integer fen, never a float: 1 yuan = 100 fen. */
export const FenSchema = z
  .number({ error: (iss) => (iss.input === undefined ? '请填写金额（单位：分）' : '金额应为数字（单位：分）') })
  .refine(Number.isInteger, { error: '金额应为整数“分”，不能有小数（1元=100分）' })
  .refine((n) => n >= 0, { error: '金额不能是负数' })
  .refine((n) => n <= 100_000_000_00, { error: '金额太大了（每月不超过1亿元），请检查是否多输了几位' });

const HospitalTierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: '医院等级（hospitalTier）应为 1、2 或 3（一级、二级、三级协议医疗机构）',
});

function checkDistrict(region: RegionId, district: string | undefined, ctx: z.RefinementCtx) {
  if (district === undefined) return;
  const known = districtsOf(region);
  if (known.some((d) => d.id === district)) return;
  const elsewhere = DISTRICTS.find((d) => d.id === district);
  ctx.addIssue({
    code: 'custom',
    path: ['district'],
    message:
      known.length === 0
        ? `${REGION_NAMES[region]}不需要填写区县，我们收录的政策文件里也没有区县“${district}”。请不填 district。`
        : elsewhere
          ? `“${district}”是${REGION_NAMES[elsewhere.region]}的区县，不属于${REGION_NAMES[region]}。可选：${known.map((d) => d.id).join('、')}`
          : `不认识的区县（district）“${district}”。${REGION_NAMES[region]}可选：${known.map((d) => d.id).join('、')}`,
  });
}

export const EstimateInputSchema = z
  .object({
    region: RegionSchema,
    district: optional(DistrictSchema),
    insurance: optional(InsuranceSchema),
    careMode: CareModeSchema,
    grade: optional(GradeSchema),
    monthlyBillFen: FenSchema,
    month: optional(MonthSchema),
    daysCovered: optional(
      z
        .number({ error: '享受待遇天数（daysCovered）应为数字' })
        .refine(Number.isInteger, { error: '享受待遇天数（daysCovered）应为整数' })
        .refine((n) => n >= 0, { error: '享受待遇天数（daysCovered）不能是负数' }),
    ),
    hospitalTier: optional(HospitalTierSchema),
    asOf: optional(DateSchema),
  })
  .superRefine((v, ctx) => {
    checkDistrict(v.region, v.district, ctx);
    const month = v.month ?? v.asOf?.slice(0, 7);
    if (v.daysCovered !== undefined && month !== undefined && v.daysCovered > daysInMonthOf(month)) {
      ctx.addIssue({
        code: 'custom',
        path: ['daysCovered'],
        message: `享受待遇天数（daysCovered）不能超过当月天数（${chineseMonth(month)}共${daysInMonthOf(month)}天）`,
      });
    }
  });
export type EstimateInput = z.output<typeof EstimateInputSchema>;

export const EligibilityInputSchema = z
  .object({
    region: RegionSchema,
    district: optional(DistrictSchema),
    insurance: InsuranceSchema,
    grade: optional(GradeSchema),
    disabilityMonths: optional(
      z
        .number({ error: '失能时间（disabilityMonths）应为数字，单位：月' })
        .refine((n) => n >= 0 && n <= 1200, { error: '失能时间（disabilityMonths）应在 0 到 1200 个月之间' }),
    ),
    disabilityCause: optional(DisabilityCauseSchema),
    asOf: optional(DateSchema),
  })
  .superRefine((v, ctx) => checkDistrict(v.region, v.district, ctx));
export type EligibilityInput = z.output<typeof EligibilityInputSchema>;

/** The estimate's input without a care mode: every mode the region offers is compared. */
export const CompareModesInputSchema = z
  .object({
    region: RegionSchema,
    district: optional(DistrictSchema),
    insurance: optional(InsuranceSchema),
    grade: optional(GradeSchema),
    monthlyBillFen: FenSchema,
    month: optional(MonthSchema),
    daysCovered: optional(
      z
        .number({ error: '享受待遇天数（daysCovered）应为数字' })
        .refine((n) => Number.isInteger(n) && n >= 0, { error: '享受待遇天数（daysCovered）应为不小于0的整数' }),
    ),
    hospitalTier: optional(HospitalTierSchema),
    asOf: optional(DateSchema),
  })
  .superRefine((v, ctx) => checkDistrict(v.region, v.district, ctx));
export type CompareModesInput = z.output<typeof CompareModesInputSchema>;
