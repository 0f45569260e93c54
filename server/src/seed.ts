// Demo data, idempotent: accounts of every role with fixed phones, one community, and sample persons
// (isSample = true, id numbers made up with a valid GB 11643 check digit). See server/README.md.
import type { Db } from './db';
import { birthDateOfIdNumber, genderOfIdNumber } from './lib/personal';
import type { Role } from './lib/roles';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Completes 17 digits with their check digit. */
export function withCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

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

export async function seed(prisma: Db): Promise<void> {
  await prisma.community.upsert({ where: { id: DEMO_COMMUNITY.id }, update: {}, create: DEMO_COMMUNITY });
  for (const a of DEMO_ACCOUNTS) {
    await prisma.user.upsert({
      where: { phone: a.phone },
      update: {},
      create: { phone: a.phone, name: a.name, role: a.role, communityId: a.communityId ?? null, isSample: true },
    });
  }
  const at = new Date('2026-01-05T02:00:00Z');
  for (const p of SAMPLE_PERSONS) {
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
}
