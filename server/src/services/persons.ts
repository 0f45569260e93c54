import { z } from 'zod';
import { districtsOf, DISTRICTS, INSURANCE_NAMES, REGION_NAMES, type InsuranceId, type RegionId } from '@changhu/rules';
import type { Db } from '../db';
import type { Person, Consent } from '../generated/prisma/client';
import { Prisma } from '../generated/prisma/client';
import { badInput, conflict, forbidden, notFound, type ErrorDetail } from '../lib/errors';
import {
  birthDateOfIdNumber,
  genderOfIdNumber,
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  maskIdNumber,
  maskPhone,
} from '../lib/personal';
import type { AuthUser } from '../lib/roles';
import { districtSchema, instantSchema, insuranceSchema, nameSchema, phoneSchema, regionSchema } from '../lib/schemas';
import { shanghaiDate, type Clock } from '../lib/time';
import { Access, personScope, seesFullPersonalData } from './access';

export const RELATIONSHIPS = ['self', 'spouse', 'child', 'relative', 'guardian', 'community-help', 'other'] as const;
export const CONSENT_METHODS = ['self', 'in-person', 'phone-recorded', 'written'] as const;

const addressSchema = z
  .string({ error: '请填写居住地址' })
  .trim()
  .min(1, '请填写居住地址，上门评估和护理都要用到')
  .max(200, '地址不能超过200个字')
  .describe('居住地址（上门评估和护理的地址），不超过200个字');

const idNumberField = z
  .string({ error: '请填写身份证号' })
  .trim()
  .transform((s) => s.toUpperCase());

export const consentInput = z.strictObject({
  method: z
    .enum(CONSENT_METHODS, { error: `授权方式可选：${CONSENT_METHODS.join('、')}` })
    .describe('授权方式：self 本人账号 / in-person 当面 / phone-recorded 电话录音 / written 书面'),
  givenBy: nameSchema.describe('谁给出的授权（参保人本人或其监护人姓名）'),
  givenAt: instantSchema('授权时间（givenAt）').describe('给出授权的时间，带时区，例如 2026-05-01T10:00:00+08:00'),
});

export const createPersonInput = z.strictObject({
  name: nameSchema.describe('参保人姓名'),
  idNumber: idNumberField.describe('18位身份证号，末位可为 X'),
  region: regionSchema.describe('参保人所在的统筹区编号，例如 wenzhou（温州市）'),
  district: districtSchema.optional().describe('区县编号，例如 lucheng（鹿城区）；统筹区有区县时填写'),
  insurance: insuranceSchema.describe('参保类型编号，例如 employee-retired（职工医保退休人员）'),
  phone: phoneSchema.describe('参保人或家属的联系手机号'),
  address: addressSchema,
  relationship: z
    .enum(RELATIONSHIPS, { error: `与参保人的关系可选：${RELATIONSHIPS.join('、')}` })
    .describe(
      '您与参保人的关系：self 本人 / spouse 配偶 / child 子女 / relative 其他亲属 / guardian 监护人 / community-help 社区帮办 / other 其他',
    ),
  consent: consentInput.optional().describe('代他人办理时必填：参保人同意由您代办的记录'),
});
export type CreatePersonInput = z.output<typeof createPersonInput>;

export const updatePersonInput = z.strictObject({
  region: regionSchema.optional().describe('新的统筹区编号'),
  district: districtSchema.nullable().optional().describe('新的区县编号；null 表示清除'),
  insurance: insuranceSchema.optional().describe('新的参保类型编号'),
  phone: phoneSchema.optional().describe('新的联系手机号'),
  address: addressSchema.optional().describe('新的居住地址，不超过200个字'),
});

export const addConsentInput = consentInput.extend({
  granteePhone: phoneSchema.describe('被授权代办人的手机号（家属或社区工作人员）'),
  relationship: z
    .enum(RELATIONSHIPS)
    .describe(
      '代办人与参保人的关系：spouse 配偶 / child 子女 / relative 其他亲属 / guardian 监护人 / community-help 社区帮办 / other 其他',
    ),
});

