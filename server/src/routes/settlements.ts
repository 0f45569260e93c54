import { z } from 'zod';
import type { Api } from '../lib/api';
import { ROLES } from '../lib/roles';
import { idSchema } from '../lib/schemas';
import {
  correctSettlementInput,
  createSettlementInput,
  listSettlementsQuery,
  SettlementService,
  settlementPreviewView,
  settlementRevisionView,
  settlementView,
} from '../services/settlements';
import { userOf, type RouteDeps } from './deps';

const settlementParams = z.strictObject({ settlementId: idSchema.describe('结算编号') });
const benefitParams = z.strictObject({ benefitId: idSchema.describe('待遇编号') });

export function registerSettlements(api: Api, { prisma, config, clock }: RouteDeps): SettlementService {
  const settlements = new SettlementService(prisma, config, clock);

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/settlements',
      tag: 'settlements',
      summary: '录入一个月的账单并结算：基金支付与个人负担（经办人员，或该月的服务机构账号）',
      description:
        '由规则模块按统筹区、参保类型、护理方式、失能等级、账单、月份、享受待遇天数（扣除暂停）和医院等级计算，' +
        '不满一个月时限额按天数折算（wenzhou-2023 §四(四)）。每项待遇每月一笔；已有结算时答复 409，请用更正。',
      roles: ['officer', 'provider'],
      params: benefitParams,
      body: createSettlementInput,
      responses: {
        201: { description: '已结算', schema: settlementView },
        409: { description: '这个月已经结算过' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await settlements.create(userOf(ctx), params.benefitId, body);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/settlements/preview',
      tag: 'settlements',
      summary: '先看一看：这笔账单结算后的基金支付与个人负担（不保存），供确认后再结算',
      description: '与录入结算相同的检查和计算（月份已到、尚未结算），但什么都不保存，也不通知家属。',
      roles: ['officer', 'provider'],
      params: benefitParams,
      body: createSettlementInput,
      responses: {
        200: { description: '结算结果预览（未保存）', schema: settlementPreviewView },
        409: { description: '这个月已经结算过' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await settlements.preview(userOf(ctx), params.benefitId, body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/benefits/:benefitId/settlements',
      tag: 'settlements',
      summary: '一项待遇每个月的账单、基金支付、个人负担和条款出处（按月份从早到晚）',
      roles: ROLES,
      params: benefitParams,
      responses: { 200: { description: '月度结算', schema: z.array(settlementView) } },
    },
    async (ctx, { params }) => {
      ctx.body = await settlements.forBenefit(userOf(ctx), params.benefitId);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/settlements',
      tag: 'settlements',
      summary: '月度结算列表（可按机构、月份筛选；机构账号只看本机构）',
      roles: ROLES,
      query: listSettlementsQuery,
      responses: { 200: { description: '月度结算', schema: z.array(settlementView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await settlements.list(userOf(ctx), query);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/settlements/:settlementId',
      tag: 'settlements',
      summary: '一笔结算及其更正记录',
      roles: ROLES,
      params: settlementParams,
      responses: {
        200: {
          description: '结算',
          schema: settlementView.extend({ revisions: z.array(settlementRevisionView) }),
        },
      },
    },
    async (ctx, { params }) => {
      ctx.body = await settlements.get(userOf(ctx), params.settlementId);
    },
  );

  api.route(
    {
      method: 'put',
      path: '/settlements/:settlementId',
      tag: 'settlements',
      summary: '更正一个月的账单并重新结算，保留原结果和更正原因（经办人员，或该机构账号）',
      roles: ['officer', 'provider'],
      params: settlementParams,
      body: correctSettlementInput,
      responses: { 200: { description: '已更正', schema: settlementView } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await settlements.correct(userOf(ctx), params.settlementId, body);
    },
  );

  return settlements;
}
