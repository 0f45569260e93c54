import { z } from 'zod';
import type { Api } from '../lib/api';
import { PROXY_ROLES, ROLES } from '../lib/roles';
import { idSchema } from '../lib/schemas';
import {
  applicationView,
  createApplicationInput,
  draftInput,
  eventView,
  listApplicationsQuery,
  moveInput,
} from '../services/applications';
import { MOVES } from '../services/stateMachine';
import { userOf, type RouteDeps } from './deps';

const appParams = z.strictObject({ applicationId: idSchema.describe('申请编号') });

const moveTable = Object.entries(MOVES)
  .map(
    ([id, m]) =>
      `- ${id}（${m.label}）：${m.from.join('/')} → ${m.to}；角色 ${m.roles.join('/')}${m.requires.length ? `；必填 ${m.requires.join(', ')}` : ''}`,
  )
  .join('\n');

export function registerApplications(api: Api, { services }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/applications',
      tag: 'applications',
      summary: '为参保人新建失能评估申请（草稿）',
      roles: PROXY_ROLES,
      body: createApplicationInput,
      responses: {
        201: { description: '草稿已建立', schema: applicationView },
        409: { description: '已有正在办理的申请' },
      },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await services.applications.create(userOf(ctx), body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/applications',
      tag: 'applications',
      summary: '申请列表（经办人员的待办队列可按状态筛选）',
      roles: ROLES,
      query: listApplicationsQuery,
      responses: { 200: { description: '申请列表', schema: z.array(applicationView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await services.applications.list(userOf(ctx), query);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/applications/:applicationId',
      tag: 'applications',
      summary: '一份申请及当前账号可做的操作',
      roles: ROLES,
      params: appParams,
      responses: { 200: { description: '申请', schema: applicationView } },
    },
    async (ctx, { params }) => {
      ctx.body = await services.applications.get(userOf(ctx), params.applicationId);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/applications/:applicationId',
      tag: 'applications',
      summary: '保存草稿（边填边存）',
      roles: PROXY_ROLES,
      params: appParams,
      body: draftInput,
      responses: { 200: { description: '已保存', schema: applicationView }, 409: { description: '不是草稿' } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await services.applications.saveDraft(userOf(ctx), params.applicationId, body);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/applications/:applicationId/moves',
      tag: 'applications',
      summary: '办理一步（状态变更），记录谁、何时、为何',
      description:
        `状态机的全部操作：\n${moveTable}\n` +
        '录入评估等级（assess）：该等级在统筹区不享受待遇时，答复的 gradeProblem 写明。\n' +
        '公示（publicize）：可填公示期的最后一天 publicityEndsOn（不早于今天；公示期长短由当地确定）；' +
        '公示期内（含最后一天）不能核准或不予核准（409 publicity-running）。\n' +
        '复评（object）：公示期内，或核准/不予核准通知后在 objectionDeadline 当天及之前；只能申请一次。',
      roles: ['resident', 'community-worker', 'officer'],
      params: appParams,
      body: moveInput,
      responses: {
        200: { description: '已办理', schema: applicationView },
        409: { description: '当前状态不能做这个操作，或公示期尚未结束' },
        422: { description: '复评期限已过（消息中写明截止日期）' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await services.applications.move(userOf(ctx), params.applicationId, body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/applications/:applicationId/events',
      tag: 'applications',
      summary: '办理记录（谁、何时、为何、从何状态到何状态）',
      roles: ROLES,
      params: appParams,
      responses: { 200: { description: '办理记录', schema: z.array(eventView) } },
    },
    async (ctx, { params }) => {
      ctx.body = await services.applications.events(userOf(ctx), params.applicationId);
    },
  );
}
