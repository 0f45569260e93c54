// Benefits over HTTP and a real SQLite file: from an approved application to a benefit (start month from
// the rules), one mode at a time, changes at the next month boundary, suspensions, stop, audit and access.
import { benefitStart, offeredModes } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { approvedApplication, benefitTestApp, HOME, INSTITUTION } from './helpers/benefit';
import { applicationIn } from './helpers/walk';

let t: TestApp;
let tokens: Record<Role, string>;
let stranger: string;
beforeAll(async () => {
  ({ t, tokens, stranger } = await benefitTestApp());
});
afterAll(() => t.close());

/** An application approved today with grade severe-3 (wenzhou, lucheng). */
const approved = () => approvedApplication(t, tokens);

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));

describe('an approved application becomes a benefit', () => {
  let benefitId: string;
  let applicationId: string;

  it('an officer records the chosen mode and provider; the first month comes from the rules', async () => {
    applicationId = await approved();
    const res = await post(tokens.officer, '/benefits', {
      applicationId,
      careMode: 'home',
      providerId: HOME,
      planItems: ['助浴', '生活照料'],
    });
    expect(res.status).toBe(201);
    const start = benefitStart('2026-05-20', 'wenzhou');
    expect(res.body).toMatchObject({
      state: 'active',
      startMonth: start.month,
      approvalDate: '2026-05-20',
      grade: 'severe-3',
      current: { careMode: 'home', providerId: HOME, fromMonth: start.month, scheduled: false },
      planItems: ['助浴', '生活照料'],
    });
    expect(res.body.citations).toEqual(expect.arrayContaining(start.citations));
    expect(res.body.person.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    benefitId = res.body.id;
  });

  it('the family sees it; a stranger gets 404; staff read it; the provider sees its own client', async () => {
    expect((await get(tokens.resident, `/benefits/${benefitId}`)).status).toBe(200);
    expect((await get(tokens.agent, `/benefits/${benefitId}`)).status).toBe(200);
    expect((await get(tokens.admin, `/benefits/${benefitId}`)).status).toBe(200);
    // The provider serves the person once the plan is in force (June), not while it is only booked.
    expect((await get(tokens.provider, `/benefits/${benefitId}`)).status).toBe(404);
    const before = t.now();
    t.setNow('2026-06-01T02:00:00Z');
    expect((await get(tokens.provider, `/benefits/${benefitId}`)).status).toBe(200);
    const mine = await get(tokens.resident, '/benefits');
    expect(mine.body.map((b: { id: string }) => b.id)).toContain(benefitId);
    const other = await get(stranger, `/benefits/${benefitId}`);
    expect(other.status).toBe(404);
    expectErrorShape(other.body);
    expect((await get(tokens['community-worker'], `/benefits/${benefitId}`)).status).toBe(404);
    expect((await get(stranger, '/benefits')).body).toEqual([]);
    // The provider now sees its client among persons, masked.
    const persons = await get(tokens.provider, '/persons');
    expect(persons.body).toHaveLength(1);
    expect(persons.body[0].phone).toMatch(/\*{4}/);
    t.setNow(before);
  });

  it('one benefit (one mode) at a time: a second benefit for the same application is 409', async () => {
    const res = await post(tokens.officer, '/benefits', { applicationId, careMode: 'family', providerId: HOME });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('benefit-exists');
  });

  it('a change of mode or provider is scheduled for the next month boundary, and replaced if asked again', async () => {
    t.setNow('2026-06-10T02:00:00Z');
    const res = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
      providerId: INSTITUTION,
      reason: '家里照顾不过来',
    });
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({ careMode: 'home', providerId: HOME });
    expect(res.body.plans).toEqual([
      expect.objectContaining({ fromMonth: '2026-06', careMode: 'home', scheduled: false }),
      expect.objectContaining({
        fromMonth: '2026-07',
        careMode: 'institution',
        providerId: INSTITUTION,
        scheduled: true,
      }),
    ]);
    const again = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'family',
      providerId: HOME,
    });
    expect(again.status).toBe(200);
    expect(again.body.plans).toHaveLength(2);
    expect(again.body.plans[1]).toMatchObject({ fromMonth: '2026-07', careMode: 'family', providerId: HOME });
    t.setNow('2026-07-02T02:00:00Z');
    const later = await get(tokens.resident, `/benefits/${benefitId}`);
    expect(later.body.current).toMatchObject({ fromMonth: '2026-07', careMode: 'family', scheduled: false });
  });

  it('refuses a change to a mode the provider does not offer, or the region does not offer', async () => {
    const notByProvider = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
    });
    expect(notByProvider.status).toBe(400);
    expect(notByProvider.body.error.details[0].path).toBe('providerId');
    expect(offeredModes('wenzhou', '2026-08')).not.toContain('community');
    const notInRegion = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, { careMode: 'community' });
    expect(notInRegion.status).toBe(400);
    expect(notInRegion.body.error.details[0].path).toBe('careMode');
    const nothing = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, {});
    expect(nothing.status).toBe(400);
  });

  it('suspends for a hospital stay (open), refuses an overlap, resumes, and keeps the audit trail', async () => {
    const open = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'hospital-stay',
      from: '2026-07-05',
    });
    expect(open.status).toBe(201);
    // Entered on 2026-07-02 for a stay from 07-05: the benefit shows active until the stay starts.
    expect(open.body.state).toBe('active');
    const suspensionId = open.body.suspensions[0].id;
    const overlap = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'institution-stay',
      from: '2026-06-20',
      to: '2026-07-06',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('overlapping-suspension');
    expectErrorShape(overlap.body);
    // Dates in the family's words, never as ISO strings.
    expect(overlap.body.error.message).toContain('（2026年7月5日至今）');
    expect(overlap.body.error.message).not.toMatch(/\d{4}-\d{2}/);
    const early = await t.http
      .patch(`/api/v1/benefits/${benefitId}/suspensions/${suspensionId}`)
      .set(bearer(tokens.officer))
      .send({ to: '2026-07-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toEqual([{ path: 'to', message: '应不早于2026年7月5日' }]);
    const resumed = await t.http
      .patch(`/api/v1/benefits/${benefitId}/suspensions/${suspensionId}`)
      .set(bearer(tokens.officer))
      .send({ to: '2026-07-14' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.state).toBe('active');
    expect(resumed.body.suspensions[0]).toMatchObject({
      from: '2026-07-05',
      to: '2026-07-14',
      reason: 'hospital-stay',
    });
    const closed = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'institution-stay',
      from: '2026-06-01',
      to: '2026-06-03',
    });
    expect(closed.status).toBe(201);
    expect(closed.body.state).toBe('active');
    const events = await get(tokens.resident, `/benefits/${benefitId}/events`);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'change-plan',
      'change-plan',
      'suspend',
      'resume',
      'suspend',
    ]);
    expect(events.body[3]).toMatchObject({ from: 'active', to: 'active', actorRole: 'officer' });
    // Wenzhou's documents do not say it: the suspension is practice, with no jilin-2022 citation.
    expect(events.body[3].data).toMatchObject({ basis: 'practice', citations: [] });
  });

  it.each([
    ['an unknown reason', { reason: 'holiday', from: '2026-08-01' }, 'reason'],
    ['an impossible date', { reason: 'hospital-stay', from: '2026-02-30' }, 'from'],
    ['an end before the start', { reason: 'hospital-stay', from: '2026-08-10', to: '2026-08-01' }, 'to'],
    ['a start before the benefit', { reason: 'hospital-stay', from: '2026-05-25', to: '2026-05-26' }, 'from'],
  ])('refuses a suspension with %s (400)', async (_name, body, field) => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it.each(['resident', 'community-worker', 'agent', 'admin', 'provider'] as Role[])(
    'refuses %s recording a suspension or a stop (403)',
    async (role) => {
      const res = await post(tokens[role], `/benefits/${benefitId}/suspensions`, {
        reason: 'hospital-stay',
        from: '2026-09-01',
      });
      expect(res.status).toBe(403);
      const stop = await post(tokens[role], `/benefits/${benefitId}/stop`, { on: '2026-09-30', reason: '测试' });
      expect(stop.status).toBe(403);
    },
  );

  it('refuses agents, admins and providers creating benefits or changing plans (403); strangers 404', async () => {
    for (const role of ['agent', 'admin', 'provider', 'resident'] as Role[]) {
      const res = await post(tokens[role], '/benefits', { applicationId, careMode: 'home', providerId: HOME });
      expect(res.status).toBe(403);
    }
    for (const role of ['agent', 'admin', 'provider'] as Role[]) {
      const res = await post(tokens[role], `/benefits/${benefitId}/plan-changes`, { careMode: 'home' });
      expect(res.status).toBe(403);
    }
    const res = await post(stranger, `/benefits/${benefitId}/plan-changes`, { careMode: 'home' });
    expect(res.status).toBe(404);
  });

  it('stops the benefit, closing any open suspension; nothing more can be changed', async () => {
    await post(tokens.officer, `/benefits/${benefitId}/suspensions`, { reason: 'hospital-stay', from: '2026-08-10' });
    const res = await post(tokens.officer, `/benefits/${benefitId}/stop`, { on: '2026-08-20', reason: '参保人去世' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'stopped', stoppedOn: '2026-08-20' });
    expect(res.body.suspensions.at(-1)).toMatchObject({ from: '2026-08-10', to: '2026-08-20' });
    const again = await post(tokens.officer, `/benefits/${benefitId}/stop`, { on: '2026-08-21', reason: '重复' });
    expect(again.status).toBe(409);
    const change = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, { careMode: 'home' });
    expect(change.status).toBe(409);
  });
});

