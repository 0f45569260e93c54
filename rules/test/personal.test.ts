// 身份证号 per GB 11643-1999 (address code's first two digits from GB/T 2260, birth date, check digit) and
// the masking every log and answer uses: tables with cases on both sides of each check.
import {
  birthDateOfIdNumber,
  genderOfIdNumber,
  idNumberProblem,
  maskIdNumber,
  maskPersonalData,
  maskPhone,
} from '../src';

/** The check digit of GB 11643 §8.2 for the first 17 digits. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('idNumberProblem', () => {
  it.each([
    ['330302194501011239', null],
    [withCheck('11010519491231002'), null],
    [withCheck('65010219800101001'), null],
    [withCheck('81000019800101001'), null],
    [withCheck('83000019800101001'), null],
    [withCheck('10010519491231002'), 'region'],
    [withCheck('00000019450101123'), 'region'],
    [withCheck('66010219800101001'), 'region'],
    [withCheck('70010219800101001'), 'region'],
    [withCheck('84000019800101001'), 'region'],
    [withCheck('33030218891231001'), 'birth-date'],
    [withCheck('33030218900101001'), null],
    [withCheck('33030219450230001'), 'birth-date'],
    [withCheck('33030219480229001'), null],
    ['330302194501011238', 'checksum'],
    ['33030219450101123', 'format'],
    ['33030219450101123Y', 'format'],
  ])('%s → %s', (id, problem) => {
    expect(idNumberProblem(id)).toBe(problem);
  });

  it('refuses a birth date after today, and takes today itself', () => {
    const born = withCheck('33030220261202001');
    expect(idNumberProblem(born, '2026-12-01')).toBe('birth-date');
    expect(idNumberProblem(born, '2026-12-02')).toBeNull();
  });

  it('accepts a lower-case x as the check digit', () => {
    const withX = Array.from({ length: 100 }, (_, i) => withCheck(`33030219450101${String(i).padStart(3, '0')}`)).find(
      (id) => id.endsWith('X'),
    )!;
    expect(idNumberProblem(withX)).toBeNull();
    expect(idNumberProblem(withX.toLowerCase())).toBeNull();
    expect(idNumberProblem(withX.slice(0, 17) + '0')).toBe('checksum');
  });

  it('reads the birth date and sex from the number', () => {
    expect(birthDateOfIdNumber('330302194501011239')).toBe('1945-01-01');
    expect(genderOfIdNumber('330302194501011239')).toBe('male');
    expect(genderOfIdNumber(withCheck('33030219450101122'))).toBe('female');
  });
});

describe('masking', () => {
  it.each([
    ['330302194501011239', '3303**********1239'],
    ['13912345678', '139****5678'],
  ])('masks %s as %s', (raw, masked) => {
    expect(raw.length === 11 ? maskPhone(raw) : maskIdNumber(raw)).toBe(masked);
  });

  it.each([
    ['电话139.1111.2222', '电话139****2222'],
    ['电话(139)11112222', '电话(139****2222'],
    ['身份证330302194501011239号', '身份证3303**********1239号'],
    ['共10位数字0123456789', '共10位数字0123456789'],
  ])('in free text: %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
