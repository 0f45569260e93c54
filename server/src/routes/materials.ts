import type { Middleware } from 'koa';
import { z } from 'zod';
import type { AppState } from '../lib/context';
import type { Api } from '../lib/api';
import { AppError } from '../lib/errors';
import { PROXY_ROLES, ROLES } from '../lib/roles';
import { idSchema } from '../lib/schemas';
import { singleFileUpload } from '../middleware/upload';
import { materialFields, materialInput, materialView } from '../services/materials';
import { userOf, type RouteDeps } from './deps';

const appParams = z.strictObject({ applicationId: idSchema.describe('申请编号') });
const materialParams = z.strictObject({
  applicationId: idSchema.describe('申请编号'),
  materialId: idSchema.describe('材料编号'),
});

export function registerMaterials(api: Api, { services, config }: RouteDeps): void {
  const upload = singleFileUpload(config.maxUploadBytes, services.materials.uploadsDir());
  // Scope and state first: a refused upload is answered before a byte of the file is read.
  const checkThenUpload: Middleware<AppState> = async (ctx, next) => {
    const { applicationId } = ctx.state.valid.params as { applicationId: string };
    await services.materials.mayUpload(userOf(ctx), applicationId);
    await upload(ctx, next);
  };
  api.route(
    {
      method: 'post',
      path: '/applications/:applicationId/materials',
      tag: 'materials',
      summary: '上传申请材料（JPG、PNG 或 PDF，不超过 10MB）',
      description: '文件类型按文件内容判断，不看扩展名。只有草稿可以上传。',
      roles: PROXY_ROLES,
      params: appParams,
      multipart: { middleware: checkThenUpload, fields: materialFields },
      body: materialInput,
      responses: {
        201: { description: '已上传', schema: materialView },
        409: { description: '申请不是草稿，不能上传材料' },
        413: { description: '文件太大' },
        415: { description: '不是 JPG、PNG 或 PDF' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await services.materials.add(userOf(ctx), params.applicationId, body.kind, ctx.state.file);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/applications/:applicationId/materials',
      tag: 'materials',
      summary: '申请材料清单',
      roles: ROLES,
      params: appParams,
      responses: { 200: { description: '材料清单', schema: z.array(materialView) } },
    },
    async (ctx, { params }) => {
      ctx.body = await services.materials.list(userOf(ctx), params.applicationId);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/applications/:applicationId/materials/:materialId/content',
      tag: 'materials',
      summary: '查看材料原件（本人、家属、社区工作人员、经办人员）',
      roles: ROLES,
      params: materialParams,
      responses: {
        200: { description: '文件内容（上传时的类型）', contentType: ['image/jpeg', 'image/png', 'application/pdf'] },
      },
    },
    async (ctx, { params }) => {
      const { material, content } = await services.materials.open(userOf(ctx), params.applicationId, params.materialId);
      if (!content.length) throw new AppError(404, 'not-found', '文件内容缺失。');
      ctx.set('Content-Type', material.contentType);
      ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(material.fileName)}`);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = content;
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/applications/:applicationId/materials/:materialId',
      tag: 'materials',
      summary: '删除草稿中的一份材料',
      roles: PROXY_ROLES,
      params: materialParams,
      responses: { 204: { description: '已删除' }, 409: { description: '申请不是草稿，不能删除材料' } },
    },
    async (ctx, { params }) => {
      await services.materials.remove(userOf(ctx), params.applicationId, params.materialId);
      ctx.status = 204;
    },
  );
}
