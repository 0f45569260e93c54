import { z } from 'zod';
import type { Api } from '../lib/api';
import { notFound } from '../lib/errors';
import {
  createAccountInput,
  createProviderInput,
  providerParams,
  providerRatingView,
  providerView,
  ProviderService,
  searchProvidersQuery,
  updateProviderInput,
} from '../services/providers';
import { userOf, type RouteDeps } from './deps';

export function registerProviders(api: Api, { prisma, clock }: RouteDeps): ProviderService {
  const providers = new ProviderService(prisma, clock);

  api.route(
    {
      method: 'get',
      path: '/providers',
      tag: 'providers',
      summary: '查找定点机构（按地区、区县、护理方式、关键词；按距离、评分或空余名额排序）',
      description: '公开信息，无需登录。提供 lat、lng 时答复中含直线距离（米），默认按距离由近到远。',
      query: searchProvidersQuery,
      responses: { 200: { description: '定点机构列表', schema: z.array(providerView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await providers.search(query);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/providers/:providerId',
      tag: 'providers',
      summary: '一家定点机构：护理方式、容量、公示的服务项目及收费标准（jining-2022 §五）、评分',
      params: providerParams,
      responses: { 200: { description: '定点机构', schema: providerView } },
    },
    async (ctx, { params }) => {
      ctx.body = await providers.get(params.providerId);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/providers',
      tag: 'providers',
      summary: '登记定点机构（经办人员、管理员）',
      description:
        '护理方式须是该统筹区当月提供的方式；提供医疗专护（medical-special）须填写医院等级 hospitalTier。价格单位为分。',
      roles: ['officer', 'admin'],
      body: createProviderInput,
      responses: { 201: { description: '已登记', schema: providerView } },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await providers.create(body);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/providers/:providerId',
      tag: 'providers',
      summary: '修改定点机构信息（经办人员、管理员）；提供 items 时整体替换公示的服务项目',
      roles: ['officer', 'admin'],
      params: providerParams,
      body: updateProviderInput,
      responses: { 200: { description: '已修改', schema: providerView } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await providers.update(params.providerId, body);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/providers/:providerId/accounts',
      tag: 'providers',
      summary: '为定点机构开通账号（管理员）：用于录入月度账单和服务记录',
      roles: ['admin'],
      params: providerParams,
      body: createAccountInput,
      responses: {
        201: {
          description: '已开通（手机号脱敏）',
          schema: z.object({
            id: z.string(),
            phone: z.string(),
            name: z.string().nullable(),
            role: z.literal('provider'),
            providerId: z.string(),
          }),
        },
        409: { description: '手机号已有账号' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await providers.createAccount(params.providerId, body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/providers/:providerId/ratings',
      tag: 'providers',
      summary: '定点机构收到的服务评价（经办、客服、管理员；机构账号只能看本机构）',
      roles: ['agent', 'officer', 'admin', 'provider'],
      params: providerParams,
      responses: {
        200: {
          description: '平均评分与每条评价（参保人姓名脱敏）',
          schema: z.object({
            rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
            ratings: z.array(providerRatingView),
          }),
        },
      },
    },
    async (ctx, { params }) => {
      const user = userOf(ctx);
      if (user.role === 'provider' && (await providers.providerIdOf(user.id)) !== params.providerId) {
        throw notFound('没有找到这家定点机构，或您无权查看。');
      }
      ctx.body = await providers.ratings(params.providerId);
    },
  );

  return providers;
}
