import { z } from 'zod';
import {
  benefitStart,
  chineseDate,
  chineseMonth,
  GRADE_NAMES,
  CARE_MODE_NAMES,
  objectionDeadline,
  type ApplicationState,
  type GradeId,
  type CareModeId,
  type RegionId,
  type InsuranceId,
  workingDaysAfter,
} from '@changhu/rules';
import type { Config } from '../config';
import type { Db } from '../db';
import type { Application, Person } from '../generated/prisma/client';
import { AppError, badInput, conflict, forbidden, type ErrorDetail } from '../lib/errors';
import { maskIdNumber, maskPhone } from '../lib/personal';
import type { AuthUser } from '../lib/roles';
import {
  careModeSchema,
  causeSchema,
  dateSchema,
  gradeSchema,
  idSchema,
  phoneSchema,
  stateSchema,
} from '../lib/schemas';
import { shanghaiDate, wechatTime, type Clock } from '../lib/time';
import { checkGrade, gradeProblem, NOT_ELIGIBLE_NEXT_STEP } from './grade-check';
import { Access, applicationScope, seesFullPersonalData } from './access';
import { afterReassessment } from './benefits';
import { phrase, putInInbox, thing, type SubscriptionMessage } from './inbox';
import { MOVE_IDS, MOVES, movesFrom, STATE_NAMES, STATE_PHRASES, type Move, type MoveId } from './stateMachine';

export const createApplicationInput = z.strictObject({
  personId: idSchema.describe('参保人编号（登记参保人时答复的 id）'),
  careMode: careModeSchema.optional().describe('想选择的护理方式编号，例如 home（居家上门护理）；可以以后再填'),
});

/** A draft saved as the family types: every field optional, null clears it. */
export const draftInput = z.strictObject({
  careMode: careModeSchema.nullable().optional().describe('想选择的护理方式编号；null 表示清除'),
  disabilityCause: causeSchema
    .nullable()
    .optional()
    .describe('失能原因编号（见 GET /api/v1/disability-causes）；null 表示清除'),
  disabilityMonths: z
    .number({ error: '失能时长应为月数（整数）' })
    .int('失能时长应为整数个月')
    .min(0, '失能时长不能为负数')
    .max(1200)
    .nullable()
    .optional()
    .describe('失能已持续几个月（整数）；null 表示清除'),
  description: z
    .string()
    .max(1000, '情况说明不能超过1000个字')
    .nullable()
    .optional()
    .describe('老人的情况说明（吃饭、穿衣、行走等需要多少帮助），不超过1000个字'),
  visitAddress: z
    .string()
    .max(200, '上门评估地址不能超过200个字')
    .nullable()
    .optional()
    .describe('上门评估的地址，不超过200个字；不填按参保人的居住地址'),
  contactPhone: phoneSchema.nullable().optional().describe('评估人员联系的手机号；null 表示清除'),
});

export const moveInput = z.strictObject({
  move: z
    .enum(MOVE_IDS as [MoveId, ...MoveId[]], { error: `操作可选：${MOVE_IDS.join('、')}` })
    .describe('要办理的操作编号（见上面的状态机表，或申请答复的 actions）'),
  reason: z
    .string()
    .trim()
    .min(1, '请填写原因')
    .max(200, '原因不能超过200个字')
    .optional()
    .describe('原因，不超过200个字：退回、不予核准、申请复评时必填；没有材料时受理也要写明'),
  grade: gradeSchema.optional().describe('评估结论的失能等级编号：录入评估等级（assess）和复评（reassess）时必填'),
  scheduledFor: dateSchema.optional().describe('上门评估日期'),
  publicityEndsOn: dateSchema
    .optional()
    .describe(
      '公示期的最后一天（含）：公示（publicize）时填写，不早于今天；公示期长短由当地确定（温州方案第三部分第（三）项只规定设公示期）',
    ),
});

