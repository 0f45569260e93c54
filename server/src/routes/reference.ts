// Lists of the ids of domain.md, with their Chinese names, for forms and the bot; and the care modes a
// region offers in a month, as the rules module says (offeredModes, modeName, with the clauses).
import { z } from 'zod';
import {
  CARE_MODE_IDS,
  CARE_MODE_NAMES,
  districtsOf,
  firstDayOf,
  GRADE_IDS,
  GRADE_NAMES,
  INSURANCE_IDS,
  INSURANCE_NAMES,
  modeName,
  MODES_OFFERED,
  MonthSchema,
  modeOffer,
  offeredModes,
  REGION_IDS,
  REGION_NAMES,
  segmentAt,
  type CareModeId,
  type Cite,
  type RegionId,
} from '@changhu/rules';
import type { Api } from '../lib/api';
import { regionSchema } from '../lib/schemas';
import { shanghaiDate } from '../lib/time';
import type { RouteDeps } from './deps';

const named = z.array(z.object({ id: z.string(), name: z.string() }));
const citeSchema = z.object({ doc: z.string(), clause: z.string() });
const modeSchema = z.object({
  id: z.string(),
  name: z.string().describe('当地的叫法，与通用名称不同时附通用名称'),
  citations: z.array(citeSchema).describe('规定这种方式提供与否的条款；该月没有适用的政策文件时为空'),
});

/** The clauses that say whether the region offers the mode on that day (none before any document). */
function modeCitations(region: RegionId, mode: CareModeId, date: string): Cite[] {
  const seg = segmentAt(MODES_OFFERED[region][mode], date);
  return seg.kind === 'no-document' ? [] : seg.cite;
}

export function registerReference(api: Api, { services, clock }: RouteDeps): void {
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
  api.route(
    {
      method: 'get',
      path: '/regions/:region/care-modes',
      tag: 'reference',
      summary: '统筹区在某个月提供哪些护理方式（按当地的叫法），哪些由当地确定，哪些不提供',
      description:
        '按该月1日适用的政策文件（规则模块 offeredModes）。month 不填为本月（北京时间）。' +
        '建立待遇或变更护理方式时，只能选择待遇开始月（或变更生效月）提供的方式。',
      params: z.strictObject({ region: regionSchema.describe('统筹区编号，例如 wenzhou（温州市）') }),
      query: z.strictObject({ month: MonthSchema.optional().describe('YYYY-MM；不填为本月') }),
      responses: {
        200: {
          description: '提供的与不提供的护理方式',
          schema: z.object({
            region: z.string(),
            regionName: z.string(),
            month: z.string(),
            offered: z.array(modeSchema),
            setLocally: z
              .array(modeSchema)
              .describe('文件交由当地确定是否提供的方式（如吉林各试点城市），请向当地医保部门确认；不算“不提供”'),
            notOffered: z.array(modeSchema),
          }),
        },
      },
    },
    async (ctx, { params, query }) => {
      const region = params.region;
      const month = query.month ?? shanghaiDate(clock()).slice(0, 7);
      const offered = offeredModes(region, month);
      const view = (id: CareModeId) => ({
        id,
        name: modeName(region, id),
        citations: modeCitations(region, id, firstDayOf(month)),
      });
      ctx.body = {
        region,
        regionName: REGION_NAMES[region],
        month,
        offered: offered.map(view),
        // jilin-2017 §四(五): a mode left to the pooling area is not "not offered".
        setLocally: CARE_MODE_IDS.filter((m) => modeOffer(region, m, firstDayOf(month)) === 'set-locally').map(view),
        notOffered: CARE_MODE_IDS.filter((m) => {
          const offer = modeOffer(region, m, firstDayOf(month));
          return offer === 'not-offered' || offer === 'no-document';
        }).map(view),
      };
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
