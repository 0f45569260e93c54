// The CLI of api-contract.md, run as a user (or an outside check) runs it.
import { spawnSync } from 'child_process';
import path from 'path';

const root = path.resolve(__dirname, '../..');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'rules/bin/rules.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim() ? JSON.parse(r.stdout) : null };
};

describe('rules CLI', () => {
  test('estimate prints the contract response', () => {
    const { status, out } = run(
      'estimate',
      JSON.stringify({
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee',
        careMode: 'home',
        grade: 'severe-3',
        monthlyBillFen: 350000,
        month: '2024-05',
        asOf: '2024-05-20',
      }),
    );
    expect(status).toBe(0);
    expect(out).toMatchObject({
      monthlyCapFen: 298000,
      eligibleCostFen: 298000,
      fundRatio: 0.8,
      fundPaysFen: 238400,
      personPaysFen: 111600,
      indicative: false,
    });
    expect(out.notes.map((n: { code: string }) => n.code)).toContain('draft-document');
    expect(out.citations).toContainEqual({ doc: 'wenzhou-2023', clause: '§二(五)' });
  });
  test('eligibility prints the contract response', () => {
    const { status, out } = run(
      'eligibility',
      JSON.stringify({
        region: 'jining',
        district: 'liangshan',
        insurance: 'resident',
        grade: null,
        disabilityMonths: 8,
        disabilityCause: 'illness',
        asOf: '2024-05-20',
      }),
    );
    expect(status).toBe(0);
    expect(out.verdict).toBe('not-eligible');
    expect(out.reasons[0]).toMatchObject({ code: 'not-covered', citation: { doc: 'jining-2022', clause: '§一' } });
  });
  test.each([
    ['unknown id', 'estimate', '{"region":"mars","careMode":"home","monthlyBillFen":1}', 'region'],
    ['negative fen', 'estimate', '{"region":"jining","careMode":"home","monthlyBillFen":-5}', 'monthlyBillFen'],
    ['fractional fen', 'estimate', '{"region":"jining","careMode":"home","monthlyBillFen":0.5}', 'monthlyBillFen'],
    ['impossible date', 'eligibility', '{"region":"jining","insurance":"resident","asOf":"2024-04-31"}', 'asOf'],
    [
      'missing grade',
      'estimate',
      '{"region":"wenzhou","careMode":"home","monthlyBillFen":100,"asOf":"2024-05-20"}',
      'grade',
    ],
    ['not JSON', 'estimate', '{region:', ''],
    ['unknown command', 'refund', '{}', 'command'],
  ])('%s → exit 1 with the error JSON', (_name, command, json, p) => {
    const { status, out } = run(command, json);
    expect(status).toBe(1);
    expect(out.error.code).toBe('invalid-input');
    expect(out.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(out.error.details[0].path).toBe(p);
  });
});