export const listApplicationsQuery = z.strictObject({
  state: stateSchema.optional().describe('只看这个状态的申请，例如 submitted（待受理）'),
  personId: idSchema.optional().describe('只看这位参保人的申请（参保人编号）'),
});

export const eventView = z.object({
  id: z.string().describe('编号'),
  move: z.string().describe('操作编号'),
  moveLabel: z.string().describe('这一步的名称（与按钮相同）'),
  from: z.string().describe('办理前的状态编号'),
  fromName: z.string().describe('办理前的状态名称'),
  to: z.string().describe('办理后的状态编号'),
  toName: z.string().describe('办理后的状态名称'),
  actorId: z.string().describe('办理人的账号编号'),
  actorRole: z.string().describe('办理人的角色'),
  actorName: z.string().nullable().describe('办理的工作人员姓名；本人、家属或社区工作人员为 null（按授权关系显示）'),
  reason: z.string().nullable().describe('原因；没有时为 null'),
  data: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('这一步记录的内容（例如评估等级、上门日期）；没有时为 null'),
  at: z.string().describe('办理时间（ISO 8601）'),
});

export const applicationView = z.object({
  id: z.string().describe('编号'),
  personId: z.string().describe('参保人编号'),
  person: z.object({ id: z.string(), name: z.string(), idNumberMasked: z.string(), region: z.string() }),
  state: stateSchema,
  stateName: z.string().describe('申请状态名称'),
  careMode: z.string().nullable().describe('想选择的护理方式编号；未填为 null'),
  careModeName: z.string().nullable().describe('护理方式在当地的名称；未填为 null'),
  disabilityCause: z.string().nullable().describe('失能原因编号；未填为 null'),
  disabilityMonths: z.number().nullable().describe('失能已持续的月数；未填为 null'),
  description: z.string().nullable().describe('情况说明；未填为 null'),
  visitAddress: z.string().nullable().describe('上门评估地址；未填为 null'),
  contactPhone: z.string().nullable().describe('联系电话（列表中脱敏）；未填为 null'),
  scheduledFor: z.string().nullable().describe('上门评估日期；未安排为 null'),
  grade: z.string().nullable().describe('评估结论的失能等级编号；未评估为 null'),
  gradeName: z.string().nullable().describe('失能等级名称；未评估为 null'),
  gradeProblem: z
    .string()
    .nullable()
    .describe('该等级在参保人所在统筹区不享受待遇时，规则库的说明和下一步（录入等级时即提示）；否则为 null'),
  publicityEndsOn: z.string().nullable().describe('公示期的最后一天（含）；公示结束后才能核准或不予核准'),
  materialCount: z.number().int().describe('已上传的申请材料份数'),
  noticeDate: z.string().nullable().describe('评估结论通知日期'),
  objectionDeadline: z.string().nullable().describe('申请复评的最后一天（含）'),
  objectionDeadlineProvisional: z
    .boolean()
    .describe('true：期限落在日历尚未收录节假日的年份，只是估计，不据此拒绝复评申请'),
  objectionDeadlineNote: z.string().nullable().describe('期限为估计时，规则库的说明（给经办人员看）'),
  objectionWorkingDaysLeft: z
    .number()
    .int()
    .nullable()
    .describe(
      '今天之后到申请复评的最后一天（含）还有几个工作日，0 表示今天是最后一天；期限已过、没有期限或已申请过复评为 null',
    ),
  objectionCount: z.number().describe('已申请复评的次数'),
  benefitStartMonth: z.string().nullable().describe('核准后开始享受待遇的月份；未核准为 null'),
  submittedAt: z.string().nullable().describe('提交时间；未提交为 null'),
  createdAt: z.string().describe('建立时间（ISO 8601）'),
  updatedAt: z.string().describe('最后修改时间（ISO 8601）'),
  allowedMoves: z.array(z.string()).describe('当前账号此刻可做的操作'),
  actions: z
    .array(
      z.object({
        move: z.string(),
        label: z.string().describe('按钮上的文字'),
        requires: z.array(z.string()).describe('这一步此刻必填的字段（例如没有材料时受理需写明原因）'),
      }),
    )
    .describe('当前账号此刻可做的操作及其文字和必填项（与 allowedMoves 同序）'),
  waitingFor: z
    .string()
    .nullable()
    .describe('下一步要等到某一天才能办理时的说明（上门评估日之前、公示期内），否则为 null'),
});
export type ApplicationView = z.output<typeof applicationView>;

