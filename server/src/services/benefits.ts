// Benefits: an approved application becomes a benefit with one care mode and one provider at a time
// (jinjiang-2023 §二(四)1), starting the month the rules give (benefitStart); a change of mode or provider
// takes effect at the next month boundary; hospital or institutional stays suspend it. Which document says
// so for a region comes from the rules' careConditions (care-conditions.ts), 'practice' where none does.
// Decision: an officer creates the benefit from an approved application (the family's choice of mode and
// provider is recorded by the officer); it is not created automatically on approval, because an approval
// can still be followed by an objection and a reassessment.
// Every action tells the person and their proxies in the inbox (services/notices.ts); a suspension or a stop
// that changes the days of a month already settled settles that month again (services/settlement-split.ts);
// a mode with residence takes one of the provider's free places (MODES_WITH_PLACE below).
import { z } from 'zod';
import {
  addDays,
  benefitStart,
  CARE_MODE_NAMES,
  chineseDate,
  chineseMonth,
  firstDayOf,
  GRADE_NAMES,
  modeName,
  nextMonth,
  offeredModes,
  REGION_NAMES,
  type BenefitStartPerson,
  type BenefitState,
  type CareModeId,
  type GradeId,
  type InsuranceId,
  type RegionId,
} from '@changhu/rules';
import type { Config } from '../config';
import type { Db } from '../db';
import type { BenefitEvent, BenefitPlan, BenefitPlanRequest, Prisma, Provider } from '../generated/prisma/client';
import { badInput, conflict, forbidden, notFound } from '../lib/errors';
import { maskIdNumber } from '../lib/personal';
import { PROXY_ROLES, type AuthUser } from '../lib/roles';
import { careModeSchema, dateSchema, idSchema } from '../lib/schemas';
import { shanghaiDate, type Clock } from '../lib/time';
import { currentClientBenefitIds, personScope } from './access';
import { checkGrade } from './grade-check';
import { citesOf, conditionOf, conditionsFor } from './care-conditions';
import { BENEFIT_INCLUDE, gradeFor, planFor, stateOn, type FullBenefit } from './benefit-months';
import { putInInbox } from './inbox';
import { benefitNotice, shortDate, type NoticeTemplates } from './notices';
import { careModesOf } from './providers';
import { resettle } from './settlement-split';

export const BENEFIT_STATE_NAMES: Record<BenefitState, string> = {
  active: '享受中',
  suspended: '暂停中',
  stopped: '已终止',
};

export const SUSPENSION_REASONS = ['hospital-stay', 'institution-stay', 'other'] as const;
export const SUSPENSION_REASON_NAMES: Record<(typeof SUSPENSION_REASONS)[number], string> = {
  'hospital-stay': '住院',
  'institution-stay': '入住机构接受照护',
  other: '其他原因',
};

/**
 * Care modes with residence, in which the person stays at the provider (a bed of an institution or of a
 * hospital's 医疗专护 ward, a place of a community care point), so takes one of its free places. Home and
 * family care come to the person's home and take none. Decision (server/README.md "Free places"): the place
 * is taken when the benefit or the change to it is recorded, and freed when the stop or a change away from
 * it is recorded, since changes are booked ahead of the month they start; a suspension keeps the place.
 */
export const MODES_WITH_PLACE: readonly CareModeId[] = ['institution', 'medical-special', 'community'];

/**
 * A change asked for by the person or a proxy waits for an officer (issue 12 §5): pending until confirmed (it is
 * then booked from the month after the confirmation, like an officer's own change) or declined with a reason;
 * a newer request from the family replaces a pending one.
 */
export const PLAN_REQUEST_STATES = ['pending', 'confirmed', 'declined', 'replaced'] as const;
export type PlanRequestState = (typeof PLAN_REQUEST_STATES)[number];
export const PLAN_REQUEST_STATE_NAMES: Record<PlanRequestState, string> = {
  pending: '等待经办人员确认',
  confirmed: '已确认',
  declined: '未通过',
  replaced: '已被新的申请替换',
};

