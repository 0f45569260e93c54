// Request fields shared by several routes, with the Chinese messages a family can act on.
import { z } from 'zod';
import {
  CARE_MODE_IDS,
  DISTRICTS,
  GRADE_IDS,
  INSURANCE_IDS,
  REGION_IDS,
  DISABILITY_CAUSES,
  APPLICATION_STATES,
  isValidDate,
} from '@changhu/rules';
import { isMobilePhone } from './personal';
import { ROLES } from './roles';

const known = (what: string, ids: readonly string[]) => `${what}不在系统支持的范围内，可选：${ids.join('、')}`;

export const phoneSchema = z
  .string({ error: '请填写手机号' })
  .trim()
  .refine(isMobilePhone, '手机号应为11位中国大陆手机号码，例如 13800000000')
  .describe('手机号：11位中国大陆手机号码，例如 13800000000');
/** A calendar date the rules can work with: YYYY-MM-DD, a real day, years 1900–2199 (the rules' DateSchema). */
export const dateSchema = z
  .string({ error: '请填写日期' })
  .refine(isValidDate, '日期格式应为 YYYY-MM-DD，是真实存在的日期，年份在1900年至2199年之间，例如 2026-05-20')
  .describe('日期 YYYY-MM-DD（北京时间）');

/** An instant with its offset (ISO 8601), in the same years as dateSchema. */
export const instantSchema = (label: string, example = '2026-05-20T09:30:00+08:00') =>
  z.iso.datetime({ offset: true, error: `${label}应为带时区的时间，例如 ${example}` }).refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 1900 && year <= 2199;
  }, `${label}的年份应在1900年至2199年之间，例如 ${example}`);
export const regionSchema = z
  .enum(REGION_IDS, { error: known('统筹区', REGION_IDS) })
  .describe('统筹区编号，例如 wenzhou（温州市）；全部见 GET /api/v1/regions');
export const districtSchema = z
  .enum(DISTRICTS.map((d) => d.id) as [string, ...string[]], {
    error: known(
      '区县',
      DISTRICTS.map((d) => d.id),
    ),
  })
  .describe('区县编号，例如 lucheng（鹿城区）；须属于所选统筹区，见 GET /api/v1/regions');
export const insuranceSchema = z
  .enum(INSURANCE_IDS, { error: known('参保类型', INSURANCE_IDS) })
  .describe('参保类型编号，例如 employee（职工医保）；全部见 GET /api/v1/insurance-types');
export const gradeSchema = z
  .enum(GRADE_IDS, { error: known('失能等级', GRADE_IDS) })
  .describe('失能等级编号，例如 severe-2（重度失能二级）；全部见 GET /api/v1/grades');
export const careModeSchema = z
  .enum(CARE_MODE_IDS, { error: known('护理方式', CARE_MODE_IDS) })
  .describe('护理方式编号，例如 home（居家上门护理）；全部见 GET /api/v1/care-modes');
export const causeSchema = z
  .enum(DISABILITY_CAUSES, { error: known('失能原因', DISABILITY_CAUSES) })
  .describe('失能原因编号；全部见 GET /api/v1/disability-causes');
export const stateSchema = z
  .enum(APPLICATION_STATES, { error: known('申请状态', APPLICATION_STATES) })
  .describe('申请状态编号，例如 submitted（已提交）');
export const roleSchema = z
  .enum(ROLES, { error: known('角色', ROLES) })
  .describe(
    '角色：resident 居民 / community-worker 社区工作人员 / agent 客服 / officer 经办人员 / admin 管理员 / provider 定点机构',
  );
export const idSchema = z.string().min(1).max(64);
export const nameSchema = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, '请填写姓名')
  .max(40, '姓名不能超过40个字')
  .describe('姓名，不超过40个字');
