import { z } from 'zod';
import type { Api } from '../lib/api';
import { ROLES } from '../lib/roles';
import { idSchema } from '../lib/schemas';
import {
  benefitEventView,
  BenefitService,
  benefitView,
  createBenefitInput,
  declinePlanRequestInput,
  endSuspensionInput,
  listBenefitsQuery,
  planChangeInput,
  stopInput,
  suspensionInput,
} from '../services/benefits';
import { userOf, type RouteDeps } from './deps';

const benefitParams = z.strictObject({ benefitId: idSchema.describe('待遇编号') });

export function registerBenefits(api: Api, { prisma, config, clock }: RouteDeps): BenefitService {
  const benefits = new BenefitService(prisma, config, clock);

  api.route(
    {
      method: 'post',
      path: '/benefits',
      tag: 'benefits',
      summary: '已核准的申请开始享受待遇：登记所选护理方式和定点机构（经办人员）',
      description:
        '待遇开始月由规则模块按核准日期计算（核准次月，wenzhou-2023 §二(四)）。护理方式须是该统筹区在开始月提供的方式，' +
        '定点机构须属于同一统筹区并提供这种方式。同一时间只能享受一种护理方式（依据见答复的 conditions，来自规则库）。',
      roles: ['officer'],
      body: createBenefitInput,
      responses: {
        201: { description: '待遇已登记', schema: benefitView },
        409: { description: '申请未核准，或已有正在享受的待遇' },
      },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await benefits.create(userOf(ctx), body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/benefits',
      tag: 'benefits',
      summary: '我能查看的待遇（本人及授权代办人、经办、客服、管理员；机构账号只看本机构服务对象）',
      roles: ROLES,
      query: listBenefitsQuery,
      responses: { 200: { description: '待遇列表', schema: z.array(benefitView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await benefits.list(userOf(ctx), query);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/benefits/:benefitId',
      tag: 'benefits',
      summary: '一项待遇：状态、当月护理方式和机构、已安排的变更、暂停记录',
      roles: ROLES,
      params: benefitParams,
      responses: { 200: { description: '待遇', schema: benefitView } },
    },
    async (ctx, { params }) => {
      ctx.body = await benefits.get(userOf(ctx), params.benefitId);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/plan-changes',
      tag: 'benefits',
      summary: '变更护理方式或定点机构，自下个月1日起：经办人员直接安排；本人及授权代办人提出申请，由经办人员确认',
      description:
        '经办人员的变更立即安排，同一个月内再次变更会替换尚未生效的那次变更。本人、家属或社区工作人员的变更' +
        '记为待确认的申请（见 planRequests），经办人员确认后从确认次月1日起生效；新的申请替换尚未处理的申请。',
      roles: ['officer', 'resident', 'community-worker'],
      params: benefitParams,
      body: planChangeInput,
      responses: {
        200: {
          description:
            '经办人员：已安排变更（见 plans）；本人及代办人：已提出申请，等待经办人员确认（见 planRequests）',
          schema: benefitView,
        },
        409: { description: '待遇已终止，或所选机构没有空余名额' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await benefits.changePlan(userOf(ctx), params.benefitId, body);
    },
  );

  const requestParams = z.strictObject({
    benefitId: idSchema.describe('待遇编号'),
    requestId: idSchema.describe('变更申请编号（待遇答复的 planRequests[].id）'),
  });

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/plan-requests/:requestId/confirm',
      tag: 'benefits',
      summary: '确认家属或社区工作人员提出的变更申请：自确认次月1日起生效，并通知家属（经办人员）',
      roles: ['officer'],
      params: requestParams,
      responses: {
        200: { description: '已确认并安排变更', schema: benefitView },
        409: { description: '申请已经处理过、待遇已终止，或所选机构没有空余名额' },
      },
    },
    async (ctx, { params }) => {
      ctx.body = await benefits.confirmRequest(userOf(ctx), params.benefitId, params.requestId);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/plan-requests/:requestId/decline',
      tag: 'benefits',
      summary: '不同意家属或社区工作人员提出的变更申请，写明原因并通知家属（经办人员）',
      roles: ['officer'],
      params: requestParams,
      body: declinePlanRequestInput,
      responses: {
        200: { description: '已不同意', schema: benefitView },
        409: { description: '申请已经处理过，或待遇已终止' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await benefits.declineRequest(userOf(ctx), params.benefitId, params.requestId, body);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/suspensions',
      tag: 'benefits',
      summary: '登记暂停：住院或入住机构期间停止居家护理（经办人员；依据见答复的 conditions）',
      description: '不填 to 表示仍在住院，待遇状态变为“暂停中”；与已登记的暂停重叠时答复 409。',
      roles: ['officer'],
      params: benefitParams,
      body: suspensionInput,
      responses: {
        201: { description: '已登记', schema: benefitView },
        409: { description: '与已有暂停重叠，或待遇已终止' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await benefits.suspend(userOf(ctx), params.benefitId, body);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/benefits/:benefitId/suspensions/:suspensionId',
      tag: 'benefits',
      summary: '结束暂停（出院或离开机构），次日起恢复待遇（经办人员）',
      roles: ['officer'],
      params: z.strictObject({
        benefitId: idSchema.describe('待遇编号'),
        suspensionId: idSchema.describe('暂停记录编号（待遇答复的 suspensions[].id）'),
      }),
      body: endSuspensionInput,
      responses: { 200: { description: '已恢复', schema: benefitView }, 409: { description: '这次暂停已经结束' } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await benefits.endSuspension(userOf(ctx), params.benefitId, params.suspensionId, body);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/benefits/:benefitId/stop',
      tag: 'benefits',
      summary: '终止待遇（经办人员）',
      roles: ['officer'],
      params: benefitParams,
      body: stopInput,
      responses: { 200: { description: '已终止', schema: benefitView }, 409: { description: '已经终止' } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await benefits.stop(userOf(ctx), params.benefitId, body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/benefits/:benefitId/events',
      tag: 'benefits',
      summary: '待遇的办理记录（谁、何时、为何）',
      roles: ROLES,
      params: benefitParams,
      responses: { 200: { description: '办理记录', schema: z.array(benefitEventView) } },
    },
    async (ctx, { params }) => {
      ctx.body = await benefits.events(userOf(ctx), params.benefitId);
    },
  );

  return benefits;
}