/** The benefit as toView reads it: with its plan-change requests. */
export const VIEW_INCLUDE = {
  ...BENEFIT_INCLUDE,
  // Same instant (a fast double tap): cuids grow, so the id keeps the order.
  planRequests: { include: { provider: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.BenefitInclude;
type ViewBenefit = FullBenefit & { planRequests?: (BenefitPlanRequest & { provider: Provider })[] };

const itemName = z.string().trim().min(1, '服务项目名称不能为空').max(40, '服务项目名称不能超过40个字');
const reasonSchema = z.string().trim().min(1, '请填写原因').max(200, '原因不能超过200个字');

export const createBenefitInput = z.strictObject({
  applicationId: idSchema.describe('已核准的申请编号'),
  careMode: careModeSchema.describe('所选护理方式编号，须是该统筹区在待遇开始月提供的方式'),
  providerId: idSchema.describe('所选定点机构编号，须属于同一统筹区并提供这种护理方式'),
  planItems: z
    .array(itemName)
    .max(100, '服务计划最多100项')
    .default([])
    .describe('服务计划中核定的服务项目名称；计划外的项目在服务记录中标为个人自费'),
});

export const planChangeInput = z
  .strictObject({
    careMode: careModeSchema.optional().describe('下月起的护理方式编号；不填则不变'),
    providerId: idSchema.optional().describe('下月起的定点机构编号；不填则不变'),
    planItems: z
      .array(itemName)
      .max(100)
      .optional()
      .describe('仅经办人员：下月起核定的服务项目（家属和社区工作人员只能申请变更护理方式或机构）'),
    reason: reasonSchema.optional().describe('变更原因，不超过200个字'),
  })
  .refine((v) => v.careMode !== undefined || v.providerId !== undefined || v.planItems !== undefined, {
    message: '请选择新的护理方式（careMode）或定点机构（providerId）',
    path: ['careMode'],
  });

export const suspensionInput = z.strictObject({
  reason: z
    .enum(SUSPENSION_REASONS, { error: `暂停原因可选：${SUSPENSION_REASONS.join('、')}` })
    .describe('暂停原因：hospital-stay 住院 / institution-stay 入住机构接受照护 / other 其他'),
  from: dateSchema.describe('暂停的第一天'),
  to: dateSchema.optional().describe('暂停的最后一天（含）；不填表示仍在住院或入住机构'),
  note: z.string().trim().max(200, '说明不能超过200个字').optional().describe('补充说明，不超过200个字'),
});

export const endSuspensionInput = z.strictObject({
  to: dateSchema.describe('暂停的最后一天（含）；次日起恢复'),
});

export const declinePlanRequestInput = z.strictObject({
  reason: reasonSchema.describe('不同意的原因，会告诉家属，不超过200个字'),
});

export const stopInput = z.strictObject({
  on: dateSchema.describe('享受待遇的最后一天（含）'),
  reason: reasonSchema.describe('终止原因，不超过200个字（例如参保人去世、迁出统筹区）'),
});

export const listBenefitsQuery = z.strictObject({
  personId: idSchema.optional().describe('只看这位参保人的待遇（参保人编号）'),
  providerId: idSchema.optional().describe('只看这家定点机构服务的待遇（机构编号）'),
  state: z
    .enum(['active', 'suspended', 'stopped'], { error: '状态可选：active、suspended、stopped' })
    .optional()
    .describe('只看这个状态：active 享受中 / suspended 暂停中 / stopped 已终止'),
});

const planView = z.object({
  fromMonth: z.string().describe('从哪个月起生效 YYYY-MM'),
  careMode: z.string().describe('护理方式编号'),
  careModeName: z.string().describe('护理方式在当地的名称'),
  providerId: z.string().describe('定点机构编号'),
  providerName: z.string().describe('定点机构名称'),
  planItems: z.array(z.string()).describe('这一计划核定的服务项目'),
  scheduled: z.boolean().describe('true：尚未生效的变更（从 fromMonth 起生效）'),
});

const suspensionView = z.object({
  id: z.string().describe('暂停记录编号'),
  reason: z.string().describe('暂停原因编号'),
  reasonName: z.string().describe('暂停原因名称'),
  from: z.string().describe('暂停的第一天'),
  to: z.string().nullable().describe('暂停的最后一天（含）；仍在住院或入住机构时为 null'),
  note: z.string().nullable().describe('补充说明；没有时为 null'),
});

const planRequestView = z.object({
  id: z.string().describe('变更申请编号'),
  careMode: z.string().describe('申请的护理方式编号'),
  careModeName: z.string().describe('申请的护理方式在当地的名称'),
  providerId: z.string().describe('申请的定点机构编号'),
  providerName: z.string().describe('申请的定点机构名称'),
  reason: z.string().nullable().describe('家属写的变更原因；没有时为 null'),
  state: z
    .enum(PLAN_REQUEST_STATES)
    .describe('pending 等待经办人员确认 / confirmed 已确认 / declined 未通过 / replaced 已被新的申请替换'),
  stateName: z.string().describe('状态名称'),
  requestedByRole: z.string().describe('提出申请的角色（resident 本人或家属 / community-worker 社区工作人员）'),
  requestedAt: z.string().describe('提出申请的时间（ISO 8601）'),
  decidedAt: z.string().nullable().describe('确认或不同意的时间；未处理为 null'),
  declineReason: z.string().nullable().describe('不同意的原因；没有时为 null'),
  fromMonth: z.string().nullable().describe('确认后从哪个月起生效 YYYY-MM；未确认为 null'),
});

export const benefitView = z.object({
  id: z.string().describe('编号'),
  personId: z.string().describe('参保人编号'),
  person: z.object({ id: z.string(), name: z.string(), idNumberMasked: z.string() }),
  applicationId: z.string().describe('申请编号'),
  region: z.string().describe('统筹区编号'),
  regionName: z.string().describe('统筹区名称'),
  district: z.string().nullable().describe('区县编号；没有时为 null'),
  insurance: z.string().describe('参保类型编号'),
  grade: z.string().describe('当月（或待遇开始月）适用的失能等级'),
  gradeName: z.string().describe('失能等级名称'),
  grades: z
    .array(
      z.object({
        fromMonth: z.string(),
        grade: z.string(),
        gradeName: z.string(),
        applicationEventId: z.string().nullable().describe('改变等级的复评后核准的办理记录；首次核准为 null'),
      }),
    )
    .describe('等级及其起始月：首次核准的等级，以及复评改变等级后自次月起的新等级'),
  approvalDate: z.string().describe('核准日期 YYYY-MM-DD'),
  startMonth: z.string().describe('享受待遇的第一个月'),
  state: z.enum(['active', 'suspended', 'stopped']).describe('状态：active 享受中 / suspended 暂停中 / stopped 已终止'),
  stateName: z.string().describe('状态名称'),
  stoppedOn: z.string().nullable().describe('享受待遇的最后一天；未终止为 null'),
  current: planView.describe('当月（或待遇开始月）生效的护理方式和定点机构'),
  plans: z.array(planView).describe('全部护理计划（含尚未生效的变更），按起始月排列'),
  planItems: z.array(z.string()).describe('当月生效的计划核定的服务项目'),
  suspensions: z.array(suspensionView).describe('暂停记录（住院、入住机构等）'),
  planRequests: z
    .array(planRequestView)
    .describe('本人、家属或社区工作人员提出的变更申请（按提出时间排列），由经办人员确认或不同意'),
  conditions: z
    .array(
      z.object({
        code: z.string(),
        text: z.string(),
        basis: z
          .enum(['rule', 'practice'])
          .describe('rule：本地区文件的规定（见 cite）；practice：通行做法，本地区文件未写明'),
        cite: z.array(z.object({ doc: z.string(), clause: z.string() })),
      }),
    )
    .describe('当前护理方式下享受待遇的条件（来自规则库 careConditions）'),
  citations: z.array(z.object({ doc: z.string(), clause: z.string() })).describe('待遇依据的条款'),
});
export type BenefitView = z.output<typeof benefitView>;

export const benefitEventView = z.object({
  id: z.string().describe('编号'),
  action: z.string().describe('办理事项编号'),
  from: z.string().describe('办理前的状态编号'),
  to: z.string().describe('办理后的状态编号'),
  actorId: z.string().describe('办理人的账号编号'),
  actorRole: z.string().describe('办理人的角色'),
  reason: z.string().nullable().describe('原因；没有时为 null'),
  data: z.record(z.string(), z.unknown()).nullable().describe('这一步记录的内容；没有时为 null'),
  at: z.string().describe('办理时间（ISO 8601）'),
});

/**
 * Benefits the user may read: proxies with consent, staff all, a provider account its current clients
 * (`clientBenefitIds`, see currentClientBenefitIds in access.ts).
 */
export function benefitScope(user: AuthUser, clientBenefitIds: string[] = []): Prisma.BenefitWhereInput {
  if (user.role === 'provider') return { id: { in: clientBenefitIds } };
  return PROXY_ROLES.includes(user.role) ? { person: personScope(user) } : {};
}

/** The plan that holds a place, if any: the latest plan (earlier ones gave theirs up when it was booked). */
function placeHolder<P extends { fromMonth: string; careMode: string }>(plans: P[]): P | undefined {
  const last = planFor(plans, '9999-12');
  return last && MODES_WITH_PLACE.includes(last.careMode as CareModeId) ? last : undefined;
}

function noFreePlace(provider: Provider, careMode: CareModeId) {
  return conflict(
    'no-free-place',
    `“${provider.name}”现在没有空余名额，${modeName(provider.region as RegionId, careMode)}需要占用机构的床位或名额。` +
      '请选择其他定点机构，或等机构有空位后再办理。',
    [{ path: 'providerId', message: '空余名额为0' }],
  );
}

/** '2026年6月21日至2026年6月30日', or '2026年7月27日至今' while it goes on, for messages and reasons. */
function period(from: string, to: string | null): string {
  return `${chineseDate(from)}至${to === null ? '今' : chineseDate(to)}`;
}

/** Takes one free place of the provider; 409 when none is left (never below 0, even with two at once). */
async function takePlace(tx: Prisma.TransactionClient, provider: Provider, careMode: CareModeId): Promise<void> {
  const { count } = await tx.provider.updateMany({
    where: { id: provider.id, freePlaces: { gt: 0 } },
    data: { freePlaces: { decrement: 1 } },
  });
  if (count !== 1) throw noFreePlace(provider, careMode);
}

/** Gives a place back, never beyond the capacity (an officer may have set the free places meanwhile). */
async function releasePlace(tx: Prisma.TransactionClient, providerId: string): Promise<void> {
  await tx.provider.updateMany({
    where: { id: providerId, freePlaces: { lt: tx.provider.fields.capacity } },
    data: { freePlaces: { increment: 1 } },
  });
}

export class BenefitService {
  private readonly templates: NoticeTemplates;
  constructor(
    private readonly prisma: Db,
    config: Config,
    private readonly clock: Clock,
  ) {
    this.templates = config;
  }

  private today(): string {
    return shanghaiDate(this.clock());
  }

  toView(b: ViewBenefit): BenefitView {
    const region = b.region as RegionId;
    const month = this.today().slice(0, 7);
    const plan = (p: BenefitPlan & { provider: Provider }) => ({
      fromMonth: p.fromMonth,
      careMode: p.careMode,
      careModeName: modeName(region, p.careMode as CareModeId),
      providerId: p.providerId,
      providerName: p.provider.name,
      planItems: JSON.parse(p.planItems) as string[],
      scheduled: p.fromMonth > month && p.fromMonth > b.startMonth,
    });
    const viewMonth = month < b.startMonth ? b.startMonth : month;
    const current = planFor(b.plans, viewMonth) ?? b.plans[0];
    const grade = gradeFor(b, viewMonth);
    const gradeName = (g: string) => GRADE_NAMES[g as GradeId] ?? g;
    return {
      id: b.id,
      personId: b.personId,
      person: { id: b.person.id, name: b.person.name, idNumberMasked: maskIdNumber(b.person.idNumber) },
      applicationId: b.applicationId,
      region: b.region,
      regionName: REGION_NAMES[region] ?? b.region,
      district: b.district,
      insurance: b.insurance,
      grade,
      gradeName: gradeName(grade),
      grades: [
        { fromMonth: b.startMonth, grade: b.grade, gradeName: gradeName(b.grade), applicationEventId: null },
        ...b.grades.map((g) => ({
          fromMonth: g.fromMonth,
          grade: g.grade,
          gradeName: gradeName(g.grade),
          applicationEventId: g.applicationEventId,
        })),
      ],
      approvalDate: b.approvalDate,
      startMonth: b.startMonth,
      state: stateOn(b, this.today()),
      stateName: BENEFIT_STATE_NAMES[stateOn(b, this.today())],
      stoppedOn: b.stoppedOn,
      current: plan(current),
      plans: b.plans.map(plan),
      planItems: JSON.parse(current.planItems) as string[],
      suspensions: b.suspensions.map((s) => ({
        id: s.id,
        reason: s.reason,
        reasonName: SUSPENSION_REASON_NAMES[s.reason as (typeof SUSPENSION_REASONS)[number]] ?? s.reason,
        from: s.fromDate,
        to: s.toDate,
        note: s.note,
      })),
      planRequests: (b.planRequests ?? []).map((r) => ({
        id: r.id,
        careMode: r.careMode,
        careModeName: modeName(region, r.careMode as CareModeId),
        providerId: r.providerId,
        providerName: r.provider.name,
        reason: r.reason,
        state: r.state as PlanRequestState,
        stateName: PLAN_REQUEST_STATE_NAMES[r.state as PlanRequestState] ?? r.state,
        requestedByRole: r.requestedByRole,
        requestedAt: r.createdAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        declineReason: r.declineReason,
        fromMonth: r.fromMonth,
      })),
      conditions: conditionsFor(region, current.careMode, b.insurance),
      citations: [
        ...benefitStart(b.approvalDate, region, insuredAs(b)).citations,
        ...citesOf(region, current.careMode, ['one-mode-at-a-time']),
      ],
    };
  }

  /** The benefit if the user may read it, else 404. */
  async readable(user: AuthUser, id: string): Promise<ViewBenefit> {
    const scope = benefitScope(user, await this.clientBenefitIds(user));
    const b = await this.prisma.benefit.findFirst({ where: { id, ...scope }, include: VIEW_INCLUDE });
    if (!b) throw notFound('没有找到这项待遇，或您无权查看。');
    return this.withShownState(b);
  }

  /** The benefit with `state` as shown today (see stateOn): the stored column holds only active/stopped. */
  private withShownState<B extends FullBenefit>(b: B): B {
    return { ...b, state: stateOn(b, this.today()) };
  }

  /**
   * The benefit for a provider's own records (bills and visits): any provider that served it under a plan may
   * reach it here, the writes then check the month's plan names that provider. Others as `readable`.
   */
  async readableForRecords(user: AuthUser, id: string): Promise<FullBenefit> {
    if (user.role !== 'provider') return this.readable(user, id);
    const b = await this.prisma.benefit.findFirst({
      where: { id, plans: { some: { provider: { accounts: { some: { userId: user.id } } } } } },
      include: BENEFIT_INCLUDE,
    });
    if (!b) throw notFound('没有找到这项待遇，或您无权查看。');
    return this.withShownState(b);
  }

  /** A provider account's current clients' benefits (empty for other roles). */
  clientBenefitIds(user: AuthUser): Promise<string[]> {
    return currentClientBenefitIds(this.prisma, user, this.today());
  }

  /** The provider a `provider` account works for; null for any other account. */
  async providerIdOf(user: AuthUser): Promise<string | null> {
    if (user.role !== 'provider') return null;
    const account = await this.prisma.providerAccount.findUnique({ where: { userId: user.id } });
    return account?.providerId ?? null;
  }

  /** The mode must be offered by the region that month, and the provider of that region must offer it. */
  private async checkChoice(region: RegionId, month: string, careMode: CareModeId, providerId: string) {
    const offered = offeredModes(region, month);
    if (!offered.includes(careMode)) {
      throw badInput(
        `${REGION_NAMES[region]}的长护险在${chineseMonth(month)}没有“${CARE_MODE_NAMES[careMode]}”，可选：${offered.map((m) => modeName(region, m)).join('、')}。`,
        [{ path: 'careMode', message: `可选：${offered.join('、')}` }],
      );
    }
    const provider = await this.prisma.provider.findUnique({ where: { id: providerId } });
    if (!provider) throw badInput('没有这家定点机构。', [{ path: 'providerId', message: '未知定点机构' }]);
    if (provider.region !== region) {
      throw badInput(`“${provider.name}”不是${REGION_NAMES[region]}的定点机构。`, [
        { path: 'providerId', message: `该机构属于${REGION_NAMES[provider.region as RegionId] ?? provider.region}` },
      ]);
    }
    if (!careModesOf(provider).includes(careMode)) {
      throw badInput(`“${provider.name}”不提供${modeName(region, careMode)}，请换一家机构或换一种护理方式。`, [
        { path: 'providerId', message: `该机构提供：${careModesOf(provider).join('、')}` },
      ]);
    }
    return provider;
  }

  private event(
    tx: Prisma.TransactionClient,
    b: { id: string; state: string },
    user: AuthUser,
    action: string,
    to: string,
    reason: string | null,
    data: Record<string, unknown> | null,
  ) {
    return tx.benefitEvent.create({
      data: {
        benefitId: b.id,
        action,
        fromState: b.state,
        toState: to,
        actorId: user.id,
        actorRole: user.role,
        reason,
        data: data ? JSON.stringify(data) : null,
        at: this.clock(),
      },
    });
  }

  /** Tells the person and their proxies (inbox, WeChat benefit template). */
  private tell(
    tx: Prisma.TransactionClient,
    b: { id: string; personId: string; applicationId: string; person: { name: string } },
    status: string,
    remark: string,
    at: Date,
  ) {
    return putInInbox(
      tx,
      { personId: b.personId, applicationId: b.applicationId },
      benefitNotice(this.templates, b, status, remark, at),
      at,
    );
  }

  async create(user: AuthUser, input: z.output<typeof createBenefitInput>): Promise<BenefitView> {
    const application = await this.prisma.application.findUnique({
      where: { id: input.applicationId },
      include: { person: true },
    });
    if (!application) throw notFound('没有找到这份申请。');
    if (application.state !== 'approved' || !application.noticeDate || !application.grade) {
      throw conflict('application-not-approved', '只有已核准的申请才能开始享受待遇。', [
        { path: 'applicationId', message: `申请当前状态：${application.state}` },
      ]);
    }
    const person = application.person;
    const region = person.region as RegionId;
    const { notes: gradeNotes } = checkGrade(person, application.grade, application.noticeDate);
    // The start waits for the person's group to be covered (wenzhou-2023 §五(四), §一(三)).
    const start = benefitStart(application.noticeDate, region, insuredAs(person));
    const provider = await this.checkChoice(region, start.month, input.careMode, input.providerId);
    const takesPlace = MODES_WITH_PLACE.includes(input.careMode);
    const existing = await this.prisma.benefit.findFirst({
      where: { OR: [{ applicationId: application.id }, { personId: person.id, state: { not: 'stopped' } }] },
    });
    if (existing) {
      throw conflict('benefit-exists', '这位参保人已有一项正在享受的待遇；同一时间只能选择一种护理方式。', [
        { path: 'applicationId', message: `已有待遇：${existing.id}` },
      ]);
    }
    if (takesPlace && provider.freePlaces <= 0) throw noFreePlace(provider, input.careMode);
    const at = this.clock();
    const created = await this.prisma.$transaction(async (tx) => {
      if (takesPlace) await takePlace(tx, provider, input.careMode);
      const b = await tx.benefit.create({
        data: {
          personId: person.id,
          applicationId: application.id,
          region,
          district: person.district,
          insurance: person.insurance,
          grade: application.grade!,
          approvalDate: application.noticeDate!,
          startMonth: start.month,
          planItems: JSON.stringify(input.planItems),
          createdById: user.id,
          plans: {
            create: {
              fromMonth: start.month,
              careMode: input.careMode,
              providerId: input.providerId,
              planItems: JSON.stringify(input.planItems),
              requestedById: user.id,
            },
          },
        },
      });
      await this.event(tx, { id: b.id, state: 'none' }, user, 'create', 'active', null, {
        startMonth: start.month,
        careMode: input.careMode,
        providerId: input.providerId,
        citations: start.citations,
        ...(gradeNotes.length ? { gradeNotes } : {}),
        ...(takesPlace ? { placeTaken: input.providerId } : {}),
      });
      await this.tell(
        tx,
        { ...b, person },
        '待遇已登记',
        `${chineseMonth(start.month)}起享受${modeName(region, input.careMode)}`,
        at,
      );
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(created);
  }

  async list(user: AuthUser, query: z.output<typeof listBenefitsQuery>): Promise<BenefitView[]> {
    const rows = await this.prisma.benefit.findMany({
      where: {
        AND: [
          benefitScope(user, await this.clientBenefitIds(user)),
          query.personId ? { personId: query.personId } : {},
          query.state === 'stopped' ? { state: 'stopped' } : query.state ? { state: { not: 'stopped' } } : {},
          query.providerId ? { plans: { some: { providerId: query.providerId } } } : {},
        ],
      },
      include: VIEW_INCLUDE,
      orderBy: { createdAt: 'desc' },
      take: 500,
    });
    const today = this.today();
    return rows.filter((b) => !query.state || stateOn(b, today) === query.state).map((b) => this.toView(b));
  }

  async get(user: AuthUser, id: string): Promise<BenefitView> {
    return this.toView(await this.readable(user, id));
  }

  /** Officers record changes; the person's proxies may ask for one themselves. */
  private async writable(user: AuthUser, id: string, proxiesToo: boolean): Promise<FullBenefit> {
    const isProxy = PROXY_ROLES.includes(user.role);
    if (user.role !== 'officer' && !(proxiesToo && isProxy)) {
      throw forbidden('您的账号不能办理这项业务。');
    }
    const b = await this.readable(user, id);
    if (b.state === 'stopped') throw conflict('benefit-stopped', '这项待遇已经终止，不能再办理。');
    return b;
  }

  /**
   * A change of mode or provider (and plan items). An officer's is booked at once from the next month boundary;
   * the person's or a proxy's is recorded as a request for an officer to confirm (`confirmRequest`) or
   * decline, checked now so the family hears at once what cannot be chosen.
   */
  async changePlan(user: AuthUser, id: string, input: z.output<typeof planChangeInput>): Promise<BenefitView> {
    if (input.planItems !== undefined && user.role !== 'officer') {
      throw forbidden(
        '服务计划的项目由经办人员核定，家属和社区工作人员不能修改。可以申请下月起更换护理方式或定点机构；需要调整服务项目，请联系经办机构。',
      );
    }
    const b = await this.writable(user, id, true);
    return user.role === 'officer' ? this.bookPlan(user, b, input, null) : this.requestPlan(user, b, input);
  }

  /** The month a change recorded today takes effect, and the plan it replaces. */
  private changeTarget(b: FullBenefit, input: { careMode?: CareModeId; providerId?: string }, planItems?: string[]) {
    const thisMonth = this.today().slice(0, 7);
    const fromMonth = nextMonth(thisMonth) < b.startMonth ? b.startMonth : nextMonth(thisMonth);
    const before = planFor(b.plans, fromMonth)!;
    const careMode = input.careMode ?? (before.careMode as CareModeId);
    const providerId = input.providerId ?? before.providerId;
    if (careMode === before.careMode && providerId === before.providerId && planItems === undefined) {
      throw badInput('新的选择与现在的相同，不需要变更。', [{ path: 'careMode', message: '与现在相同' }]);
    }
    return { fromMonth, before, careMode, providerId };
  }

  private what(
    region: RegionId,
    before: { careMode: string; providerId: string },
    careMode: CareModeId,
    providerId: string,
  ) {
    return careMode !== before.careMode
      ? `改为${modeName(region, careMode)}`
      : providerId !== before.providerId
        ? '更换定点机构'
        : '调整服务项目';
  }

  /** The family's request: checked like a change, recorded as pending; an earlier pending one is replaced. */
  private async requestPlan(
    user: AuthUser,
    b: FullBenefit,
    input: z.output<typeof planChangeInput>,
  ): Promise<BenefitView> {
    const region = b.region as RegionId;
    const { fromMonth, before, careMode, providerId } = this.changeTarget(b, input);
    const provider = await this.checkChoice(region, fromMonth, careMode, providerId);
    const heldBefore = placeHolder(b.plans);
    const needsPlace = MODES_WITH_PLACE.includes(careMode) && heldBefore?.providerId !== providerId;
    if (needsPlace && provider.freePlaces <= 0) throw noFreePlace(provider, careMode);
    const at = this.clock();
    const updated = await this.prisma.$transaction(async (tx) => {
      const replaced = await tx.benefitPlanRequest.updateMany({
        where: { benefitId: b.id, state: 'pending' },
        data: { state: 'replaced', decidedAt: at },
      });
      const request = await tx.benefitPlanRequest.create({
        data: {
          benefitId: b.id,
          careMode,
          providerId,
          reason: input.reason ?? null,
          requestedById: user.id,
          requestedByRole: user.role,
          createdAt: at,
        },
      });
      await this.event(tx, b, user, 'request-plan-change', b.state, input.reason ?? null, {
        requestId: request.id,
        careMode,
        providerId,
        expectedFromMonth: fromMonth,
        ...(replaced.count ? { replacedPending: replaced.count } : {}),
      });
      await this.tell(
        tx,
        b,
        '待确认',
        `申请${chineseMonth(fromMonth)}起${this.what(region, before, careMode, providerId)}`,
        at,
      );
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(updated);
  }

  /** The pending request of this benefit, for an officer to decide; 404 / 409 otherwise. */
  private async pendingRequest(b: FullBenefit, requestId: string): Promise<BenefitPlanRequest> {
    const r = await this.prisma.benefitPlanRequest.findFirst({ where: { id: requestId, benefitId: b.id } });
    if (!r) throw notFound('没有找到这项变更申请。');
    if (r.state !== 'pending') {
      throw conflict(
        'request-decided',
        `这项变更申请已经处理过了（${PLAN_REQUEST_STATE_NAMES[r.state as PlanRequestState] ?? r.state}）。`,
      );
    }
    return r;
  }

  /** An officer confirms the family's request: booked from the month after today, the family is told. */
  async confirmRequest(user: AuthUser, id: string, requestId: string): Promise<BenefitView> {
    const b = await this.writable(user, id, false);
    const r = await this.pendingRequest(b, requestId);
    return this.bookPlan(user, b, { careMode: r.careMode as CareModeId, providerId: r.providerId }, r);
  }

  /** An officer declines the family's request with a reason the family reads. */
  async declineRequest(
    user: AuthUser,
    id: string,
    requestId: string,
    input: z.output<typeof declinePlanRequestInput>,
  ): Promise<BenefitView> {
    const b = await this.writable(user, id, false);
    const r = await this.pendingRequest(b, requestId);
    const at = this.clock();
    const updated = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.benefitPlanRequest.updateMany({
        where: { id: r.id, state: 'pending' },
        data: { state: 'declined', decidedById: user.id, decidedAt: at, declineReason: input.reason },
      });
      if (count !== 1) throw conflict('request-decided', '这项变更申请已经处理过了。');
      await this.event(tx, b, user, 'decline-plan-change', b.state, input.reason, {
        requestId: r.id,
        careMode: r.careMode,
        providerId: r.providerId,
      });
      await this.tell(tx, b, '未通过', `变更申请未通过：${input.reason}`, at);
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(updated);
  }

  /**
   * Books a change from the next month boundary (an officer's own, or a confirmed request). A place moves
   * with it: the place of the plan booked last is given back, the new provider's taken if the new mode has one.
   */
  private async bookPlan(
    user: AuthUser,
    b: FullBenefit,
    input: { careMode?: CareModeId; providerId?: string; planItems?: string[]; reason?: string },
    request: BenefitPlanRequest | null,
  ): Promise<BenefitView> {
    const region = b.region as RegionId;
    const { fromMonth, before, careMode, providerId } = this.changeTarget(b, input, input.planItems);
    const provider = await this.checkChoice(region, fromMonth, careMode, providerId);
    const heldBefore = placeHolder(b.plans);
    const heldAfter = MODES_WITH_PLACE.includes(careMode) ? providerId : undefined;
    const movesPlace = heldBefore?.providerId !== heldAfter;
    if (movesPlace && heldAfter && provider.freePlaces <= 0) throw noFreePlace(provider, careMode);
    const at = this.clock();
    const updated = await this.prisma.$transaction(async (tx) => {
      if (request) {
        const { count } = await tx.benefitPlanRequest.updateMany({
          where: { id: request.id, state: 'pending' },
          data: { state: 'confirmed', decidedById: user.id, decidedAt: at, fromMonth },
        });
        if (count !== 1) throw conflict('request-decided', '这项变更申请已经处理过了。');
      }
      if (movesPlace) {
        if (heldBefore) await releasePlace(tx, heldBefore.providerId);
        if (heldAfter) await takePlace(tx, provider, careMode);
      }
      // Items are stored on the dated plan row: they apply from fromMonth, never at once. A change of mode or
      // provider alone keeps the items of the plan it replaces.
      const items = input.planItems ? { planItems: JSON.stringify(input.planItems) } : {};
      const requestedById = request?.requestedById ?? user.id;
      await tx.benefitPlan.upsert({
        where: { benefitId_fromMonth: { benefitId: b.id, fromMonth } },
        update: { careMode, providerId, requestedById, ...items },
        create: {
          benefitId: b.id,
          fromMonth,
          careMode,
          providerId,
          requestedById,
          planItems: before.planItems,
          ...items,
        },
      });
      await this.event(tx, b, user, 'change-plan', b.state, (request ? request.reason : input.reason) ?? null, {
        fromMonth,
        careMode,
        providerId,
        ...(request ? { requestId: request.id, requestedByRole: request.requestedByRole } : {}),
        ...(input.planItems ? { planItems: input.planItems } : {}),
        ...(movesPlace ? { placeReleased: heldBefore?.providerId ?? null, placeTaken: heldAfter ?? null } : {}),
        ...(() => {
          const c = conditionOf(region, careMode, 'one-mode-at-a-time');
          return { basis: c.basis, citations: c.cite };
        })(),
      });
      const what = this.what(region, before, careMode, providerId);
      await this.tell(tx, b, request ? '已确认' : '变更待生效', `${chineseMonth(fromMonth)}起${what}`, at);
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(updated);
  }

  async suspend(user: AuthUser, id: string, input: z.output<typeof suspensionInput>): Promise<BenefitView> {
    const b = await this.writable(user, id, false);
    const to = input.to ?? null;
    if (to !== null && to < input.from) {
      throw badInput('暂停的最后一天不能早于第一天。', [{ path: 'to', message: `应不早于${chineseDate(input.from)}` }]);
    }
    if (input.from < firstDayOf(b.startMonth)) {
      const first = chineseDate(firstDayOf(b.startMonth));
      throw badInput(`待遇从${chineseMonth(b.startMonth)}开始，暂停不能早于${first}。`, [
        { path: 'from', message: `应不早于${first}` },
      ]);
    }
    const overlapping = b.suspensions.find(
      (s) => s.fromDate <= (to ?? '9999-12-31') && input.from <= (s.toDate ?? '9999-12-31'),
    );
    if (overlapping) {
      throw conflict(
        'overlapping-suspension',
        `这段时间与已登记的暂停（${period(overlapping.fromDate, overlapping.toDate)}）重叠，请核对日期。`,
        [{ path: 'from', message: `与暂停 ${overlapping.id} 重叠` }],
      );
    }
    const today = this.today();
    const state = stateOn({ ...b, suspensions: [...b.suspensions, { fromDate: input.from, toDate: to }] }, today);
    const reasonName = SUSPENSION_REASON_NAMES[input.reason];
    const at = this.clock();
    const updated = await this.prisma.$transaction(async (tx) => {
      await tx.benefitSuspension.create({
        data: {
          benefitId: b.id,
          reason: input.reason,
          note: input.note ?? null,
          fromDate: input.from,
          toDate: to,
          recordedById: user.id,
        },
      });
      const resettled = await resettle(tx, b.id, {
        from: input.from,
        to,
        reason: `登记暂停（${reasonName}，${period(input.from, to)}），按享受待遇的天数重新结算`,
        actor: user,
        at,
        templates: this.templates,
      });
      await this.event(tx, b, user, 'suspend', state, reasonName, {
        from: input.from,
        to,
        ...(() => {
          const mode = planFor(b.plans, input.from.slice(0, 7))?.careMode ?? b.plans[0].careMode;
          const c = conditionOf(b.region, mode, 'suspended-during-stay');
          return { basis: c.basis, citations: c.cite };
        })(),
        ...(resettled.length ? { resettled } : {}),
      });
      const remark =
        to === null
          ? `${reasonName}，${chineseDate(input.from)}起`
          : `${reasonName}${shortDate(input.from)}至${input.from.slice(0, 4) === to.slice(0, 4) ? shortDate(to) : chineseDate(to)}`;
      await this.tell(tx, b, to === null && input.from <= today ? '已暂停' : '登记暂停', remark, at);
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(updated);
  }

  /** Ends an open suspension: care resumes the day after `to`. */
  async endSuspension(
    user: AuthUser,
    id: string,
    suspensionId: string,
    input: z.output<typeof endSuspensionInput>,
  ): Promise<BenefitView> {
    const b = await this.writable(user, id, false);
    const s = b.suspensions.find((x) => x.id === suspensionId);
    if (!s) throw notFound('没有找到这次暂停记录。');
    if (s.toDate !== null) throw conflict('suspension-ended', `这次暂停已于${chineseDate(s.toDate)}结束。`);
    if (input.to < s.fromDate) {
      throw badInput('暂停的最后一天不能早于第一天。', [{ path: 'to', message: `应不早于${chineseDate(s.fromDate)}` }]);
    }
    const resumesOn = addDays(input.to, 1);
    const at = this.clock();
    const updated = await this.prisma.$transaction(async (tx) => {
      await tx.benefitSuspension.update({ where: { id: s.id }, data: { toDate: input.to } });
      // Days after `to` were counted as suspended in the months settled meanwhile.
      const resettled = await resettle(tx, b.id, {
        from: resumesOn,
        to: null,
        reason: `暂停于${chineseDate(input.to)}结束，${chineseDate(resumesOn)}起恢复，按享受待遇的天数重新结算`,
        actor: user,
        at,
        templates: this.templates,
      });
      const after = stateOn(
        { ...b, suspensions: b.suspensions.map((x) => (x.id === s.id ? { ...x, toDate: input.to } : x)) },
        this.today(),
      );
      await this.event(tx, b, user, 'resume', after, null, {
        suspensionId: s.id,
        from: s.fromDate,
        to: input.to,
        resumesOn,
        ...(resettled.length ? { resettled } : {}),
      });
      await this.tell(tx, b, '已恢复', `${chineseDate(resumesOn)}起恢复待遇`, at);
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(updated);
  }

  /** Stops the benefit after `on`; closes an open suspension, frees the place it holds. */
  async stop(user: AuthUser, id: string, input: z.output<typeof stopInput>): Promise<BenefitView> {
    const b = await this.writable(user, id, false);
    if (input.on < b.approvalDate) {
      throw badInput(`终止日期不能早于核准日期（${chineseDate(b.approvalDate)}）。`, [
        { path: 'on', message: `应不早于${chineseDate(b.approvalDate)}` },
      ]);
    }
    const open = b.suspensions.find((s) => s.toDate === null);
    const held = placeHolder(b.plans);
    const at = this.clock();
    const updated = await this.prisma.$transaction(async (tx) => {
      if (open) {
        await tx.benefitSuspension.update({
          where: { id: open.id },
          data: { toDate: input.on < open.fromDate ? open.fromDate : input.on },
        });
      }
      if (held) await releasePlace(tx, held.providerId);
      await tx.benefit.update({ where: { id: b.id }, data: { state: 'stopped', stoppedOn: input.on } });
      // A stop dated back into a settled month leaves fewer days covered there.
      const resettled = await resettle(tx, b.id, {
        from: addDays(input.on, 1),
        to: null,
        reason: `待遇于${chineseDate(input.on)}终止，按享受待遇的天数重新结算`,
        actor: user,
        at,
        templates: this.templates,
      });
      await this.event(tx, b, user, 'stop', 'stopped', input.reason, {
        on: input.on,
        ...(held ? { placeReleased: held.providerId } : {}),
        ...(resettled.length ? { resettled } : {}),
      });
      await this.tell(tx, b, '已终止', `待遇享受至${chineseDate(input.on)}`, at);
      return tx.benefit.findUniqueOrThrow({ where: { id: b.id }, include: VIEW_INCLUDE });
    });
    return this.toView(updated);
  }

  async events(user: AuthUser, id: string) {
    await this.readable(user, id);
    const rows: BenefitEvent[] = await this.prisma.benefitEvent.findMany({
      where: { benefitId: id },
      orderBy: { at: 'asc' },
    });
    return rows.map((e) => ({
      id: e.id,
      action: e.action,
      from: e.fromState,
      to: e.toState,
      actorId: e.actorId,
      actorRole: e.actorRole,
      reason: e.reason,
      data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
      at: e.at.toISOString(),
    }));
  }
}

/**
 * The decision after an objection's reassessment (wenzhou-2023 §三(三)) on an application that already has a
 * benefit, in the caller's transaction. An approval with another grade gives the benefit that grade from the
 * month a benefit starts after a decision (benefitStart of the rules: the month after), linked to the
 * decision's application event; months settled from then on are settled again. A rejection, or the same
 * grade, is only recorded on the benefit: whether a rejected person's benefit stops is the officer's call
 * (POST /benefits/:id/stop), not an automatic effect. While the objection is pending the benefit goes on.
 */
export async function afterReassessment(
  tx: Prisma.TransactionClient,
  decision: {
    applicationId: string;
    applicationEventId: string;
    move: 'approve' | 'reject';
    grade: string | null;
    noticeDate: string;
    actor: AuthUser;
    at: Date;
    templates: NoticeTemplates;
  },
): Promise<void> {
  const b = await tx.benefit.findUnique({ where: { applicationId: decision.applicationId }, include: BENEFIT_INCLUDE });
  if (!b || b.state === 'stopped') return;
  const start = benefitStart(decision.noticeDate, b.region as RegionId, insuredAs(b));
  const fromMonth = start.month < b.startMonth ? b.startMonth : start.month;
  const previousGrade = gradeFor(b, fromMonth);
  const link = { applicationId: decision.applicationId, applicationEventId: decision.applicationEventId };
  const record = (action: string, reason: string | null, data: Record<string, unknown>) =>
    tx.benefitEvent.create({
      data: {
        benefitId: b.id,
        action,
        fromState: b.state,
        toState: b.state,
        actorId: decision.actor.id,
        actorRole: decision.actor.role,
        reason,
        data: JSON.stringify({ ...link, ...data }),
        at: decision.at,
      },
    });
  if (decision.move === 'reject' || !decision.grade || decision.grade === previousGrade) {
    await record(
      'reassessment',
      decision.move === 'reject' ? '复评后不予核准；是否终止待遇由经办人员决定' : '复评等级与原等级相同',
      { decision: decision.move, grade: decision.grade, previousGrade },
    );
    return;
  }
  const grade = decision.grade;
  await tx.benefitGrade.upsert({
    where: { benefitId_fromMonth: { benefitId: b.id, fromMonth } },
    update: { grade, previousGrade, ...link, noticeDate: decision.noticeDate },
    create: { benefitId: b.id, fromMonth, grade, previousGrade, ...link, noticeDate: decision.noticeDate },
  });
  const gradeName = GRADE_NAMES[grade as GradeId] ?? grade;
  const resettled = await resettle(tx, b.id, {
    from: firstDayOf(fromMonth),
    to: null,
    reason: `复评后等级调整为${gradeName}（自${chineseMonth(fromMonth)}起），重新结算`,
    actor: decision.actor,
    at: decision.at,
    templates: decision.templates,
  });
  await record('regrade', null, {
    decision: decision.move,
    fromMonth,
    grade,
    previousGrade,
    citations: start.citations,
    ...(resettled.length ? { resettled } : {}),
  });
  await putInInbox(
    tx,
    { personId: b.personId, applicationId: b.applicationId },
    benefitNotice(decision.templates, b, '等级调整', `${chineseMonth(fromMonth)}起按${gradeName}`, decision.at),
    decision.at,
  );
}

/** Whose benefit it is, for the rules' benefitStart: insurance and district decide when it may start. */
function insuredAs(x: { insurance: string; district: string | null }): BenefitStartPerson {
  return { insurance: x.insurance as InsuranceId, ...(x.district ? { district: x.district } : {}) };
}
