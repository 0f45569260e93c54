// Demo data, idempotent: accounts of every role with fixed phones, one community, and sample persons
// (isSample = true, id numbers made up with a valid GB 11643 check digit). See server/README.md.
import type { Config } from './config';
import type { Db } from './db';
import { birthDateOfIdNumber, genderOfIdNumber } from './lib/personal';
import type { Role } from './lib/roles';
import { seedDemoHistory, withCheckDigit } from './seed-demo';

export { withCheckDigit };

export const DEMO_COMMUNITY = {
  id: 'wz-lucheng-wuma',
  name: '鹿城区五马街道示范社区',
  region: 'wenzhou',
  district: 'lucheng',
};

export const DEMO_ACCOUNTS: { phone: string; name: string; role: Role; communityId?: string }[] = [
  { phone: '13800000001', name: '张丽（示例家属）', role: 'resident' },
  { phone: '13800000002', name: '陈社工（示例）', role: 'community-worker', communityId: DEMO_COMMUNITY.id },
  { phone: '13800000003', name: '林坐席（示例）', role: 'agent' },
  { phone: '13800000004', name: '周经办（示例）', role: 'officer' },
  { phone: '13800000005', name: '管理员（示例）', role: 'admin' },
];

const SAMPLE_PERSONS = [
  {
    name: '王秀英（示例）',
    idNumber: withCheckDigit('33030219400312002'),
    region: 'wenzhou',
    district: 'lucheng',
    insurance: 'employee-retired',
    phone: '13900000011',
    address: '温州市鹿城区五马街道示例路1号',
    grantee: '13800000001',
    relationship: 'child',
    method: 'in-person',
    givenBy: '王秀英',
    communityId: null as string | null,
  },
  {
    name: '李建国（示例）',
    idNumber: withCheckDigit('33030219380521001'),
    region: 'wenzhou',
    district: 'lucheng',
    insurance: 'resident',
    phone: '13900000012',
    address: '温州市鹿城区五马街道示例路8号',
    grantee: '13800000002',
    relationship: 'community-help',
    method: 'written',
    givenBy: '李建国',
    communityId: DEMO_COMMUNITY.id as string | null,
  },
];

/**
 * Sample designated providers, invented for the demo (the seeds name no real provider): every name
 * starts with 示例·, coordinates are near the district's centre, prices are made-up sample prices.
 */
export const SAMPLE_PROVIDERS = [
  {
    id: 'sample-wz-lucheng-home',
    name: '示例·鹿城康护居家护理站',
    region: 'wenzhou',
    district: 'lucheng',
    address: '温州市鹿城区五马街道示例路20号（示例地址）',
    lat: 28.0146,
    lng: 120.6506,
    phone: '0577-80000001',
    careModes: ['family', 'home'],
    hospitalTier: null as number | null,
    capacity: 120,
    freePlaces: 18,
    items: [
      { name: '助浴', unit: '次', priceFen: 8000 },
      { name: '压疮护理', unit: '次', priceFen: 6000 },
      { name: '生活照料', unit: '小时', priceFen: 4500 },
      { name: '陪同就医', unit: '次', priceFen: 10000 },
    ],
  },
  {
    id: 'sample-wz-ouhai-institution',
    name: '示例·瓯海颐养护理院',
    region: 'wenzhou',
    district: 'ouhai',
    address: '温州市瓯海区示例大道100号（示例地址）',
    lat: 27.9667,
    lng: 120.6389,
    phone: '0577-80000002',
    careModes: ['home', 'institution'],
    hospitalTier: null,
    capacity: 200,
    freePlaces: 35,
    items: [
      { name: '机构护理床位', unit: '天', priceFen: 12000 },
      { name: '生活照料', unit: '小时', priceFen: 5000 },
    ],
  },
  {
    id: 'sample-jn-rencheng-hospital',
    name: '示例·任城医养结合中心',
    region: 'jining',
    district: 'rencheng',
    address: '济宁市任城区示例路8号（示例地址）',
    lat: 35.4146,
    lng: 116.595,
    phone: '0537-80000003',
    careModes: ['home', 'institution', 'medical-special'],
    hospitalTier: 2,
    capacity: 80,
    freePlaces: 6,
    items: [
      { name: '医疗专护床日', unit: '天', priceFen: 15000 },
      { name: '上门医疗护理', unit: '次', priceFen: 9000 },
    ],
  },
  {
    id: 'sample-jj-community',
    name: '示例·晋江社区养护康服务点',
    region: 'jinjiang',
    district: null as string | null,
    address: '晋江市示例街道示例社区（示例地址）',
    lat: 24.7815,
    lng: 118.5524,
    phone: '0595-80000004',
    careModes: ['home', 'community'],
    hospitalTier: null,
    capacity: 40,
    freePlaces: 0,
    items: [{ name: '社区集中护理', unit: '天', priceFen: 7000 }],
  },
];

