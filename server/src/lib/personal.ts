// Personal data: 身份证号 (GB 11643-1999) and mainland mobile numbers, validated and masked.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdNumberProblem = 'format' | 'birth-date' | 'checksum';

/** Checks an 18-character citizen id number; returns the problem, or null when valid. */
export function idNumberProblem(raw: string, today?: string): IdNumberProblem | null {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = birthDateOfIdNumber(id);
  if (!isRealDate(birth) || birth < '1890-01-01' || (today !== undefined && birth > today)) return 'birth-date';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17] ? null : 'checksum';
}

/** 'YYYY-MM-DD' from digits 7-14 of the id number. */
export function birthDateOfIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th digit is odd for men, even for women. */
export function genderOfIdNumber(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Mainland mobile: 11 digits starting 1[3-9]. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/** 330302195003071234 → 3303**********1234 (first 4, last 4). */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13800000004 → 138****0004. */
export function maskPhone(phone: string): string {
  if (phone.length !== 11) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '****' + phone.slice(-4);
}

/**
 * Masks every id number and mobile number found in free text (log lines, error messages): also next to
 * letters ("ID330302194501011239"), after +86 or 86 ("+8613912345678"), and spaced or dashed
 * ("139 1234 5678", "3303 0219 4501 0112 39"). Digit runs are matched whole, so a longer number is never
 * half-masked.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/(?<!\d)\d(?:[ -]?\d){16}[ -]?[\dXx](?![\dXx])/g, (m) => maskIdNumber(m.replace(/[ -]/g, '')))
    .replace(/(?<!\d)(\+?86[ -]?)?1[3-9](?:[ -]?\d){9}(?!\d)/g, (m, prefix: string | undefined) => {
      const digits = m.slice(prefix?.length ?? 0).replace(/[ -]/g, '');
      return (prefix ?? '') + maskPhone(digits);
    });
}
