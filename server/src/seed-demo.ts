// Demo history for a fresh development install, so every console screen has something to show: applications
// at every state with waits of days (not months), a benefit that started months ago with settled months, a
// hospital stay, visits and ratings, and a benefit approved today that starts next month. All dates are
// relative to today. Written through the services with a clock set back in time, so every figure (benefit
// start, objection deadline, settlement split) is the rules module's, exactly as if staff had done it then.
// Every sample person's name carries （示例） once; the console adds no second mark.
import { addDays, type GradeId } from '@changhu/rules';
import { loadConfig, type Config } from './config';
import type { Db } from './db';
import { birthDateOfIdNumber, genderOfIdNumber } from './lib/personal';
import type { AuthUser, Role } from './lib/roles';
import { shanghaiDate } from './lib/time';
import { ApplicationService } from './services/applications';
import { BenefitService } from './services/benefits';
import { ServiceRecordService } from './services/service-records';
import { SettlementService } from './services/settlements';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Completes 17 digits with their check digit (GB 11643). */
export function withCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const FAMILY_PHONE = '13800000001';
const OFFICER_PHONE = '13800000004';
const HOME_PROVIDER = 'sample-wz-lucheng-home';
const PLAN_ITEMS = ['助浴', '生活照料'];

type Step =
  | { day: number; move: 'submit' | 'object'; reason?: string }
  | { day: number; move: 'accept' | 'return' | 'publicize' | 'approve' | 'reject'; reason?: string; endsOn?: number }
  | { day: number; move: 'schedule'; visit: number }
  | { day: number; move: 'assess' | 'reassess'; grade: GradeId };

interface DemoCase {
  name: string;
  id17: string;
  phone: string;
  description: string;
  steps: Step[];
}

const COUNTER = '材料已在社区服务点窗口核对原件（示例）。';

/** Submitted, accepted with the counter's reason, visited on `visit`: the first steps of most cases. */
const upToVisit = (submitted: number, visit: number): Step[] => [
  { day: submitted, move: 'submit' },
  { day: submitted + 1, move: 'accept', reason: COUNTER },
  { day: submitted + 1, move: 'schedule', visit },
];

/** One sample application per state after 已提交 (the two submitted ones are seed.ts's). Days from today. */
const CASES: DemoCase[] = [
  {
    name: '周桂芳（示例）',
    id17: '33030219420815003',
    phone: '13900000021',
    description: '示例申请：脑梗后行动不便。',
    steps: [
      { day: -6, move: 'submit' },
      { day: -5, move: 'return', reason: '请补充近三个月的病历资料（示例）。' },
    ],
  },
  {
    name: '吴长生（示例）',
    id17: '33030219390302005',
    phone: '13900000022',
    description: '示例申请：帕金森病，生活不能自理。',
    steps: [
      { day: -4, move: 'submit' },
      { day: -3, move: 'accept', reason: COUNTER },
    ],
  },
  {
    name: '郑美华（示例）',
    id17: '33030219441120006',
    phone: '13900000023',
    description: '示例申请：髋部骨折术后卧床。',
    // The visit is three days ahead: the grade cannot be recorded yet.
    steps: upToVisit(-5, 3),
  },
  {
    name: '冯志强（示例）',
    id17: '33030219410607007',
    phone: '13900000024',
    description: '示例申请：阿尔茨海默病。',
    steps: [...upToVisit(-14, -8), { day: -8, move: 'assess', grade: 'severe-1' }],
  },
  {
    name: '陈淑珍（示例）',
    id17: '33030219430909008',
    phone: '13900000025',
    description: '示例申请：长期卧床。',
    // The publicity runs until four days from now: the decision waits for it.
    steps: [
      ...upToVisit(-16, -10),
      { day: -10, move: 'assess', grade: 'severe-2' },
      { day: -2, move: 'publicize', endsOn: 4 },
    ],
  },
  {
    name: '何玉梅（示例）',
    id17: '33030219400118009',
    phone: '13900000026',
    description: '示例申请：偏瘫，需要上门护理。',
    // The publicity ended yesterday: ready for the decision.
    steps: [
      ...upToVisit(-18, -12),
      { day: -12, move: 'assess', grade: 'severe-3' },
      { day: -8, move: 'publicize', endsOn: -1 },
    ],
  },
  {
    name: '黄国华（示例）',
    id17: '33030219370425001',
    phone: '13900000027',
    description: '示例申请：慢性心衰，行动困难。',
    steps: [
      ...upToVisit(-20, -14),
      { day: -14, move: 'assess', grade: 'moderate' },
      { day: -9, move: 'publicize', endsOn: -3 },
      { day: -5, move: 'object', reason: '家属认为评估时老人状态较好，平时生活完全不能自理，申请复评（示例）。' },
    ],
  },
  {
    name: '林秋菊（示例）',
    id17: '33030219450730002',
    phone: '13900000028',
    description: '示例申请：糖尿病并发症，视力差。',
    steps: [
      ...upToVisit(-30, -24),
      { day: -24, move: 'assess', grade: 'moderate' },
      { day: -22, move: 'publicize', endsOn: -16 },
      { day: -18, move: 'object', reason: '申请复评（示例）。' },
      { day: -9, move: 'reassess', grade: 'severe-1' },
    ],
  },
  {
    name: '马兰英（示例）',
    id17: '33030219460212004',
    phone: '13900000029',
    description: '示例申请：腰椎病，行走不便。',
    steps: [
      ...upToVisit(-40, -34),
      { day: -34, move: 'assess', grade: 'mild' },
      { day: -33, move: 'publicize', endsOn: -27 },
      { day: -26, move: 'reject', reason: '评估为轻度失能，本统筹区不享受长护险待遇（示例）。' },
    ],
  },
  {
    name: '罗德明（示例）',
    id17: '33030219380815006',
    phone: '13900000030',
    description: '示例申请：中风后卧床。',
    // Approved today: the benefit starts next month (待开始).
    steps: [
      ...upToVisit(-20, -14),
      { day: -14, move: 'assess', grade: 'severe-2' },
      { day: -10, move: 'publicize', endsOn: -3 },
      { day: 0, move: 'approve' },
    ],
  },
];