/** The sample provider's own account (role provider), for posting bills and visits in the demo. */
export const DEMO_PROVIDER_ACCOUNT = {
  phone: '13800000006',
  name: '示例·鹿城康护居家护理站（机构账号）',
  providerId: 'sample-wz-lucheng-home',
};

/**
 * Sample providers and the community always; demo accounts (staff, family, provider) and the sample persons
 * who act with them only when `demoAccounts` (not in production: index.ts passes config.devOutbox).
 * `demoHistory` (by default when `demoAccounts` is passed as true, as index.ts and prisma/seed.ts do) adds
 * seed-demo.ts's months of history, dated from today; tests that seed without options get only the basics.
 */
export async function seed(
  prisma: Db,
  opts: { demoAccounts?: boolean; demoHistory?: boolean; config?: Config; now?: Date } = {},
): Promise<void> {
  for (const { items, careModes, ...p } of SAMPLE_PROVIDERS) {
    if (await prisma.provider.findUnique({ where: { id: p.id } })) continue;
    await prisma.provider.create({
      data: {
        ...p,
        careModes: JSON.stringify(careModes),
        isSample: true,
        items: { create: items.map((item, position) => ({ ...item, position })) },
      },
    });
  }
  await prisma.community.upsert({ where: { id: DEMO_COMMUNITY.id }, update: {}, create: DEMO_COMMUNITY });
  if (opts.demoAccounts === false) return;
  await prisma.user.upsert({
    where: { phone: DEMO_PROVIDER_ACCOUNT.phone },
    update: {},
    create: {
      phone: DEMO_PROVIDER_ACCOUNT.phone,
      name: DEMO_PROVIDER_ACCOUNT.name,
      role: 'provider',
      isSample: true,
      providerAccount: { create: { providerId: DEMO_PROVIDER_ACCOUNT.providerId } },
    },
  });

  for (const a of DEMO_ACCOUNTS) {
    await prisma.user.upsert({
      where: { phone: a.phone },
      update: {},
      create: { phone: a.phone, name: a.name, role: a.role, communityId: a.communityId ?? null, isSample: true },
    });
  }
  // Submitted a few days ago, whenever the install is fresh: the queue shows a wait of days, not months.
  const now = opts.now ?? new Date();
  for (const [i, p] of SAMPLE_PERSONS.entries()) {
    const at = new Date(now.getTime() - (3 - i * 2) * 86_400_000);
    if (await prisma.person.findUnique({ where: { idNumber: p.idNumber } })) continue;
    const grantee = await prisma.user.findUniqueOrThrow({ where: { phone: p.grantee } });
    const person = await prisma.person.create({
      data: {
        name: p.name,
        idNumber: p.idNumber,
        birthDate: birthDateOfIdNumber(p.idNumber),
        gender: genderOfIdNumber(p.idNumber),
        region: p.region,
        district: p.district,
        insurance: p.insurance,
        phone: p.phone,
        address: p.address,
        communityId: p.communityId,
        isSample: true,
        createdById: grantee.id,
        consents: {
          create: {
            granteeId: grantee.id,
            relationship: p.relationship,
            method: p.method,
            givenBy: p.givenBy,
            givenAt: at,
            recordedById: grantee.id,
          },
        },
      },
    });
    // One submitted application, so the officer's queue is not empty on a fresh start.
    const application = await prisma.application.create({
      data: {
        personId: person.id,
        state: 'submitted',
        careMode: 'home',
        disabilityCause: 'illness',
        disabilityMonths: 8,
        description: '示例申请：卧床，需要上门护理。',
        visitAddress: p.address,
        createdById: grantee.id,
        submittedAt: at,
      },
    });
    await prisma.applicationEvent.create({
      data: {
        applicationId: application.id,
        move: 'submit',
        fromState: 'draft',
        toState: 'submitted',
        actorId: grantee.id,
        actorRole: grantee.role,
        at,
      },
    });
  }
  if (opts.demoHistory ?? opts.demoAccounts === true) {
    await seedDemoHistory(prisma, { config: opts.config, now: opts.now });
  }
}
