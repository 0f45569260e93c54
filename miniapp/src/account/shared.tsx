// What the account pages share: the server's person and consent views, a labelled text field with its problem
// shown under it, and the split of a failed call into per-field problems and a general one.
import { Input, View } from '@tarojs/components';
import { attrs } from '../components/a11y';
import { ApiError } from '../lib/api';

export interface PersonView {
  id: string;
  name: string;
  idNumberMasked: string;
  birthDate: string;
  regionName: string;
  districtName: string | null;
  insuranceName: string;
  phone: string;
  address: string;
}

export interface ConsentView {
  id: string;
  granteeId: string;
  granteeName: string | null;
  granteePhone: string;
  granteeRole: string;
  relationship: string;
  method: string;
  givenBy: string;
  givenAt: string;
  revokedAt: string | null;
}

export const RELATIONSHIP_NAMES: Record<string, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  relative: '其他亲属',
  guardian: '监护人',
  'community-help': '社区帮办',
  other: '其他',
};

export const METHOD_NAMES: Record<string, string> = {
  self: '本人账号',
  'in-person': '当面同意',
  'phone-recorded': '电话同意（已录音）',
  written: '书面同意',
};

/** 2026-12-02T10:00:00Z → 2026年12月2日 (Beijing time). */
export function chineseDay(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** Now, as the server wants a time: with Beijing's offset. */
export function beijingNow(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 19) + '+08:00';
}

export type Problems = Record<string, string | undefined>;

/** Field problems from the server's details (first path segment), the rest as one general failure. */
export function splitError(err: unknown, known: string[]): { fields: Problems; general?: ApiError } {
  const e = err instanceof ApiError ? err : new ApiError('server', '没能完成，请再试一次。');
  if (e.problem !== 'input') return { fields: {}, general: e };
  const fields: Problems = {};
  const rest: { path: string; message: string }[] = [];
  for (const d of e.details) {
    const key = known.find((k) => d.path === k || d.path.startsWith(`${k}.`));
    if (key && !fields[key]) fields[key] = d.message;
    else rest.push(d);
  }
  if (!Object.keys(fields).length) return { fields, general: e };
  return { fields, general: rest.length ? new ApiError('input', e.message, rest) : undefined };
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard';
  maxlength?: number;
  /** The form field's name (default: the id) and what the browser may fill in (tel, one-time-code…). */
  name?: string;
  autocomplete?: string;
}

export function Field({
  id,
  label,
  value,
  onChange,
  problem,
  hint,
  placeholder,
  type = 'text',
  maxlength,
  name,
  autocomplete,
}: FieldProps) {
  return (
    <View className="field">
      <View className="field-label" id={`${id}-label`}>
        {label}
      </View>
      {hint && <View className="muted">{hint}</View>}
      <Input
        className="input"
        type={type}
        value={value}
        maxlength={maxlength ?? 140}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        {...attrs({
          'aria-labelledby': `${id}-label`,
          name: name ?? id,
          autocomplete,
          'aria-invalid': problem ? true : undefined,
        })}
      />
      {problem && (
        <View className="problem" {...attrs({ role: 'alert' })}>
          {problem}
        </View>
      )}
    </View>
  );
}