/** The long-running benefit: approved 130 days ago, settled every ended month but the last, a hospital stay. */
const LONG = {
  name: '孙凤英（示例）',
  id17: '33030219360521007',
  phone: '13900000031',
  description: '示例申请：脑出血后遗症，长期卧床。',
  steps: [
    ...upToVisit(-140, -134),
    { day: -134, move: 'assess', grade: 'severe-2' },
    { day: -133, move: 'publicize', endsOn: -127 },
    { day: -126, move: 'approve' },
  ] as Step[],
};
const BILLS_FEN = [345678, 298000, 360000, 312050, 330000];

export interface DemoOptions {
  config?: Config;
  /** Today, for tests; the real date otherwise. */
  now?: Date;
}

const WORKERS = ['陈护理员（示例）', '刘护理员（示例）'];

/** Writes the demo history once (the long-running benefit's person marks it done). */
export async function seedDemoHistory(prisma: Db, opts: DemoOptions = {}): Promise<void> {
  if (await prisma.person.findUnique({ where: { idNumber: withCheckDigit(LONG.id17) } })) return;
  const config = opts.config ?? loadConfig();
  const realNow = opts.now ?? new Date();
  const today = shanghaiDate(realNow);
  let instant = realNow;
  const clock = () => instant;
  /** The clock on a day relative to today, at an hour of Beijing time; never later than now. */
  const setDay = (day: number, hour = 10) => {
    const at = new Date(`${addDays(today, day)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    instant = at > realNow ? realNow : at;
  };
  const applications = new ApplicationService(prisma, config, clock);
  const benefits = new BenefitService(prisma, config, clock);
  const settlements = new SettlementService(prisma, config, clock);
  const records = new ServiceRecordService(prisma, config, clock);

  const userOf = async (phone: string): Promise<AuthUser> => {
    const u = await prisma.user.findUniqueOrThrow({ where: { phone } });
    return { id: u.id, phone: u.phone, name: u.name, role: u.role as Role, communityId: u.communityId };
  };
  const family = await userOf(FAMILY_PHONE);
  const officer = await userOf(OFFICER_PHONE);

  async function run(c: DemoCase): Promise<string> {
    const idNumber = withCheckDigit(c.id17);
    setDay(c.steps[0].day - 1, 9);
    const person = await prisma.person.create({
      data: {
        name: c.name,
        idNumber,
        birthDate: birthDateOfIdNumber(idNumber),
        gender: genderOfIdNumber(idNumber),
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        phone: c.phone,
        address: `温州市鹿城区五马街道示例路${c.phone.slice(-2)}号`,
        isSample: true,
        createdById: family.id,
        consents: {
          create: {
            granteeId: family.id,
            relationship: 'child',
            method: 'in-person',
            givenBy: c.name.replace('（示例）', ''),
            givenAt: instant,
            recordedById: family.id,
          },
        },
      },
    });
    const created = await applications.create(family, { personId: person.id, careMode: 'home' });
    await applications.saveDraft(family, created.id, {
      disabilityCause: 'illness',
      disabilityMonths: 8,
      description: c.description,
      contactPhone: FAMILY_PHONE,
    });
    for (const s of c.steps) {
      setDay(s.day, s.move === 'submit' || s.move === 'object' ? 9 : 15);
      const by = s.move === 'submit' || s.move === 'object' ? family : officer;
      const body: Parameters<ApplicationService['move']>[2] = { move: s.move };
      if ('reason' in s && s.reason) body.reason = s.reason;
      if (s.move === 'schedule') body.scheduledFor = addDays(today, s.visit);
      if (s.move === 'assess' || s.move === 'reassess') body.grade = s.grade;
      if (s.move === 'publicize' && s.endsOn !== undefined) body.publicityEndsOn = addDays(today, s.endsOn);
      await applications.move(by, created.id, body);
    }
    return created.id;
  }

  for (const c of CASES) {
    const id = await run(c);
    if (c.steps.at(-1)!.move === 'approve') {
      await benefits.create(officer, {
        applicationId: id,
        careMode: 'home',
        providerId: HOME_PROVIDER,
        planItems: PLAN_ITEMS,
      });
    }
  }

  // The long-running benefit: created the day after approval.
  const longId = await run(LONG);
  setDay(-125, 11);
  const benefit = await benefits.create(officer, {
    applicationId: longId,
    careMode: 'home',
    providerId: HOME_PROVIDER,
    planItems: PLAN_ITEMS,
  });
  const thisMonth = today.slice(0, 7);
  const months: string[] = [];
  for (let m = benefit.startMonth; m < thisMonth; m = addDays(`${m}-28`, 7).slice(0, 7)) months.push(m);
  const stay = months.length > 1 ? { from: `${months[1]}-10`, to: `${months[1]}-16` } : null;

  // Week by week: visits on the 5th, 12th, 19th and 26th (not in the hospital stay), each rated the next day
  // but the latest; the stay registered when it ended; each ended month settled on the 3rd of the next, but
  // the last ended month, which waits for the officer (the settlement screen's confirmation).
  const dayOf = (date: string) => Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
  let visitCount = 0;
  for (const [i, month] of [...months, thisMonth].entries()) {
    for (const d of [5, 12, 19, 26]) {
      const date = `${month}-${String(d).padStart(2, '0')}`;
      if (date >= today) break;
      if (stay && date === `${months[1]}-19`) {
        // The hospital stay, registered the day after it ended, before that month was settled.
        setDay(dayOf(stay.to) + 1, 14);
        await benefits.suspend(officer, benefit.id, {
          reason: 'hospital-stay',
          from: stay.from,
          to: stay.to,
          note: '住院治疗（示例）。',
        });
      }
      if (stay && date >= stay.from && date <= stay.to) continue;
      setDay(dayOf(date), 18);
      const extra = visitCount % 3 === 2;
      const visit = await records.create(officer, benefit.id, {
        workerName: WORKERS[visitCount % 2],
        startAt: `${date}T09:00:00+08:00`,
        endAt: `${date}T10:30:00+08:00`,
        items: [
          { name: '助浴', minutes: 45 },
          { name: '生活照料', minutes: 30 },
          ...(extra ? [{ name: '陪同就医', minutes: 15, priceFen: 10000 }] : []),
        ],
        identityChecked: true,
        identityMethod: 'id-card',
        ...(extra ? { selfPaidConsent: { givenBy: '张丽（家属）', method: 'in-person' as const } } : {}),
      });
      visitCount += 1;
      if (dayOf(date) < -1) {
        setDay(dayOf(date) + 1, 20);
        await records.rate(family, visit.id, {
          score: [5, 4, 5, 3][visitCount % 4],
          comment: [
            '护理员很耐心，助浴很仔细（示例）。',
            '准时上门（示例）。',
            '服务周到（示例）。',
            '来得晚了一些（示例）。',
          ][visitCount % 4],
        });
      }
    }
    if (i < months.length - 1) {
      setDay(dayOf(`${months[i + 1]}-03`), 10);
      await settlements.create(officer, benefit.id, { month, monthlyBillFen: BILLS_FEN[i % BILLS_FEN.length] });
    }
  }
}
