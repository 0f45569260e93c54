// Refused uploads leave nothing on disk: too large, the wrong type, a lying extension, two files, a bad
// field after the file, a closed application, and a client that hangs up halfway. The files under the data
// directory are counted before and after each; only an accepted upload adds one (and one Material row).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { bearer, createTestApp, DEMO_PHONE, expectErrorShape, signIn, type TestApp } from './helpers/app';
import { addDraft, addPerson, PDF, PNG } from './helpers/fixtures';

let t: TestApp;
let token: string;
let draftId: string;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((d) => (d.isFile() ? [path.join(d.parentPath, d.name)] : []));
}

const materials = () => t.db.prisma.material.count();
const upload = (applicationId = draftId) =>
  t.http.post(`/api/v1/applications/${applicationId}/materials`).set(bearer(token));

beforeAll(async () => {
  t = await createTestApp();
  token = await signIn(t, DEMO_PHONE.resident);
  const person = await addPerson(t, token);
  draftId = (await addDraft(t, token, person.id)).id;
});
afterAll(() => t.close());

describe('refused uploads leave nothing on disk', () => {
  let baseline: string[];

  it('an accepted upload adds exactly one file (so the count below can see one)', async () => {
    expect(filesUnder(t.config.dataDir)).toEqual([]);
    const res = await upload().field('kind', 'id-card').attach('file', PNG, 'id-card.png');
    expect(res.status).toBe(201);
    baseline = filesUnder(t.config.dataDir);
    expect(baseline).toHaveLength(1);
    expect(await materials()).toBe(1);
  });

  const refusals: [string, number, () => ReturnType<typeof upload>][] = [
    [
      'larger than 10 MB',
      413,
      () =>
        upload()
          .field('kind', 'id-card')
          .attach('file', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), 'big.png'),
    ],
    [
      'a web page as a web page',
      415,
      () =>
        upload().field('kind', 'id-card').attach('file', Buffer.from('<html><script>alert(1)</script></html>'), {
          filename: 'page.html',
          contentType: 'text/html',
        }),
    ],
    [
      'a web page named photo.png (a lying extension)',
      415,
      () =>
        upload().field('kind', 'id-card').attach('file', Buffer.from('<html><body>not a picture</body></html>'), {
          filename: 'photo.png',
          contentType: 'image/png',
        }),
    ],
    [
      'a program named report.pdf',
      415,
      () =>
        upload()
          .field('kind', 'id-card')
          .attach('file', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(256, 7)]), {
            filename: 'report.pdf',
            contentType: 'application/pdf',
          }),
    ],
    [
      'two files at once',
      400,
      () => upload().field('kind', 'id-card').attach('file', PNG, 'a.png').attach('file', PDF, 'b.pdf'),
    ],
    [
      'a field with a control character after the file',
      400,
      () => upload().attach('file', PNG, 'a.png').field('kind', 'id\u0007card'),
    ],
    ['an empty file', 400, () => upload().field('kind', 'id-card').attach('file', Buffer.alloc(0), 'empty.png')],
  ];

  it.each(refusals)('%s: refused with a Chinese message, nothing kept', async (_name, status, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectErrorShape(res.body);
    expect(filesUnder(t.config.dataDir)).toEqual(baseline);
    expect(await materials()).toBe(1);
  });

  it('an upload to an application that is no longer a draft: refused, nothing kept', async () => {
    const saved = await t.http
      .patch(`/api/v1/applications/${draftId}`)
      .set(bearer(token))
      .send({ disabilityCause: 'illness', disabilityMonths: 7, description: '中风后卧床' });
    expect(saved.status).toBe(200);
    const submit = await t.http
      .post(`/api/v1/applications/${draftId}/moves`)
      .set(bearer(token))
      .send({ move: 'submit' });
    expect(submit.status).toBe(200);
    const res = await upload().field('kind', 'id-card').attach('file', PNG, 'late.png');
    expect(res.status).toBe(409);
    expectErrorShape(res.body);
    expect(filesUnder(t.config.dataDir)).toEqual(baseline);
  });

  it('a client that hangs up halfway through the file: nothing kept', async () => {
    const person = await addPerson(t, token);
    const other = (await addDraft(t, token, person.id)).id;
    const boundary = 'x-boundary-1234';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nid-card\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.png"\r\n` +
      'Content-Type: image/png\r\n\r\n';
    const port = Number(new URL(t.baseUrl).port);
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /api/v1/applications/${other}/materials HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${head.length + 1_000_000}\r\n\r\n`,
    );
    socket.write(head);
    socket.write(Buffer.concat([PNG, Buffer.alloc(200_000, 3)]));
    // The file is being written now; then the connection drops.
    const until = Date.now() + 5000;
    while (filesUnder(t.config.dataDir).length === baseline.length && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // The half file was on disk (so its removal below is seen, not assumed).
    expect(filesUnder(t.config.dataDir).some((f) => path.basename(f).startsWith('incoming-'))).toBe(true);
    socket.destroy();
    const settled = Date.now() + 5000;
    while (filesUnder(t.config.dataDir).length !== baseline.length && Date.now() < settled) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(filesUnder(t.config.dataDir)).toEqual(baseline);
    expect(await t.db.prisma.material.count({ where: { applicationId: other } })).toBe(0);
  });
});
