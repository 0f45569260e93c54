// Personal data: 身份证号 (GB 11643-1999) and mainland mobile numbers, validated and masked.
// Pure (no imports): the server and the mini-program check a number with the same function.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * First two digits of an address code (GB 11643 §5.2 → GB/T 2260): the provinces, autonomous regions and
 * municipalities (11–65), 71 台湾, 81 香港, 82 澳门, and 83 for the residence permits of 台湾 residents
 * (港澳台居民居住证, whose numbers start 810000/820000/830000).
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

export type IdNumberProblem = 'format' | 'region' | 'birth-date' | 'checksum';

/** Chinese messages for each problem, for a form field. */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，前17位是数字，最后一位是数字或 X',
  region: '身份证号开头两位不是有效的省份代码，请逐位核对',
  'birth-date': '身份证号中的出生日期不正确',
  checksum: '身份证号校验位不对，请逐位核对',
};

/** Checks an 18-character citizen id number; returns the problem, or null when valid. */
export function idNumberProblem(raw: string, today?: string): IdNumberProblem | null {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return 'region';
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

// Digits as people type them (also full-width ０–９) and what they put between groups: spaces (also the
// ideographic space), dashes, dots, underscores and brackets ("139.1111.2222", "(139)11112222").
const D = '[0-9\uff10-\uff19]';
const S = '[ \u3000\\-._()（）]';
const ID_PATTERN = new RegExp(
  `(?<!${D})${D}(?:${S}?${D}){16}${S}?[0-9Xx\uff10-\uff19ＸｘX](?![0-9Xx\uff10-\uff19])`,
  'g',
);
const PHONE_PATTERN = new RegExp(`(?<!${D})(\\+?86${S}?)?[1１][3-9３-９](?:${S}?${D}){9}(?!${D})`, 'g');

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/** Only the digits (and X) of a typed number, as ASCII. */
function digitsOf(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ＸｘXx]/g, 'X')
    .replace(/[^0-9X]/g, '');
}

/**
 * Masks every id number and mobile number found in free text (log lines, error messages): also next to
 * letters ("ID330302194501011239"), after +86 or 86 ("+8613912345678"), spaced, dashed, dotted, underscored
 * or bracketed ("139 1234 5678", "139.1111.2222", "(139)11112222"), and in full-width digits. Digit runs are
 * matched whole, so a longer number is never half-masked.
 */
export function maskPersonalData(text: string): string {
  // Most log lines hold fewer than 11 digits in all (no phone, no id number): skip the patterns.
  if (digitCount(text) < 11) return text;
  return text
    .replace(ID_PATTERN, (m) => maskIdNumber(digitsOf(m)))
    .replace(
      PHONE_PATTERN,
      (m, prefix: string | undefined) => (prefix ?? '') + maskPhone(digitsOf(m.slice(prefix?.length ?? 0))),
    );
}
