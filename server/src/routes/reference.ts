// Lists of the ids of domain.md, with their Chinese names, for forms and the bot.
import { z } from 'zod';
import {
  CARE_MODE_IDS,
  CARE_MODE_NAMES,
  districtsOf,
  GRADE_IDS,
  GRADE_NAMES,
  INSURANCE_IDS,
  INSURANCE_NAMES,
  REGION_IDS,
  REGION_NAMES,
} from '@changhu/rules';
import type { Api } from '../lib/api';
import type { RouteDeps } from './deps';

const named = z.array(z.object({ id: z.string(), name: z.string() }));

export function registerReference(api: Api, { services }: RouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/regions',
      tag: 'reference',
      summary: '统筹区及其区县',
      responses: {
        200: {
          description: '统筹区列表',
          schema: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              districts: z.array(z.object({ id: z.string(), name: z.string(), group: z.string() })),
            }),
          ),
        },
      },
    },
    async (ctx) => {
      ctx.body = REGION_IDS.map((id) => ({
        id,
        name: REGION_NAMES[id],
        districts: districtsOf(id).map((d) => ({ id: d.id, name: d.name, group: d.group })),
      }));
    },
  );
  const lists = [
    ['/care-modes', '护理方式', CARE_MODE_IDS, CARE_MODE_NAMES],
    ['/insurance-types', '参保类型', INSURANCE_IDS, INSURANCE_NAMES],
    ['/grades', '失能等级（医保办发〔2021〕37号）', GRADE_IDS, GRADE_NAMES],
  ] as const;
  for (const [path, what, ids, names] of lists) {
    api.route(
      {
        method: 'get',
        path,
        tag: 'reference',
        summary: what,
        responses: { 200: { description: what, schema: named } },
      },
      async (ctx) => {
        ctx.body = ids.map((id) => ({ id, name: (names as Record<string, string>)[id] }));
      },
    );
  }
  api.route(
    {
      method: 'get',
      path: '/communities',
      tag: 'reference',
      summary: '社区列表',
      responses: {
        200: {
          description: '社区',
          schema: z.array(
            z.object({ id: z.string(), name: z.string(), region: z.string(), district: z.string().nullable() }),
          ),
        },
      },
    },
    async (ctx) => {
      ctx.body = await services.users.communities();
    },
  );
}
