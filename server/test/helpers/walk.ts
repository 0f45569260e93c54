// Walks an application through the state machine to any state, with the role each move needs.
import type { ApplicationState } from '@changhu/rules';
import { MOVES, type MoveId } from '../../src/services/stateMachine';
import type { Role } from '../../src/lib/roles';
import { bearer, type TestApp } from './app';
import { addDraft, addPerson, move, PNG } from './fixtures';

export const PATH_TO: Record<ApplicationState, MoveId[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'return'],
  accepted: ['submit', 'accept'],
  'assessment-scheduled': ['submit', 'accept', 'schedule'],
  assessed: ['submit', 'accept', 'schedule', 'assess'],
  publicized: ['submit', 'accept', 'schedule', 'assess', 'publicize'],
  approved: ['submit', 'accept', 'schedule', 'assess', 'publicize', 'approve'],
  rejected: ['submit', 'accept', 'schedule', 'assess', 'publicize', 'reject'],
  'objection-filed': ['submit', 'accept', 'schedule', 'assess', 'publicize', 'approve', 'object'],
  reassessed: ['submit', 'accept', 'schedule', 'assess', 'publicize', 'approve', 'object', 'reassess'],
};

/** A complete, valid body for each move on `today`: the visit is today and the publicity ends today. */
export function moveBody(id: MoveId, today = '2026-05-20'): Record<string, unknown> {
  const extra: Partial<Record<MoveId, Record<string, unknown>>> = {
    return: { reason: '缺少病历材料' },
    schedule: { scheduledFor: today },
    assess: { grade: 'severe-2' },
    publicize: { publicityEndsOn: today },
    reject: { reason: '评估等级未达到重度失能' },
    object: { reason: '老人情况比评估时更重' },
    reassess: { grade: 'severe-3' },
  };
  return { move: id, ...(extra[id] ?? {}) };
}

/** The role that makes a move in the walk: the officer where allowed, otherwise the family. */
export function actorOf(id: MoveId): Role {
  return (MOVES[id].roles as readonly Role[]).includes('officer') ? 'officer' : 'resident';
}

const DAY = 86_400_000;
const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/** Uploads a small ID-card picture to a draft, as the family does before submitting. */
export async function addMaterial(t: TestApp, token: string, applicationId: string): Promise<void> {
  const res = await t.http
    .post(`/api/v1/applications/${applicationId}/materials`)
    .set(bearer(token))
    .field('kind', 'id-card')
    .attach('file', PNG, 'id-card.png');
  if (res.status !== 201) throw new Error(`addMaterial: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * A new person's application walked to `state`, with a material uploaded. The steps up to the publicity run
 * two days before the test's clock (the visit that day, the publicity ending the next day), so the decision
 * and whatever the test does next happen on its own clock with the publicity over. `bodies` overrides a
 * move's body (e.g. the grade of `assess`).
 */
export async function applicationIn(
  t: TestApp,
  tokens: Record<Role, string>,
  state: ApplicationState,
  personOverrides: Record<string, unknown> = {},
  bodies: Partial<Record<MoveId, Record<string, unknown>>> = {},
): Promise<string> {
  const person = await addPerson(t, tokens.resident, personOverrides);
  const app = await addDraft(t, tokens.resident, person.id);
  const path = PATH_TO[state];
  if (path.length) await addMaterial(t, tokens.resident, app.id);
  const start = t.now();
  const earlier = path.includes('schedule');
  if (earlier) t.setNow(new Date(start.getTime() - 2 * DAY));
  for (const id of path) {
    t.advance(1000);
    if (earlier && (id === 'approve' || id === 'reject')) t.setNow(new Date(start.getTime() + 1000));
    const body = { ...moveBody(id, shanghaiDay(t.now())), ...(bodies[id] ?? {}) };
    if (id === 'publicize' && !bodies.publicize) body.publicityEndsOn = shanghaiDay(new Date(start.getTime() - DAY));
    const res = await move(t, tokens[actorOf(id)], app.id, body);
    if (res.status !== 200) throw new Error(`walk to ${state}: ${id} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (earlier && t.now() < start) t.setNow(new Date(start.getTime() + 1000));
  return app.id;
}
