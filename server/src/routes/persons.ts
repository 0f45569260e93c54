import { z } from 'zod';
import type { Api } from '../lib/api';
import { PROXY_ROLES, ROLES } from '../lib/roles';
import { idSchema, phoneSchema } from '../lib/schemas';
import { addConsentInput, consentView, createPersonInput, personView, updatePersonInput } from '../services/persons';
import { userOf, type RouteDeps } from './deps';

const personParams = z.strictObject({ personId: idSchema.describe('参保人编号') });
/** Who reads a person's consents (names of family members): everyone but a provider account. */
const CONSENT_READERS = ROLES.filter((r) => r !== 'provider');

export function registerPersons(api: Api, { services }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/persons',
      tag: 'persons',
      summary: '登记一位参保人（本人或代办的家人）',
      description:
        '代他人办理（relationship 不是 self）必须附上 consent：谁同意、方式（in-person 当面 / phone-recorded 电话录音 / written 书面）、时间。' +
        '社区工作人员登记的老人归入其所在社区。',
      roles: PROXY_ROLES,
      body: createPersonInput,
      responses: {
        201: { description: '已登记（身份证号、手机号脱敏）', schema: personView },
        409: { description: '不能在线登记（已由您登记过时写明；否则不透露该身份证号是否已登记）' },
      },
    },
    async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await services.persons.create(userOf(ctx), body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/persons',
      tag: 'persons',
      summary: '我能查看的参保人',
      description: '居民和社区工作人员只看到授权给自己的参保人；客服、经办、管理员看到全部。身份证号一律脱敏。',
      roles: ROLES,
      query: z.strictObject({
        q: z.string().max(40).optional().describe('按姓名查找'),
        idNumber: z
          .string()
          .regex(/^\d{17}[\dXx]$/, '请填写完整的18位身份证号')
          .optional()
          .describe('按完整身份证号查找（答复中仍为脱敏形式）'),
        phone: phoneSchema
          .optional()
          .describe('按完整手机号查找：参保人本人、为其代办的家属或社区工作人员、申请的联系电话（答复中仍为脱敏形式）'),
      }),
      responses: { 200: { description: '参保人列表', schema: z.array(personView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await services.persons.list(userOf(ctx), query);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/persons/:personId',
      tag: 'persons',
      summary: '一位参保人',
      description: '经办人员（officer）在此看到完整身份证号与手机号，其他角色为脱敏形式。',
      roles: ROLES,
      params: personParams,
      responses: { 200: { description: '参保人', schema: personView } },
    },
    async (ctx, { params }) => {
      ctx.body = await services.persons.get(userOf(ctx), params.personId);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/persons/:personId',
      tag: 'persons',
      summary: '修改参保人的联系方式、地址、统筹区或参保类型',
      roles: PROXY_ROLES,
      params: personParams,
      body: updatePersonInput,
      responses: { 200: { description: '已修改', schema: personView } },
    },
    async (ctx, { params, body }) => {
      ctx.body = await services.persons.update(userOf(ctx), params.personId, body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/persons/:personId/consents',
      tag: 'persons',
      summary: '参保人的代办授权记录',
      description:
        '授权记录写有家属的姓名与关系，只给参保人本人、代办人和工作人员看；定点机构账号不能查看（403），它只需要服务对象的护理信息。',
      roles: CONSENT_READERS,
      params: personParams,
      responses: { 200: { description: '授权记录（含已撤销）', schema: z.array(consentView) } },
    },
    async (ctx, { params }) => {
      ctx.body = await services.persons.consents(userOf(ctx), params.personId);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/persons/:personId/consents',
      tag: 'persons',
      summary: '记录参保人同意另一位家属或社区工作人员代办',
      description:
        '只有参保人本人（本人账号，授权方式 self）可以授权他人；代办人不能把授权转给别人。' +
        '经办人员可以记录参保人在经办机构当面或书面给出的授权。',
      roles: [...PROXY_ROLES, 'officer'],
      params: personParams,
      body: addConsentInput,
      responses: { 201: { description: '已记录', schema: consentView }, 409: { description: '已有有效授权' } },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await services.persons.addConsent(userOf(ctx), params.personId, body);
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/persons/:personId/consents/:consentId',
      tag: 'persons',
      summary: '撤销一项代办授权',
      description:
        '参保人本人可以撤销任何代办人的授权；代办人只能撤销自己的授权；本人账号的授权（self）只能由经办人员撤销。',
      roles: [...PROXY_ROLES, 'officer'],
      params: z.strictObject({
        personId: idSchema.describe('参保人编号'),
        consentId: idSchema.describe('授权记录编号'),
      }),
      responses: { 200: { description: '已撤销', schema: consentView } },
    },
    async (ctx, { params }) => {
      ctx.body = await services.persons.revokeConsent(userOf(ctx), params.personId, params.consentId);
    },
  );
}
