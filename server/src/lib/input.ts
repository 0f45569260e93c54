// The one gate every request value passes (JSON bodies, multipart fields, query strings): a bounded nesting
// depth and text the database and a reader can hold. Iterative, so no input can exhaust the stack.
import type { ErrorDetail } from './errors';

/** Deepest nesting a request body may have; the deepest real body (a visit's items) is 3. */
export const MAX_DEPTH = 16;

/** Fields written by people in several lines (a textarea); every other text is one line. */
const MULTILINE_FIELDS = new Set(['description', 'reason', 'note', 'comment', 'text', 'message', 'content']);

// C0 controls except tab, line feed and carriage return; DEL and the C1 controls.
// eslint-disable-next-line no-control-regex -- these are the characters refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
// Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the invisible direction marks:
// they make a name read differently from what is stored.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// A UTF-16 surrogate without its pair ("\ud800" in JSON): no character at all, and SQLite's UTF-8 cannot hold it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Any character one of the checks below looks at; most texts have none, and one test settles them.
// eslint-disable-next-line no-control-regex -- the characters the checks look at
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** Why a text cannot be accepted, in words a person can act on; null when it can. */
export function textProblem(text: string, multiline = false): string | null {
  if (!SUSPECT.test(text)) return null;
  if (LONE_SURROGATE.test(text)) return '含有无法识别的字符（可能是复制时带进来的乱码），请删除后重新输入';
  if (CONTROL.test(text)) return '含有看不见的控制字符，请删除后重新输入';
  if (BIDI.test(text)) return '含有改变文字方向的隐藏字符，请删除后重新输入';
  if (!multiline && LINE_BREAK_OR_TAB.test(text)) return '请写在一行内，不要换行或使用制表符';
  return null;
}

export type InputProblem = { kind: 'too-deep' } | { kind: 'text'; detail: ErrorDetail };

/**
 * Walks a parsed value (object keys and string values) without recursion. Returns the first problem:
 * nesting deeper than maxDepth, or a text textProblem refuses (with the field's path).
 */
export function inputProblem(value: unknown, maxDepth = MAX_DEPTH): InputProblem | null {
  const stack: { value: unknown; path: string; key: string; depth: number }[] = [
    { value, path: '', key: '', depth: 0 },
  ];
  while (stack.length) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      const message = textProblem(v, MULTILINE_FIELDS.has(item.key));
      if (message) return { kind: 'text', detail: { path: item.path, message } };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (item.depth >= maxDepth) return { kind: 'too-deep' };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push({ value: v[i], path: join(item.path, String(i)), key: item.key, depth: item.depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(v)) {
      const keyMessage = textProblem(key);
      if (keyMessage) return { kind: 'text', detail: { path: join(item.path, key), message: `字段名${keyMessage}` } };
      stack.push({
        value: (v as Record<string, unknown>)[key],
        path: join(item.path, key),
        key,
        depth: item.depth + 1,
      });
    }
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Nesting depth of a JSON text, counted before it is parsed (so a 1 MB "[[[[…" never reaches JSON.parse):
 * brackets outside strings. Stops counting once past limit.
 */
export function jsonDepthExceeds(text: string, limit = MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
