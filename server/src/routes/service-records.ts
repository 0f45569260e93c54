import { z } from 'zod';
import type { Api } from '../lib/api';
import { PROXY_ROLES, ROLES } from '../lib/roles';
import { idSchema } from '../lib/schemas';
import {
  createServiceRecordInput,
  listServiceRecordsQuery,
  ratingInput,
  ServiceRecordService,
  serviceRecordView,
} from '../services/service-records';
import { userOf, type RouteDeps } from './deps';

const recordParams = z.strictObject({ serviceRecordId: idSchema.describe('服务记录编号') });
const benefitParams = z.strictObject({ benefitId: idSchema.describe('待遇编号') });

export function registerServiceRecords(api: Api, { prisma, config, clock }: RouteDeps): ServiceRecordService {
  const records = new ServiceRecordService(prisma, config, clock);

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/service-records',
      tag: 'service-records',
      summary: '录入一次上门服务：服务人员、起止时间、项目和时长、服务前是否核实身份（该月的服务机构账号，或经办人员）',
      description:
        '服务前应核实服务对象身份。不在服务计划内的项目标为个人自费，须记录服务对象或监护人的同意' +
        '（selfPaidConsent）。本地区文件有规定时，答复的 citations 引用该文件（来自规则库 careConditions）。暂停（住院、入住机构）期间或待遇终止后的日子答复 409。',
      roles: ['provider', 'officer'],
      params: benefitParams,
      body: createServiceRecordInput,
      responses: {
        201: { description: '已录入', schema: serviceRecordView },
        409: { description: '这一天不在享受待遇期内' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await records.create(userOf(ctx), params.benefitId, body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/benefits/:benefitId/service-records',
      tag: 'service-records',
      summary: '一项待遇的服务记录（新的在前）',
      roles: ROLES,
      params: benefitParams,
      responses: { 200: { description: '服务记录', schema: z.array(serviceRecordView) } },
    },
    async (ctx, { params }) => {
      ctx.body = await records.forBenefit(userOf(ctx), params.benefitId);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/service-records',
      tag: 'service-records',
      summary: '服务记录列表（可按机构筛选；机构账号只看本机构）',
      roles: ROLES,
      query: listServiceRecordsQuery,
      responses: { 200: { description: '服务记录', schema: z.array(serviceRecordView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await records.list(userOf(ctx), query);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/service-records/:serviceRecordId',
      tag: 'service-records',
      summary: '一条服务记录',
      roles: ROLES,
      params: recordParams,
      responses: { 200: { description: '服务记录', schema: serviceRecordView } },
    },
    async (ctx, { params }) => {
      ctx.body = await records.get(userOf(ctx), params.serviceRecordId);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/service-records/:serviceRecordId/rating',
      tag: 'service-records',
      summary: '评价一次服务（1–5分，可附文字）：服务对象本人或其家属、监护人，每次服务一次',
      roles: PROXY_ROLES,
      params: recordParams,
      body: ratingInput,
      responses: {
        201: { description: '已评价，计入机构评分', schema: serviceRecordView },
        409: { description: '已经评价过' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await records.rate(userOf(ctx), params.serviceRecordId, body);
    },
  );

  return records;
}