export const personView = z.object({
  id: z.string().describe('编号'),
  name: z.string().describe('姓名'),
  idNumberMasked: z.string().describe('脱敏身份证号'),
  idNumber: z.string().optional().describe('完整身份证号，仅经办人员查看单个参保人时返回'),
  birthDate: z.string().describe('出生日期 YYYY-MM-DD'),
  gender: z.enum(['male', 'female']).describe('性别：male 男 / female 女'),
  region: z.string().describe('统筹区编号'),
  regionName: z.string().describe('统筹区名称'),
  district: z.string().nullable().describe('区县编号；没有时为 null'),
  districtName: z.string().nullable().describe('区县名称；没有时为 null'),
  insurance: z.string().describe('参保类型编号'),
  insuranceName: z.string().describe('参保类型名称'),
  phone: z.string().describe('脱敏手机号；经办人员查看单个参保人时为完整号码'),
  address: z.string().describe('居住地址'),
  communityId: z.string().nullable().describe('所属社区编号；没有时为 null'),
  isSample: z.boolean().describe('true 表示示例数据'),
  createdAt: z.string().describe('建立时间（ISO 8601）'),
});
export type PersonView = z.output<typeof personView>;

export const consentView = z.object({
  id: z.string().describe('编号'),
  granteeId: z.string().describe('代办人的账号编号'),
  granteeName: z.string().nullable().describe('代办人姓名；未填为 null'),
  granteePhone: z.string().describe('代办人手机号（脱敏）'),
  granteeRole: z.string().describe('代办人的角色'),
  relationship: z.string().describe('代办人与参保人的关系编号'),
  method: z.string().describe('授权方式编号'),
  givenBy: z.string().describe('谁给出的授权'),
  givenAt: z.string().describe('授权时间（ISO 8601）'),
  revokedAt: z.string().nullable().describe('撤销时间；有效的授权为 null'),
});

export function toPersonView(p: Person, user: AuthUser, full = false): PersonView {
  const reveal = full && seesFullPersonalData(user);
  return {
    id: p.id,
    name: p.name,
    idNumberMasked: maskIdNumber(p.idNumber),
    ...(reveal ? { idNumber: p.idNumber } : {}),
    birthDate: p.birthDate,
    gender: p.gender as 'male' | 'female',
    region: p.region,
    regionName: REGION_NAMES[p.region as RegionId] ?? p.region,
    district: p.district,
    districtName: DISTRICTS.find((d) => d.id === p.district)?.name ?? null,
    insurance: p.insurance,
    insuranceName: INSURANCE_NAMES[p.insurance as InsuranceId] ?? p.insurance,
    phone: reveal ? p.phone : maskPhone(p.phone),
    address: p.address,
    communityId: p.communityId,
    isSample: p.isSample,
    createdAt: p.createdAt.toISOString(),
  };
}

/** A consent is recorded after it was given (a few minutes of clock drift allowed). */
function consentInFuture(givenAt: string, now: Date): boolean {
  return new Date(givenAt).getTime() > now.getTime() + 5 * 60_000;
}

/** A district must belong to the region, and regions that know districts need one. */
function checkDistrict(region: RegionId, district: string | null | undefined): ErrorDetail[] {
  const known = districtsOf(region);
  if (district) {
    if (!known.some((d) => d.id === district)) {
      return [
        {
          path: 'district',
          message: `${REGION_NAMES[region]}没有这个区县，可选：${known.map((d) => d.id).join('、') || '（无需填写区县）'}`,
        },
      ];
    }
  } else if (known.length) {
    return [
      { path: 'district', message: `${REGION_NAMES[region]}请填写区县，可选：${known.map((d) => d.id).join('、')}` },
    ];
  }
  return [];
}

export class PersonService {
  /** The user is the person themself: their account holds the person's active `self` consent. */
  private async holdsSelf(user: AuthUser, personId: string): Promise<boolean> {
    const own = await this.prisma.consent.findFirst({
      where: { personId, granteeId: user.id, method: 'self', revokedAt: null },
    });
    return own !== null;
  }

  /**
   * Only the person themself (their own account) grants others the right to act for them; an officer may
   * record a consent given at the office. A proxy cannot pass the person's consent on.
   */
  private async mayGrant(user: AuthUser, personId: string): Promise<void> {
    if (user.role === 'officer') {
      await this.access.readablePerson(user, personId);
      return;
    }
    await this.access.actedForPerson(user, personId);
    if (!(await this.holdsSelf(user, personId))) {
      throw forbidden(
        '只有参保人本人才能授权其他人代办。请参保人本人用自己的手机号登录后添加，或带上本人身份证到医保经办机构办理。',
      );
    }
  }

