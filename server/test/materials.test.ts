import fs from 'node:fs';
import path from 'node:path';
import { bearer, createTestApp, expectErrorShape, signInAllRoles, type TestApp } from './helpers/app';
import { addDraft, addPerson, JPEG, move, PDF, PNG } from './helpers/fixtures';
import type { Role } from '../src/lib/roles';

let t: TestApp;
let tokens: Record<Role, string>;
let draftId: string;
beforeAll(async () => {
  t = await createTestApp({ config: { maxUploadBytes: 64 * 1024 } });
  tokens = await signInAllRoles(t);
  const person = await addPerson(t, tokens.resident);
  draftId = (await addDraft(t, tokens.resident, person.id)).id;
});
afterAll(() => t.close());

const upload = (file: Buffer, name: string, kind = 'medical-record', id = draftId) =>
  t.http
    .post(`/api/v1/applications/${id}/materials`)
    .set(bearer(tokens.resident))
    .field('kind', kind)
    .attach('file', file, name);

describe('materials', () => {
  it.each([
    ['a PNG', PNG, 'a.png', 'image/png'],
    ['a JPEG', JPEG, 'a.jpg', 'image/jpeg'],
    ['a PDF', PDF, '病历.pdf', 'application/pdf'],
  ])('accepts %s, typed by its bytes, and serves it back only to those allowed', async (_n, bytes, name, type) => {
    const res = await upload(bytes, name);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: type, sizeBytes: bytes.length, fileName: name });
    const content = await t.http
      .get(`/api/v1/applications/${draftId}/materials/${res.body.id}/content`)
      .set(bearer(tokens.officer))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(content.status).toBe(200);
    expect(content.headers['content-type']).toBe(type);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
  });

  it('refuses a file whose bytes are not JPEG, PNG or PDF, whatever its name and declared type', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const res = await t.http
      .post(`/api/v1/applications/${draftId}/materials`)
      .set(bearer(tokens.resident))
      .field('kind', 'id-card')
      .attach('file', html, { filename: 'photo.png', contentType: 'image/png' });
    expect(res.status).toBe(415);
    expectErrorShape(res.body);
    const exe = await upload(Buffer.from('MZ\x90\x00\x03'), 'id.jpg');
    expect(exe.status).toBe(415);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(t.config.maxUploadBytes)]);
    const res = await upload(big, 'big.png');
    expect(res.status).toBe(413);
    expectErrorShape(res.body);
  });

  it('refuses an upload without a file, with an unknown kind, or as JSON', async () => {
    const noFile = await t.http
      .post(`/api/v1/applications/${draftId}/materials`)
      .set(bearer(tokens.resident))
      .field('kind', 'id-card');
    expect(noFile.status).toBe(400);
    expectErrorShape(noFile.body);
    const badKind = await upload(PNG, 'a.png', 'selfie');
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details[0].path).toBe('kind');
    const json = await t.http
      .post(`/api/v1/applications/${draftId}/materials`)
      .set(bearer(tokens.resident))
      .send({ kind: 'id-card' });
    expect(json.status).toBe(415);
    expectErrorShape(json.body);
    const wrongField = await t.http
      .post(`/api/v1/applications/${draftId}/materials`)
      .set(bearer(tokens.resident))
      .field('kind', 'id-card')
      .attach('photo', PNG, 'a.png');
    expect(wrongField.status).toBe(400);
    expectErrorShape(wrongField.body);
  });

  it('stores files in the data directory under random names, not under the file name', async () => {
    const res = await upload(PDF, 'secret-name.pdf');
    const row = await t.db.prisma.material.findUniqueOrThrow({ where: { id: res.body.id } });
    const stored = path.join(t.config.dataDir, 'uploads', row.storageKey);
    expect(fs.existsSync(stored)).toBe(true);
    expect(row.storageKey).not.toContain('secret');
    expect(JSON.stringify(res.body)).not.toContain(row.storageKey);
  });

  it('takes uploads only while the application is a draft', async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    await move(t, tokens.resident, draft.id, { move: 'submit' });
    const res = await upload(PNG, 'late.png', 'id-card', draft.id);
    expect(res.status).toBe(409);
    expectErrorShape(res.body);
  });
});
