import { z } from 'zod';
import type { Api } from '../lib/api';
import { idSchema } from '../lib/schemas';
import { createUserInput, updateUserInput, userView } from '../services/users';
import type { RouteDeps } from './deps';

export function registerUsers(api: Api, { services }: RouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: '账号列表（管理员）',
      roles: ['admin'],
      responses: { 200: { description: '账号（手机号脱敏）', schema: z.array(userView) } },
    },
    async (ctx) => {
      ctx.body = await services.users.list();
    },
  );

  api.route(
    {
      method: 'post',
      path: '/users',
      tag: 'users',
      summary: '开通工作人员账号（管理员）',
      roles: ['admin'],
      body: createUserInput,
      responses: { 201: { description: '已开通', schema: userView }, 409: { description: '手机号已有账号' } },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await services.users.create(body);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/users/:userId',
      tag: 'users',
      summary: '修改账号的姓名、角色或社区（管理员）',
      roles: ['admin'],
      params: z.strictObject({ userId: idSchema.describe('账号编号') }),
      body: updateUserInput,
      responses: { 200: { description: '已修改', schema: userView } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await services.users.update(params.userId, body);
    },
  );
}
