import { z } from 'zod';
import {
  citationText,
  DOCUMENTS,
  documentShortName,
  documentStatus,
  getClause,
  listClauses,
  type DocId,
} from '@changhu/rules';
import type { Api } from '../lib/api';
import { notFound } from '../lib/errors';
import { dateSchema } from '../lib/schemas';
import { shanghaiDate } from '../lib/time';
import type { RouteDeps } from './deps';

const DOC_IDS = DOCUMENTS.map((d) => d.id) as [DocId, ...DocId[]];
const docParam = z
  .enum(DOC_IDS, { error: `文件编号可选：${DOC_IDS.join('、')}` })
  .describe('政策文件编号，例如 wenzhou-2023；全部见 GET /api/v1/documents');

const documentView = z.object({
  id: z.string(),
  title: z.string(),
  shortName: z.string().describe('给用户看的中文简称，例如“晋江市长护险暂行规定”'),
  issuer: z.string(),
  number: z.string().nullable(),
  issued: z.string().nullable(),
  inForce: z.object({ from: z.string(), to: z.string().nullable() }),
  draft: z.boolean(),
  status: z.enum(['draft', 'in-force', 'expired', 'not-yet']).describe('在 asOf 那天的状态'),
  asOf: z.string(),
});

export function registerDocuments(api: Api, { clock }: RouteDeps): void {
  const view = (id: DocId, asOf: string) => {
    const d = DOCUMENTS.find((doc) => doc.id === id)!;
    return {
      id: d.id,
      title: d.title,
      shortName: documentShortName(d.id),
      issuer: d.issuer,
      number: d.number,
      issued: d.issued,
      inForce: d.inForce,
      draft: d.draft,
      status: documentStatus(d.id, asOf),
      asOf,
    };
  };
  const asOfQuery = z.strictObject({
    asOf: dateSchema.optional().describe('文件状态按哪一天计算 YYYY-MM-DD；默认今天（北京时间）'),
  });

  api.route(
    {
      method: 'get',
      path: '/documents',
      tag: 'documents',
      summary: '规则库中的政策文件及其在某天的状态',
      query: asOfQuery,
      responses: { 200: { description: '文件列表', schema: z.array(documentView) } },
    },
    async (ctx, { query }) => {
      const asOf = query.asOf ?? shanghaiDate(clock());
      ctx.body = DOCUMENTS.map((d) => view(d.id, asOf));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/documents/:doc',
      tag: 'documents',
      summary: '一份政策文件及其条款目录',
      params: z.strictObject({ doc: docParam }),
      query: asOfQuery,
      responses: {
        200: {
          description: '文件与条款目录',
          schema: documentView.extend({
            clauses: z.array(z.object({ id: z.string(), title: z.string(), parent: z.string().nullable() })),
          }),
        },
      },
    },
    async (ctx, { params, query }) => {
      const asOf = query.asOf ?? shanghaiDate(clock());
      ctx.body = {
        ...view(params.doc, asOf),
        clauses: listClauses(params.doc).map((c) => ({ id: c.id, title: c.title, parent: c.parent })),
      };
    },
  );

  api.route(
    {
      method: 'get',
      path: '/documents/:doc/clauses/:clause',
      tag: 'documents',
      summary: '条款原文',
      description: '条款编号如 §二(五)，放入地址时请做 URL 编码。',
      params: z.strictObject({
        doc: docParam,
        clause: z.string().min(1).describe('条款编号，例如 §二(五)（放入地址时做 URL 编码）'),
      }),
      responses: {
        200: {
          description: '条款原文',
          schema: z.object({
            doc: z.string(),
            clause: z.string(),
            title: z.string(),
            label: z.string().describe('给用户看的出处，例如“晋江市长护险暂行规定第二部分第（三）项”'),
            text: z.string(),
            parent: z.string().nullable(),
          }),
        },
      },
    },
    async (ctx, { params }) => {
      const clause = getClause(params.doc, params.clause);
      if (!clause) throw notFound(`《${documentShortName(params.doc)}》中没有条款“${params.clause}”。`);
      ctx.body = {
        doc: params.doc,
        clause: clause.id,
        title: clause.title,
        label: citationText({ doc: params.doc, clause: clause.id }),
        text: clause.text,
        parent: clause.parent,
      };
    },
  );
}