  private readonly access: Access;
  constructor(
    private readonly prisma: Db,
    private readonly clock: Clock,
  ) {
    this.access = new Access(prisma, clock);
  }

  async create(user: AuthUser, input: CreatePersonInput): Promise<PersonView> {
    const details: ErrorDetail[] = [];
    const today = shanghaiDate(this.clock());
    const problem = idNumberProblem(input.idNumber, today);
    if (problem) {
      const message = ID_NUMBER_MESSAGES[problem];
      details.push({ path: 'idNumber', message });
    }
    details.push(...checkDistrict(input.region, input.district));
    const isSelf = input.relationship === 'self';
    if (isSelf && user.role !== 'resident') {
      details.push({ path: 'relationship', message: '社区工作人员只能登记所帮助的老人，关系请选 community-help' });
    } else if (isSelf && input.phone !== user.phone) {
      // "self" skips the consent record, so it must be the account holder: the same phone as the sign-in.
      details.push({
        path: 'phone',
        message:
          '登记本人时，手机号要与您登录用的手机号一致。如果是替家人办理，请选择与参保人的关系，并记录参保人的授权',
      });
    }
    if (!isSelf && !input.consent) {
      details.push({ path: 'consent', message: '代他人办理需要记录参保人的授权：谁同意、以什么方式、什么时间' });
    }
    if (!isSelf && input.consent?.method === 'self') {
      details.push({
        path: 'consent.method',
        message: '代他人办理时授权方式应为 in-person、phone-recorded 或 written',
      });
    }
    if (!isSelf && input.consent && consentInFuture(input.consent.givenAt, this.clock())) {
      details.push({ path: 'consent.givenAt', message: '授权时间不能晚于现在' });
    }
    if (details.length) throw badInput(`参保人信息有误：${details[0].message}`, details);

    const now = this.clock();
    const consent = isSelf
      ? { method: 'self', givenBy: input.name, givenAt: now }
      : { method: input.consent!.method, givenBy: input.consent!.givenBy, givenAt: new Date(input.consent!.givenAt) };
    try {
      const person = await this.prisma.person.create({
        data: {
          name: input.name,
          idNumber: input.idNumber,
          birthDate: birthDateOfIdNumber(input.idNumber),
          gender: genderOfIdNumber(input.idNumber),
          region: input.region,
          district: input.district ?? null,
          insurance: input.insurance,
          phone: input.phone,
          address: input.address,
          communityId: user.role === 'community-worker' ? user.communityId : null,
          createdById: user.id,
          consents: {
            create: { granteeId: user.id, relationship: input.relationship, recordedById: user.id, ...consent },
          },
        },
      });
      return toPersonView(person, user);
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        // Whether this id number is registered is the person's business: only a caller who already acts for
        // them is told so; anyone else gets a neutral answer that names no record.
        const existing = await this.prisma.person.findFirst({
          where: { idNumber: input.idNumber, consents: { some: { granteeId: user.id, revokedAt: null } } },
        });
        if (existing) {
          throw conflict('person-exists', '您已经登记过这位参保人，可以在“我的参保人”里找到。', [
            { path: 'idNumber', message: `已登记：${existing.id}` },
          ]);
        }
        throw conflict(
          'cannot-register-online',
          '这位参保人暂时不能在线登记。请带上参保人的身份证到当地医保经办机构办理，或联系社区、客服帮忙。',
        );
      }
      throw err;
    }
  }

  /**
   * Lists persons in scope, by part of the name, by the whole id number (a caller reading it out), or by a
   * whole phone: the person's own, a proxy's who acts for them, or an application's contact phone (the
   * number a family member calls from).
   */
  async list(user: AuthUser, filter: { q?: string; idNumber?: string; phone?: string }): Promise<PersonView[]> {
    const persons = await this.prisma.person.findMany({
      where: {
        ...personScope(user, await this.access.clientBenefitIds(user)),
        ...(filter.q ? { name: { contains: filter.q } } : {}),
        ...(filter.idNumber ? { idNumber: filter.idNumber.toUpperCase() } : {}),
        ...(filter.phone
          ? {
              OR: [
                { phone: filter.phone },
                { consents: { some: { revokedAt: null, grantee: { phone: filter.phone } } } },
                { applications: { some: { contactPhone: filter.phone } } },
              ],
            }
          : {}),
      },
      orderBy: { createdAt: 'asc' },
      take: 200,
    });
    return persons.map((p) => toPersonView(p, user));
  }

  async get(user: AuthUser, personId: string): Promise<PersonView> {
    return toPersonView(await this.access.readablePerson(user, personId), user, true);
  }

  async update(user: AuthUser, personId: string, input: z.output<typeof updatePersonInput>): Promise<PersonView> {
    const person = await this.access.actedForPerson(user, personId);
    const region = (input.region ?? person.region) as RegionId;
    const district = input.district === undefined ? (input.region ? null : person.district) : input.district;
    const details = checkDistrict(region, district);
    if (details.length) throw badInput(`参保人信息有误：${details[0].message}`, details);
    const updated = await this.prisma.person.update({
      where: { id: person.id },
      data: { ...input, region, district },
    });
    return toPersonView(updated, user);
  }

  async consents(user: AuthUser, personId: string) {
    await this.access.readablePerson(user, personId);
    const rows = await this.prisma.consent.findMany({
      where: { personId },
      include: { grantee: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((c) => consentToView(c));
  }

  async addConsent(user: AuthUser, personId: string, input: z.output<typeof addConsentInput>) {
    await this.mayGrant(user, personId);
    if (consentInFuture(input.givenAt, this.clock())) {
      throw badInput('授权时间不能晚于现在。', [{ path: 'givenAt', message: '授权时间不能晚于现在' }]);
    }
    if (input.method === 'self' || input.relationship === 'self') {
      throw badInput('授权方式和关系 self 只用于本人登记自己，这里是授权他人代办。', [
        { path: 'method', message: '请选择 in-person、phone-recorded 或 written' },
      ]);
    }
    // An unknown phone gets a resident account, so a family member can sign in later.
    const grantee = await this.prisma.user.upsert({
      where: { phone: input.granteePhone },
      update: {},
      create: { phone: input.granteePhone, role: 'resident' },
    });
    if (!['resident', 'community-worker'].includes(grantee.role)) {
      throw badInput('只能授权家属或社区工作人员代办。', [{ path: 'granteePhone', message: '这是工作人员账号' }]);
    }
    const active = await this.prisma.consent.findFirst({ where: { personId, granteeId: grantee.id, revokedAt: null } });
    if (active) throw conflict('consent-exists', '这位代办人已经有授权了。');
    const consent = await this.prisma.consent.create({
      data: {
        personId,
        granteeId: grantee.id,
        relationship: input.relationship,
        method: input.method,
        givenBy: input.givenBy,
        givenAt: new Date(input.givenAt),
        recordedById: user.id,
      },
      include: { grantee: true },
    });
    return consentToView(consent);
  }

  async revokeConsent(user: AuthUser, personId: string, consentId: string) {
    if (user.role === 'officer') await this.access.readablePerson(user, personId);
    else await this.access.actedForPerson(user, personId);
    const consent = await this.prisma.consent.findFirst({ where: { id: consentId, personId, revokedAt: null } });
    if (!consent) throw notFound('没有找到这条有效的授权。');
    if (consent.method === 'self' && user.role !== 'officer') {
      throw forbidden('参保人本人的账号授权不能在这里撤销。如本人的手机号换了或账号不再使用，请到医保经办机构办理。');
    }
    if (user.role !== 'officer' && consent.granteeId !== user.id && !(await this.holdsSelf(user, personId))) {
      throw forbidden(
        '您只能撤销自己的代办授权。其他家属或社区工作人员的授权，请参保人本人撤销，或到医保经办机构办理。',
      );
    }
    const updated = await this.prisma.consent.update({
      where: { id: consent.id },
      data: { revokedAt: this.clock() },
      include: { grantee: true },
    });
    return consentToView(updated);
  }
}

function consentToView(c: Consent & { grantee: { name: string | null; phone: string; role: string } }) {
  return {
    id: c.id,
    granteeId: c.granteeId,
    granteeName: c.grantee.name,
    granteePhone: maskPhone(c.grantee.phone),
    granteeRole: c.grantee.role,
    relationship: c.relationship,
    method: c.method,
    givenBy: c.givenBy,
    givenAt: c.givenAt.toISOString(),
    revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
  };
}
