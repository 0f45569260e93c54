// The hot reads (prepared statements on SQLite) give exactly what Prisma gives for the same rows: every column,
// dates as Date, booleans as boolean, the same providers for each filter. A column added to the schema with a type
// the mapper does not know shows up here.
import crypto from 'node:crypto';
import { hotReads, sqliteDate } from '../src/hotReads';
import { buildWorld, type World } from './helpers/world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 120_000);
afterAll(() => w?.t.close());

const hot = () => hotReads(w.t.db.prisma)!;

describe('hot reads on SQLite', () => {
  it('read a session and its user as Prisma does', async () => {
    const prisma = w.t.db.prisma;
    const hash = crypto.createHash('sha256').update(w.victim).digest('hex');
    const viaPrisma = await prisma.session.findUnique({ where: { tokenHash: hash }, include: { user: true } });
    const viaHot = await hot().sessionUser(hash);
    expect(viaPrisma).not.toBeNull();
    expect(viaHot).toEqual({ expiresAt: viaPrisma!.expiresAt, revokedAt: viaPrisma!.revokedAt, user: viaPrisma!.user });
    expect(await hot().sessionUser('no such hash')).toBeNull();
  });

  it('read an application with its person and material count as Prisma does', async () => {
    const prisma = w.t.db.prisma;
    for (const id of [w.f.draftId, w.f.applicationId]) {
      const viaPrisma = await prisma.application.findUnique({
        where: { id },
        include: { person: true, _count: { select: { materials: true } } },
      });
      expect(await hot().application(id)).toEqual(viaPrisma);
    }
    expect((await hot().application(w.f.draftId))!._count.materials).toBe(1);
    expect(await hot().application('no-such-id')).toBeNull();
  });

  it('know who acts for a person, and forget a revoked consent', async () => {
    const prisma = w.t.db.prisma;
    const consent = await prisma.consent.findUniqueOrThrow({ where: { id: w.f.consentId } });
    expect(await hot().actsFor(consent.personId, consent.granteeId)).toBe(!consent.revokedAt);
    await prisma.consent.update({ where: { id: consent.id }, data: { revokedAt: new Date() } });
    expect(await hot().actsFor(consent.personId, consent.granteeId)).toBe(false);
  });

  it.each([
    [{}, undefined],
    [{ region: 'wenzhou' }, { region: 'wenzhou' }],
    [
      { region: 'wenzhou', district: 'ouhai' },
      { region: 'wenzhou', district: 'ouhai' },
    ],
    [{ q: '护理' }, { OR: [{ name: { contains: '护理' } }, { address: { contains: '护理' } }] }],
    [
      { region: 'jining', q: '任城' },
      { region: 'jining', OR: [{ name: { contains: '任城' } }, { address: { contains: '任城' } }] },
    ],
  ])('list the providers of %j as Prisma does, with their items', async (filter, where) => {
    const prisma = w.t.db.prisma;
    const viaPrisma = await prisma.provider.findMany({ where, include: { items: true }, orderBy: { id: 'asc' } });
    const viaHot = (await hot().providers(filter, true, 2000)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const byPosition = <T extends { items: { position: number }[] }>(ps: T[]) =>
      ps.map((p) => ({ ...p, items: [...p.items].sort((a, b) => a.position - b.position) }));
    expect(viaHot.length).toBeGreaterThan(0);
    expect(byPosition(viaHot)).toEqual(byPosition(viaPrisma));
  });

  it('take a wildcard in a search literally, and keep to the limit', async () => {
    expect(await hot().providers({ q: '%' }, false, 2000)).toEqual([]);
    expect(await hot().providers({ q: '_' }, false, 2000)).toEqual([]);
    expect(await hot().providers({}, false, 2)).toHaveLength(2);
  });

  it.each([
    ['2026-05-20T02:00:00.000+00:00', '2026-05-20T02:00:00.000Z'],
    ['2026-05-20 02:00:00', '2026-05-20T02:00:00.000Z'],
    [1779242400000, '2026-05-20T02:00:00.000Z'],
  ])('reads the stored date %j as %s', (stored, iso) => {
    expect(sqliteDate(stored).toISOString()).toBe(iso);
  });
});