const REQUIREMENT_MESSAGES: Record<string, string> = {
  reason: '请填写原因',
  grade: '请选择评估等级',
  scheduledFor: '请填写上门评估日期（YYYY-MM-DD）',
  publicityEndsOn: '请填写公示期的最后一天（YYYY-MM-DD）',
};

type WithPerson = Application & { person: Person; _count?: { materials: number } };
/** Reads an application with what its view needs. */
const VIEW_INCLUDE = { person: true, _count: { select: { materials: true } } } as const;

/** Staff whose name the history shows; the family and community workers are shown by their consent. */
const NAMED_ACTOR_ROLES: readonly string[] = ['officer', 'agent', 'admin'];

export class ApplicationService {
  private readonly access: Access;
  constructor(
    private readonly prisma: Db,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {
    this.access = new Access(prisma, clock);
  }

  /**
   * The objection window of a decided application, from the rules now (the calendar may have learnt a year
   * since): a provisional deadline (a year whose holidays the calendar does not hold) never refuses.
   */
  private objectionWindow(a: Application, region: string) {
    if (!a.noticeDate || !a.objectionDeadline) return { deadline: a.objectionDeadline, provisional: false, note: null };
    const w = objectionDeadline(a.noticeDate, region as RegionId);
    const note = w.notes.find((n) => n.code === 'calendar-unpublished')?.text ?? null;
    return { deadline: w.deadline ?? a.objectionDeadline, provisional: w.provisional, note };
  }

  /**
   * Working days after today up to the objection deadline (0: today is the last day), as the family counts down,
   * on the rules' calendar (holidays and 调休 stay in the rules module).
   */
  private objectionDaysLeft(a: Application, region: string, today: string): number | null {
    if (a.objectionCount > 0 || (a.state !== 'approved' && a.state !== 'rejected')) return null;
    const { deadline } = this.objectionWindow(a, region);
    if (!deadline || today > deadline) return null;
    return workingDaysAfter(today, deadline);
  }

  /** Out of time for an objection: after a firm deadline, outside the 公示期. */
  private objectionClosed(a: Application, region: string, today: string): boolean {
    if (a.state === 'publicized') return false;
    const w = this.objectionWindow(a, region);
    return !w.provisional && w.deadline !== null && today > w.deadline;
  }

  /**
   * What the next step waits for, in words: the visit day before a grade is recorded, the publicity's end
   * before the decision. Null when nothing waits on a date.
   */
  private waitingFor(a: Application, today: string): string | null {
    if (a.state === 'publicized' && a.publicityEndsOn && today <= a.publicityEndsOn) {
      return `公示期到${chineseDate(a.publicityEndsOn)}（含当天），公示结束后才能核准或不予核准。`;
    }
    if (a.state === 'assessment-scheduled' && a.scheduledFor && today < a.scheduledFor) {
      return `上门评估安排在${chineseDate(a.scheduledFor)}，评估之后才能录入评估等级。`;
    }
    return null;
  }

  /** A move that waits on a date (see waitingFor) is not offered until that day. */
  private waits(a: Application, move: MoveId, today: string): boolean {
    if (!this.waitingFor(a, today)) return false;
    return move === 'approve' || move === 'reject' || move === 'assess';
  }

  /** The moves this user can make now: the state machine's, less an objection already used or out of time. */
  availableMoves(a: Application & { person: Person }, user: AuthUser): MoveId[] {
    const today = shanghaiDate(this.clock());
    return movesFrom(a.state, user.role).filter(
      (m) =>
        !this.waits(a, m, today) &&
        (m !== 'object' || (a.objectionCount === 0 && !this.objectionClosed(a, a.person.region, today))),
    );
  }

  /** What a move needs now: the state machine's fields, and a reason to accept an application without materials. */
  private requiresNow(move: MoveId, materialCount: number): string[] {
    const requires: string[] = [...MOVES[move].requires];
    if (move === 'accept' && materialCount === 0) requires.push('reason');
    return requires;
  }

  /** `full`: an officer opening this one application sees the contact phone in full; lists never do. */
  view(a: WithPerson, user: AuthUser, full = false): ApplicationView {
    const today = shanghaiDate(this.clock());
    const allowed = this.availableMoves(a, user);
    const materialCount = a._count?.materials ?? 0;
    const problem =
      a.grade && a.state !== 'approved' && a.state !== 'rejected' ? gradeProblem(a.person, a.grade, today) : null;
    return {
      id: a.id,
      personId: a.personId,
      person: {
        id: a.person.id,
        name: a.person.name,
        idNumberMasked: maskIdNumber(a.person.idNumber),
        region: a.person.region,
      },
      state: a.state as ApplicationState,
      stateName: STATE_NAMES[a.state as ApplicationState],
      careMode: a.careMode,
      careModeName: a.careMode ? CARE_MODE_NAMES[a.careMode as CareModeId] : null,
      disabilityCause: a.disabilityCause,
      disabilityMonths: a.disabilityMonths,
      description: a.description,
      visitAddress: a.visitAddress,
      contactPhone:
        a.contactPhone && !(full && seesFullPersonalData(user)) ? maskPhone(a.contactPhone) : a.contactPhone,
      scheduledFor: a.scheduledFor,
      grade: a.grade,
      gradeName: a.grade ? GRADE_NAMES[a.grade as GradeId] : null,
      gradeProblem: problem ? `${problem}${NOT_ELIGIBLE_NEXT_STEP}` : null,
      publicityEndsOn: a.publicityEndsOn,
      materialCount,
      noticeDate: a.noticeDate,
      objectionDeadline: a.objectionDeadline,
      ...(() => {
        const w = this.objectionWindow(a, a.person.region);
        return { objectionDeadlineProvisional: w.provisional, objectionDeadlineNote: w.provisional ? w.note : null };
      })(),
      objectionWorkingDaysLeft: this.objectionDaysLeft(a, a.person.region, today),
      objectionCount: a.objectionCount,
      benefitStartMonth: a.benefitStartMonth,
      submittedAt: a.submittedAt ? a.submittedAt.toISOString() : null,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      allowedMoves: allowed,
      actions: allowed.map((m) => ({ move: m, label: MOVES[m].label, requires: this.requiresNow(m, materialCount) })),
      waitingFor: user.role === 'officer' ? this.waitingFor(a, today) : null,
    };
  }

  async create(user: AuthUser, input: z.output<typeof createApplicationInput>): Promise<ApplicationView> {
    const person = await this.access.actedForPerson(user, input.personId);
    const open = await this.prisma.application.findFirst({
      where: { personId: person.id, state: { notIn: ['approved', 'rejected'] } },
    });
    if (open) {
      throw conflict('application-open', '这位参保人已有一份正在办理的申请，请在原申请上继续办理。', [
        { path: 'personId', message: `正在办理的申请：${open.id}` },
      ]);
    }
    const application = await this.prisma.application.create({
      data: {
        personId: person.id,
        careMode: input.careMode ?? null,
        createdById: user.id,
        visitAddress: person.address,
      },
      include: VIEW_INCLUDE,
    });
    return this.view(application, user);
  }

  async list(user: AuthUser, query: z.output<typeof listApplicationsQuery>): Promise<ApplicationView[]> {
    const rows = await this.prisma.application.findMany({
      where: {
        ...applicationScope(user),
        ...(query.state ? { state: query.state } : {}),
        ...(query.personId ? { personId: query.personId } : {}),
      },
      include: VIEW_INCLUDE,
      orderBy: [{ submittedAt: 'asc' }, { createdAt: 'asc' }],
      take: 500,
    });
    return rows.map((a) => this.view(a, user));
  }

  async get(user: AuthUser, id: string): Promise<ApplicationView> {
    const a = await this.access.readableApplication(user, id);
    const materials = a._count?.materials ?? (await this.prisma.material.count({ where: { applicationId: id } }));
    return this.view({ ...a, _count: { materials } }, user, true);
  }

  async saveDraft(user: AuthUser, id: string, input: z.output<typeof draftInput>): Promise<ApplicationView> {
    if (user.role !== 'resident' && user.role !== 'community-worker')
      throw forbidden('只有本人、家属或社区工作人员可以填写申请。');
    const application = await this.access.readableApplication(user, id);
    if (application.state !== 'draft') {
      throw conflict(
        'not-a-draft',
        `申请当前状态为“${STATE_NAMES[application.state as ApplicationState]}”，只有草稿可以修改。`,
      );
    }
    const updated = await this.prisma.application.update({ where: { id }, data: input, include: VIEW_INCLUDE });
    return this.view(updated, user);
  }

  async events(user: AuthUser, id: string) {
    await this.access.readableApplication(user, id);
    const rows = await this.prisma.applicationEvent.findMany({
      where: { applicationId: id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const staff = await this.prisma.user.findMany({
      where: { id: { in: [...new Set(rows.map((e) => e.actorId))] }, role: { in: [...NAMED_ACTOR_ROLES] } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(staff.map((u) => [u.id, u.name]));
    const label = (m: string) => (m in MOVES ? MOVES[m as MoveId].label : m);
    return rows.map((e) => ({
      id: e.id,
      move: e.move,
      moveLabel: label(e.move),
      from: e.fromState,
      fromName: STATE_NAMES[e.fromState as ApplicationState] ?? e.fromState,
      to: e.toState,
      toName: STATE_NAMES[e.toState as ApplicationState] ?? e.toState,
      actorId: e.actorId,
      actorRole: e.actorRole,
      actorName: nameOf.get(e.actorId) ?? null,
      reason: e.reason,
      data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
      at: e.at.toISOString(),
    }));
  }

  /** Applies one move of the state machine, records it, and tells the person. */
  async move(user: AuthUser, id: string, input: z.output<typeof moveInput>): Promise<ApplicationView> {
    const application = await this.access.readableApplication(user, id);
    const move: Move = MOVES[input.move];
    if (!move.roles.includes(user.role)) {
      throw forbidden(`“${move.label}”不是您的账号可以办理的操作。`);
    }
    const state = application.state as ApplicationState;
    if (!(move.from as readonly string[]).includes(state)) {
      const allowed = movesFrom(state, user.role);
      throw conflict(
        'invalid-move',
        `申请当前状态为“${STATE_NAMES[state]}”，不能“${move.label}”。` +
          (allowed.length ? `现在可以：${allowed.map((m) => MOVES[m].label).join('、')}。` : ''),
        [{ path: 'move', message: `当前状态 ${state}，可做：${allowed.join(', ') || '无'}` }],
      );
    }
    const missing: ErrorDetail[] = move.requires
      .filter((r) => input[r] === undefined)
      .map((r) => ({ path: r, message: REQUIREMENT_MESSAGES[r] }));
    if (missing.length) throw badInput(`“${move.label}”需要：${missing.map((m) => m.message).join('；')}`, missing);

    const now = this.clock();
    const today = shanghaiDate(now);
    const region = application.person.region as RegionId;
    const data: Partial<Application> = { state: move.to };
    const eventData: Record<string, unknown> = {};
    let remark: string;

    switch (input.move) {
      case 'submit': {
        const gaps: ErrorDetail[] = [];
        if (!application.careMode) gaps.push({ path: 'careMode', message: '请选择护理方式' });
        if (!application.visitAddress) gaps.push({ path: 'visitAddress', message: '请填写上门评估地址' });
        if (gaps.length) throw badInput(`提交前还需填写：${gaps.map((g) => g.message).join('；')}`, gaps);
        data.submittedAt = now;
        remark = '已提交，等待经办机构受理';
        break;
      }
      case 'accept': {
        // Accepting with nothing to check needs the officer's reason (e.g. papers checked at the counter).
        const materials = await this.prisma.material.count({ where: { applicationId: id } });
        if (materials === 0) {
          if (!input.reason?.trim()) {
            throw badInput(
              '这份申请还没有上传任何材料。如果材料已在窗口核验，请写明原因后再受理；否则请退回补充材料。',
              [{ path: 'reason', message: '没有材料时受理，请写明原因' }],
            );
          }
          // The reason is kept on the event (its reason field); the family's notice stays short.
          eventData.withoutMaterials = true;
        }
        remark = '已受理，将安排上门评估';
        break;
      }
      case 'return':
        remark = `请补充：${input.reason}`;
        break;
      case 'revise':
        remark = '请补充材料后重新提交';
        break;
      case 'schedule':
        if (input.scheduledFor! < today) {
          throw badInput('上门评估日期不能早于今天。', [
            { path: 'scheduledFor', message: `应不早于今天（${chineseDate(today)}）` },
          ]);
        }
        data.scheduledFor = input.scheduledFor!;
        eventData.scheduledFor = input.scheduledFor;
        remark = `上门评估日期：${chineseDate(input.scheduledFor!)}`;
        break;
      case 'assess':
      case 'reassess': {
        if (input.move === 'assess' && application.scheduledFor && today < application.scheduledFor) {
          throw conflict(
            'visit-not-yet',
            `上门评估安排在${chineseDate(application.scheduledFor)}，评估之后才能录入评估等级。`,
            [{ path: 'grade', message: `${chineseDate(application.scheduledFor)}起可录入` }],
          );
        }
        data.grade = input.grade!;
        eventData.grade = input.grade;
        // Flagged now, not only at 核准: the region pays nothing for this grade (the rules' reason).
        const problem = gradeProblem(application.person, input.grade!, today);
        if (problem) eventData.gradeProblem = problem;
        remark = `评估结论：${GRADE_NAMES[input.grade!]}`;
        break;
      }
      case 'publicize':
        // The officer sets the last day (required: its length is set locally); the decision waits for it.
        if (input.publicityEndsOn! < today) {
          throw badInput('公示期的最后一天不能早于今天。', [
            { path: 'publicityEndsOn', message: `应不早于今天（${chineseDate(today)}）` },
          ]);
        }
        data.publicityEndsOn = input.publicityEndsOn!;
        eventData.publicityEndsOn = input.publicityEndsOn;
        remark = `公示至${chineseDate(input.publicityEndsOn!)}，可申请复评`;
        break;
      case 'approve':
      case 'reject': {
        if (state === 'publicized' && application.publicityEndsOn && today <= application.publicityEndsOn) {
          throw conflict(
            'publicity-running',
            `公示期到${chineseDate(application.publicityEndsOn)}（含当天），公示结束后才能${move.label}。`,
            [{ path: 'move', message: `${chineseDate(application.publicityEndsOn)}之后` }],
          );
        }
        // The decision is the 评估结论通知: the objection window counts from it (wenzhou-2023 §三(三)),
        // except after a reassessment, whose conclusion is final.
        data.noticeDate = today;
        data.objectionDeadline = null;
        if (application.objectionCount === 0) {
          const window = objectionDeadline(today, region);
          data.objectionDeadline = window.deadline;
          eventData.objectionDeadline = window.deadline;
        }
        if (input.move === 'approve') {
          // A grade the rules do not pay is refused; one whose benefits are set locally passes with a note.
          if (application.grade) {
            const { notes } = checkGrade(application.person, application.grade, today);
            if (notes.length) eventData.gradeNotes = notes;
          }
          // Not before the person's group is covered (wenzhou-2023 §五(四), §一(三)).
          const { insurance, district } = application.person;
          const start = benefitStart(today, region, {
            insurance: insurance as InsuranceId,
            ...(district ? { district } : {}),
          });
          data.benefitStartMonth = start.month;
          eventData.benefitStartMonth = start.month;
        }
        remark = data.objectionDeadline
          ? `异议请于${chineseDate(data.objectionDeadline)}前提出`
          : input.move === 'approve'
            ? `待遇自${chineseMonth(data.benefitStartMonth!)}起`
            : (input.reason ?? '');
        break;
      }
      case 'object': {
        if (application.objectionCount > 0) {
          throw conflict('objection-used', '复评只能申请一次，复评结论为最终结论。');
        }
        const window = this.objectionWindow(application, region);
        if (window.provisional && state !== 'publicized') {
          // Accepted on an estimated deadline: the officer sees the rules' note in the history.
          eventData.objectionDeadlineProvisional = true;
          eventData.objectionDeadlineNote = window.note;
        }
        if (this.objectionClosed(application, region, today)) {
          // How long the window is comes from the rules (wenzhou-2023 §三(三)), never typed here.
          const { workingDays } = application.noticeDate
            ? objectionDeadline(application.noticeDate, region)
            : { workingDays: null };
          const limit = workingDays ? `（评估结论通知后${workingDays}个工作日内）` : '';
          throw new AppError(
            422,
            'objection-window-closed',
            `申请复评的期限已于${chineseDate(window.deadline!)}结束${limit}，现在不能再申请复评。如有疑问请联系当地医保经办机构。`,
            [{ path: 'move', message: `期限截至${chineseDate(window.deadline!)}` }],
          );
        }
        data.objectionCount = application.objectionCount + 1;
        remark = '复评申请已收到';
        break;
      }
    }

    const updated = await this.prisma.$transaction(async (tx) => {
      // Guard against a concurrent move: only update if the state is still the one we checked.
      const { count } = await tx.application.updateMany({ where: { id, state }, data });
      if (count !== 1) throw conflict('invalid-move', '申请刚刚被其他人办理过，请刷新后再试。');
      const event = await tx.applicationEvent.create({
        data: {
          applicationId: id,
          move: input.move,
          fromState: state,
          toState: move.to,
          actorId: user.id,
          actorRole: user.role,
          reason: input.reason ?? null,
          data: Object.keys(eventData).length ? JSON.stringify(eventData) : null,
          at: now,
        },
      });
      const message: SubscriptionMessage = {
        templateId: this.config.statusTemplateId,
        page: `apply/detail/index?id=${id}`,
        data: {
          thing1: { value: thing(`${application.person.name}的失能评估申请`) },
          phrase2: { value: phrase(STATE_PHRASES[move.to]) },
          time3: { value: wechatTime(now) },
          thing4: { value: thing(remark) },
        },
      };
      await putInInbox(tx, { personId: application.personId, applicationId: id }, message, now);
      if (state === 'reassessed' && (input.move === 'approve' || input.move === 'reject')) {
        // The final decision after an objection: a benefit already running follows a changed grade.
        await afterReassessment(tx, {
          applicationId: id,
          applicationEventId: event.id,
          move: input.move,
          grade: application.grade,
          noticeDate: today,
          actor: user,
          at: now,
          templates: this.config,
        });
      }
      return tx.application.findUniqueOrThrow({ where: { id }, include: VIEW_INCLUDE });
    });
    return this.view(updated, user);
  }
}
