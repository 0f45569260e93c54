// Walks an application through the state machine to any state, with the role each move needs.
import type { ApplicationState } from '@changhu/rules';
import { MOVES, type MoveId } from '../../src/services/stateMachine';
import type { Role } from '../../src/lib/roles';
import type { TestApp } from './app';
import { addDraft, addPerson, move } from './fixtures';

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

/** A complete, valid body for each move. */
export function moveBody(id: MoveId, today = '2026-05-20'): Record<string, unknown> {
  const [y, m, d] = today.split('-').map(Number);
  const later = new Date(Date.UTC(y, m - 1, d + 3)).toISOString().slice(0, 10);
  const extra: Partial<Record<MoveId, Record<string, unknown>>> = {
    return: { reason: '缺少病历材料' },
    schedule: { scheduledFor: later },
    assess: { grade: 'severe-2' },
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

export async function applicationIn(
  t: TestApp,
  tokens: Record<Role, string>,
  state: ApplicationState,
  personOverrides: Record<string, unknown> = {},
): Promise<string> {
  const person = await addPerson(t, tokens.resident, personOverrides);
  const app = await addDraft(t, tokens.resident, person.id);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(t.now());
  for (const id of PATH_TO[state]) {
    t.advance(1000);
    const res = await move(t, tokens[actorOf(id)], app.id, moveBody(id, today));
    if (res.status !== 200) throw new Error(`walk to ${state}: ${id} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return app.id;
}
