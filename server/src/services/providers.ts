// Designated providers (定点机构): the directory families search, the items and prices each posts
// (jining-2022 §五 "公示服务项目及收费标准"), and the rating fed by visit ratings (jilin-2022 §(九)).
import { z } from 'zod';
import {
  DISTRICTS,
  FenSchema,
  REGION_NAMES,
  districtsOf,
  modeName,
  offeredModes,
  type CareModeId,
  type RegionId,
} from '@changhu/rules';
import type { Db } from '../db';
import { hotReads } from '../hotReads';
import type { Provider, ProviderItem } from '../generated/prisma/client';
import { Prisma } from '../generated/prisma/client';
import { badInput, conflict, notFound, type ErrorDetail } from '../lib/errors';
import { maskPhone } from '../lib/personal';
import { careModeSchema, districtSchema, idSchema, nameSchema, phoneSchema, regionSchema } from '../lib/schemas';
import { shanghaiDate, type Clock } from '../lib/time';

/** A business phone: a landline with area code (0577-88888888) or a mobile number. */
const providerPhoneSchema = z
  .string({ error: '请填写机构电话' })
  .trim()
  .refine(
    (s) => /^(0\d{2,3}-?\d{7,8}|1[3-9]\d{9})$/.test(s),
    '机构电话应为带区号的固定电话（如 0577-88888888）或11位手机号',
  );

const hospitalTierSchema = z
  .union([z.literal(1), z.literal(2), z.literal(3)], {
    error: '医院等级（hospitalTier）应为 1、2 或 3（一级、二级、三级协议医疗机构）',
  })
  .describe('医院等级：1、2 或 3（一级、二级、三级协议医疗机构）');