describe('refusals when creating a benefit', () => {
  beforeAll(() => t.setNow('2026-05-20T02:00:00Z'));

  it('refuses an application that is not approved (409)', async () => {
    const id = await applicationIn(t, tokens, 'publicized');
    const res = await post(tokens.officer, '/benefits', { applicationId: id, careMode: 'home', providerId: HOME });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('application-not-approved');
    const missing = await post(tokens.officer, '/benefits', {
      applicationId: 'nope',
      careMode: 'home',
      providerId: HOME,
    });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['an unknown mode', { careMode: 'spa', providerId: HOME }, 'careMode'],
    ['a mode the region does not offer', { careMode: 'community', providerId: HOME }, 'careMode'],
    ['a provider not offering the mode', { careMode: 'institution', providerId: HOME }, 'providerId'],
    ['a provider of another region', { careMode: 'home', providerId: 'sample-jn-rencheng-hospital' }, 'providerId'],
    ['an unknown provider', { careMode: 'home', providerId: 'nope' }, 'providerId'],
    ['plan items that are not text', { careMode: 'home', providerId: HOME, planItems: [1] }, 'planItems.0'],
  ])('refuses %s (400)', async (_name, body, field) => {
    const applicationId = await approved();
    const res = await post(tokens.officer, '/benefits', { applicationId, ...body });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });
});
