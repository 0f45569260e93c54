// Request bodies that tests reuse; id numbers are made up with a valid GB 11643 check digit.
import { withCheckDigit } from '../../src/seed';
import type { TestApp } from './app';
import { bearer } from './app';

let serial = 100;

/** A fresh valid id number born on the given date (default 1945-03-07). */
export function newIdNumber(birth = '19450307'): string {
  serial += 1;
  return withCheckDigit(`330302${birth}${String(serial).padStart(3, '0').slice(-3)}`);
}

export function personBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试老人',
    idNumber: newIdNumber(),
    region: 'wenzhou',
    district: 'lucheng',
    insurance: 'employee-retired',
    phone: '13700000001',
    address: '温州市鹿城区测试路1号',
    relationship: 'child',
    consent: { method: 'in-person', givenBy: '测试老人', givenAt: '2026-05-01T10:00:00+08:00' },
    ...overrides,
  };
}

export async function addPerson(t: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/v1/persons').set(bearer(token)).send(personBody(overrides));
  if (res.status !== 201) throw new Error(`addPerson: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; idNumberMasked: string };
}

/** A draft application ready to submit. */
export async function addDraft(t: TestApp, token: string, personId: string) {
  const res = await t.http.post('/api/v1/applications').set(bearer(token)).send({ personId, careMode: 'home' });
  if (res.status !== 201) throw new Error(`addDraft: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; state: string };
}

export async function move(t: TestApp, token: string, applicationId: string, body: Record<string, unknown>) {
  return t.http.post(`/api/v1/applications/${applicationId}/moves`).set(bearer(token)).send(body);
}

/** Tiny files with the right magic bytes. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
export const PDF = Buffer.from('%PDF-1.4\n%test\n');