const placesSchema = (label: string) =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能是负数`)
    .max(100_000, `${label}太大了，请检查`);

export const providerItemInput = z.strictObject({
  name: z
    .string({ error: '请填写项目名称' })
    .trim()
    .min(1, '请填写项目名称')
    .max(40, '项目名称不能超过40个字')
    .describe('服务项目名称，例如“助浴”'),
  unit: z
    .string({ error: '请填写计价单位' })
    .trim()
    .min(1, '请填写计价单位，如“次”“小时”“天”')
    .max(10)
    .describe('计价单位，例如“次”“小时”“天”'),
  priceFen: FenSchema.describe('收费标准（分/计价单位）'),
});

const providerFields = {
  name: z
    .string({ error: '请填写机构名称' })
    .trim()
    .min(1, '请填写机构名称')
    .max(60, '机构名称不能超过60个字')
    .describe('机构名称，不超过60个字'),
  region: regionSchema.describe('机构所在的统筹区编号'),
  district: districtSchema.nullable().optional().describe('机构所在的区县编号；统筹区没有区县时为 null 或不填'),
  address: z
    .string({ error: '请填写地址' })
    .trim()
    .min(1, '请填写地址')
    .max(200, '地址不能超过200个字')
    .describe('机构地址，不超过200个字'),
  lat: z
    .number({ error: '纬度（lat）应为数字' })
    .min(-90, '纬度应在 -90 到 90 之间')
    .max(90, '纬度应在 -90 到 90 之间')
    .describe('机构位置的纬度（-90 到 90）'),
  lng: z
    .number({ error: '经度（lng）应为数字' })
    .min(-180, '经度应在 -180 到 180 之间')
    .max(180, '经度应在 -180 到 180 之间')
    .describe('机构位置的经度（-180 到 180）'),
  phone: providerPhoneSchema.describe('机构电话：带区号的固定电话（如 0577-88888888）或11位手机号'),
  careModes: z
    .array(careModeSchema, { error: '护理方式（careModes）应为列表' })
    .min(1, '请至少选择一种护理方式')
    .refine((modes) => new Set(modes).size === modes.length, '护理方式不能重复')
    .describe('机构提供的护理方式编号（至少一种，不重复），须是该统筹区当月提供的方式'),
  hospitalTier: hospitalTierSchema
    .nullable()
    .optional()
    .describe('医院等级 1、2 或 3：提供医疗专护（medical-special）时必填'),
  capacity: placesSchema('服务容量（capacity）').describe('服务容量（可同时服务的人数）'),
  freePlaces: placesSchema('空余名额（freePlaces）').describe('目前的空余名额'),
  items: z.array(providerItemInput).max(200, '服务项目最多200项').describe('公示的服务项目及收费标准（最多200项）'),
};

export const createProviderInput = z.strictObject({
  ...providerFields,
  items: providerFields.items.default([]).describe('公示的服务项目及收费标准（最多200项）；不填为没有'),
  isSample: z.boolean().optional().describe('示例数据（种子数据为 true）'),
});
export const updateProviderInput = z.strictObject(providerFields).partial();

export const PROVIDER_SORTS = ['distance', 'rating', 'free-places', 'name'] as const;

/** A coordinate from the query string; an empty one (`lat=`) is no position, never 0. */
const coordinate = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: `${label}应为数字` })
      .min(min, `${label}应在 ${min} 到 ${max} 之间`)
      .max(max, `${label}应在 ${min} 到 ${max} 之间`)
      .optional(),
  );

export const searchProvidersQuery = z
  .strictObject({
    region: regionSchema.optional().describe('只看这个统筹区的机构'),
    district: districtSchema.optional().describe('只看这个区县的机构'),
    mode: careModeSchema.optional().describe('只看提供这种护理方式的机构'),
    q: z.string().trim().max(40, '关键词不能超过40个字').optional().describe('按机构名称或地址查找'),
    lat: coordinate('纬度（lat）', -90, 90).describe('您所在位置的纬度；与 lng 一起提供时按距离排序并给出距离'),
    lng: coordinate('经度（lng）', -180, 180).describe('您所在位置的经度；与 lat 一起提供'),
    sort: z
      .enum(PROVIDER_SORTS, { error: `排序方式可选：${PROVIDER_SORTS.join('、')}` })
      .optional()
      .describe(
        'distance 按距离（需 lat、lng）；rating 按评分；free-places 按空余名额；默认有坐标时按距离，否则按名称',
      ),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === undefined ? 'lat' : 'lng'],
        message: '按距离查找需要同时提供 lat 和 lng',
      });
    }
    if (v.sort === 'distance' && v.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '按距离排序需要提供您的位置（lat、lng）' });
    }
  });

export const createAccountInput = z.strictObject({
  phone: phoneSchema.describe('机构账号登录用的手机号'),
  name: nameSchema.describe('账号名称，例如机构名称加“账号”'),
});

const ratingView = z.object({
  average: z.number().nullable().describe('平均评分（1–5，保留两位小数）；还没有评价时为 null'),
  count: z.number().int(),
});

export const providerView = z.object({
  id: z.string().describe('编号'),
  name: z.string().describe('机构名称'),
  region: z.string().describe('统筹区编号'),
  regionName: z.string().describe('统筹区名称'),
  district: z.string().nullable().describe('区县编号；没有时为 null'),
  districtName: z.string().nullable().describe('区县名称；没有时为 null'),
  address: z.string().describe('机构地址'),
  lat: z.number().describe('纬度'),
  lng: z.number().describe('经度'),
  phone: z.string().describe('机构电话'),
  careModes: z.array(z.string()).describe('提供的护理方式编号'),
  careModeNames: z.array(z.string()).describe('按当地叫法的护理方式名称'),
  hospitalTier: z.number().int().nullable().describe('医院等级 1–3；不是医院为 null'),
  capacity: z.number().int().describe('服务容量'),
  freePlaces: z.number().int().describe('空余名额'),
  rating: ratingView,
  items: z
    .array(z.object({ name: z.string(), unit: z.string(), priceFen: z.number().int() }))
    .describe('公示的服务项目及收费标准（分）'),
  isSample: z.boolean().describe('true 表示示例数据'),
  distanceMeters: z.number().int().optional().describe('与查询位置的直线距离（米），提供 lat、lng 时返回'),
});
export type ProviderView = z.output<typeof providerView>;

export const providerRatingView = z.object({
  serviceRecordId: z.string().describe('服务记录编号'),
  date: z.string().describe('服务日期'),
  score: z.number().int().describe('评分 1–5'),
  comment: z.string().nullable().describe('评价文字；没有时为 null'),
  personName: z.string().describe('脱敏姓名'),
  ratedAt: z.string().describe('评价时间（ISO 8601）'),
});

type ProviderWithItems = Provider & { items: ProviderItem[] };

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 王秀英 → 王** : names of persons shown to others than their proxies. */
export function maskName(name: string): string {
  const chars = Array.from(name.replace(/（.*?）/g, ''));
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

export function careModesOf(p: Provider): CareModeId[] {
  return JSON.parse(p.careModes) as CareModeId[];
}

export function averageRating(p: Provider): number | null {
  return p.ratingCount === 0 ? null : Math.round((p.ratingSum / p.ratingCount) * 100) / 100;
}

export function toProviderView(p: ProviderWithItems, from?: { lat: number; lng: number }): ProviderView {
  const region = p.region as RegionId;
  const modes = careModesOf(p);
  return {
    id: p.id,
    name: p.name,
    region: p.region,
    regionName: REGION_NAMES[region] ?? p.region,
    district: p.district,
    districtName: DISTRICTS.find((d) => d.id === p.district)?.name ?? null,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    phone: p.phone,
    careModes: modes,
    careModeNames: modes.map((m) => modeName(region, m)),
    hospitalTier: p.hospitalTier,
    capacity: p.capacity,
    freePlaces: p.freePlaces,
    rating: { average: averageRating(p), count: p.ratingCount },
    items: [...p.items]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ name: i.name, unit: i.unit, priceFen: i.priceFen })),
    isSample: p.isSample,
    ...(from ? { distanceMeters: Math.round(distanceMeters(from, p)) } : {}),
  };
}

type ProviderData = z.output<typeof createProviderInput>;

export class ProviderService {
  constructor(
    private readonly prisma: Db,
    private readonly clock: Clock,
  ) {}

  private currentMonth(): string {
    return shanghaiDate(this.clock()).slice(0, 7);
  }

  /** Checks that hold across fields: district of the region, modes the region offers, tier, places. */
  private check(p: Omit<ProviderData, 'items' | 'isSample'>): void {
    const details: ErrorDetail[] = [];
    const region = p.region;
    const known = districtsOf(region);
    if (p.district && !known.some((d) => d.id === p.district)) {
      details.push({
        path: 'district',
        message: `${REGION_NAMES[region]}没有这个区县，可选：${known.map((d) => d.id).join('、') || '（无需填写区县）'}`,
      });
    } else if (!p.district && known.length) {
      details.push({
        path: 'district',
        message: `${REGION_NAMES[region]}请填写区县，可选：${known.map((d) => d.id).join('、')}`,
      });
    }
    const offered = offeredModes(region, this.currentMonth());
    for (const [i, mode] of p.careModes.entries()) {
      if (!offered.includes(mode)) {
        details.push({
          path: `careModes.${i}`,
          message: `${REGION_NAMES[region]}的长护险没有这种护理方式，可选：${offered.map((m) => `${m}（${modeName(region, m)}）`).join('、')}`,
        });
      }
    }
    if (p.careModes.includes('medical-special') && !p.hospitalTier) {
      details.push({ path: 'hospitalTier', message: '提供医疗专护的机构须填写医院等级（1、2 或 3）' });
    }
    if (p.freePlaces > p.capacity) {
      details.push({ path: 'freePlaces', message: '空余名额不能超过服务容量' });
    }
    if (details.length) throw badInput(`机构信息有误：${details[0].message}`, details);
  }

  async search(query: z.output<typeof searchProvidersQuery>): Promise<ProviderView[]> {
    const where: Prisma.ProviderWhereInput = {
      ...(query.region ? { region: query.region } : {}),
      ...(query.district ? { district: query.district } : {}),
      ...(query.q ? { OR: [{ name: { contains: query.q } }, { address: { contains: query.q } }] } : {}),
    };
    // The directory is read on every search (and by the bot): on SQLite without Prisma's plan compilation.
    const hot = hotReads(this.prisma);
    const rows = hot
      ? await hot.providers(
          { region: query.region || undefined, district: query.district || undefined, q: query.q || undefined },
          true,
          2000,
        )
      : await this.prisma.provider.findMany({ where, include: { items: true }, take: 2000 });
    const from = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
    const views = rows
      .filter((p) => !query.mode || careModesOf(p).includes(query.mode))
      .map((p) => toProviderView(p, from));
    const sort = query.sort ?? (from ? 'distance' : 'name');
    const byName = (a: ProviderView, b: ProviderView) => a.name.localeCompare(b.name, 'zh-CN');
    const compare: Record<(typeof PROVIDER_SORTS)[number], (a: ProviderView, b: ProviderView) => number> = {
      distance: (a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) || byName(a, b),
      // Unrated providers last; among equals, more ratings first.
      rating: (a, b) =>
        (b.rating.average ?? -1) - (a.rating.average ?? -1) || b.rating.count - a.rating.count || byName(a, b),
      'free-places': (a, b) => b.freePlaces - a.freePlaces || byName(a, b),
      name: byName,
    };
    return views.sort(compare[sort]).slice(0, 200);
  }

  /**
   * Name, address, free places and modes of a region's providers, by name: what a bot answer reads. One query
   * without the price lists, since each Prisma query costs its plan's compilation.
   */
  async briefs(q: { region: string; district?: string; mode?: CareModeId }) {
    const hot = hotReads(this.prisma);
    const rows = hot
      ? await hot.providers({ region: q.region, ...(q.district ? { district: q.district } : {}) }, false, 2000)
      : await this.prisma.provider.findMany({
          where: { region: q.region, ...(q.district ? { district: q.district } : {}) },
          select: { name: true, address: true, freePlaces: true, careModes: true },
          take: 2000,
        });
    return rows
      .map((p) => ({ ...p, modes: JSON.parse(p.careModes) as CareModeId[] }))
      .filter((p) => !q.mode || p.modes.includes(q.mode))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((p) => ({
        name: p.name,
        address: p.address,
        freePlaces: p.freePlaces,
        careModeNames: p.modes.map((m) => modeName(q.region as RegionId, m)),
      }));
  }

  async get(id: string): Promise<ProviderView> {
    const p = await this.prisma.provider.findUnique({ where: { id }, include: { items: true } });
    if (!p) throw notFound('没有找到这家定点机构。');
    return toProviderView(p);
  }

  async create(input: ProviderData): Promise<ProviderView> {
    this.check(input);
    const { items, careModes, district, hospitalTier, isSample, ...rest } = input;
    const p = await this.prisma.provider.create({
      data: {
        ...rest,
        district: district ?? null,
        hospitalTier: hospitalTier ?? null,
        careModes: JSON.stringify(careModes),
        isSample: isSample ?? false,
        items: { create: items.map((item, position) => ({ ...item, position })) },
      },
      include: { items: true },
    });
    return toProviderView(p);
  }

  async update(id: string, input: z.output<typeof updateProviderInput>): Promise<ProviderView> {
    const existing = await this.prisma.provider.findUnique({ where: { id } });
    if (!existing) throw notFound('没有找到这家定点机构。');
    const merged = {
      name: input.name ?? existing.name,
      region: input.region ?? (existing.region as RegionId),
      district: input.district === undefined ? existing.district : input.district,
      address: input.address ?? existing.address,
      lat: input.lat ?? existing.lat,
      lng: input.lng ?? existing.lng,
      phone: input.phone ?? existing.phone,
      careModes: input.careModes ?? careModesOf(existing),
      hospitalTier: input.hospitalTier === undefined ? existing.hospitalTier : input.hospitalTier,
      capacity: input.capacity ?? existing.capacity,
      freePlaces: input.freePlaces ?? existing.freePlaces,
    };
    this.check({ ...merged, hospitalTier: merged.hospitalTier as 1 | 2 | 3 | null });
    const p = await this.prisma.$transaction(async (tx) => {
      if (input.items) {
        await tx.providerItem.deleteMany({ where: { providerId: id } });
        await tx.providerItem.createMany({
          data: input.items.map((item, position) => ({ ...item, position, providerId: id })),
        });
      }
      return tx.provider.update({
        where: { id },
        data: { ...merged, careModes: JSON.stringify(merged.careModes) },
        include: { items: true },
      });
    });
    return toProviderView(p);
  }

  /** Opens a `provider` account that posts this provider's bills and visits. */
  async createAccount(providerId: string, input: z.output<typeof createAccountInput>) {
    const provider = await this.prisma.provider.findUnique({ where: { id: providerId } });
    if (!provider) throw notFound('没有找到这家定点机构。');
    try {
      const user = await this.prisma.user.create({
        data: { phone: input.phone, name: input.name, role: 'provider', providerAccount: { create: { providerId } } },
      });
      return { id: user.id, phone: maskPhone(user.phone), name: user.name, role: 'provider', providerId };
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw conflict('user-exists', '这个手机号已经有账号了，请换一个手机号，或由管理员调整原账号。');
      }
      throw err;
    }
  }

  /** The provider a `provider` account works for (null for any other account). */
  async providerIdOf(userId: string): Promise<string | null> {
    const account = await this.prisma.providerAccount.findUnique({ where: { userId } });
    return account?.providerId ?? null;
  }

  /** The ratings of a provider's visits, newest first; person names masked. */
  async ratings(providerId: string) {
    const provider = await this.prisma.provider.findUnique({ where: { id: providerId } });
    if (!provider) throw notFound('没有找到这家定点机构。');
    const visits = await this.prisma.serviceVisit.findMany({
      where: { providerId, rating: { not: null } },
      include: { benefit: { include: { person: true } } },
      orderBy: { ratedAt: 'desc' },
      take: 500,
    });
    return {
      rating: { average: averageRating(provider), count: provider.ratingCount },
      ratings: visits.map((v) => ({
        serviceRecordId: v.id,
        date: v.date,
        score: v.rating!,
        comment: v.ratingComment,
        personName: maskName(v.benefit.person.name),
        ratedAt: v.ratedAt!.toISOString(),
      })),
    };
  }
}

export const providerParams = z.strictObject({ providerId: idSchema.describe('定点机构编号') });
