// Pure parser: law text (rules/law) -> clauses. No I/O, so the test can re-run it against the checked-in JSON.
import type { Clause } from '../src/clauses';
import type { DocId } from '../src/domain';

/** File of each document in rules/law (see the README there). */
export const LAW_FILES: Readonly<Record<DocId, string>> = {
  'jilin-2022': 'jilin-2022.txt',
  'jilin-2017': 'jilin-2017.txt',
  'wenzhou-2023': 'wenzhou-2023.txt',
  'jinjiang-2023': 'jinjiang-2023.txt',
  'jining-2022': 'jining-2022.txt',
};

/** The originals' file names, for the optional byte-for-byte check against the project's seeds folder. */
export const SEED_FILES: Readonly<Record<DocId, string>> = {
  'jilin-2022': '000_eae6cac11a5e34ad.txt',
  'jilin-2017': '001_2ef04719ff02ea72.txt',
  'wenzhou-2023': '002_aa8dfcda11284bc7.txt',
  'jinjiang-2023': '003_8667cc5376594c2d.txt',
  'jining-2022': '004_cb7c8d6f5506443f.txt',
};

/** jilin-2022 numbers its sub-clauses (一)…(十五) across sections, so they are cited without the section. */
const CONTINUOUS_SUBCLAUSES: ReadonlySet<DocId> = new Set(['jilin-2022']);

const CN = '一二三四五六七八九十';
const SECTION_RE = new RegExp(`^([${CN}]+)、(.*)$`);
const SUBCLAUSE_RE = new RegExp(`^[（(]([${CN}]+)[）)](.*)$`);
const ITEM_RE = /^(\d+)[.．](.*)$/;
const SUBITEM_RE = /^[（(](\d+)[）)](.*)$/;
/** Distribution lines that close an official document (抄送, 印发) start the §附 trailer. */
const TRAILER_RE = /^(抄送|抄报)[：:]|印发$/;
/** A paragraph that ends like this is complete; anything else was cut by a page or line break. */
const COMPLETE_END_RE = /[。：；！？:;!?][”’）)]?$/;
/** Titles end with the document type (optionally followed by a bracketed note such as （2023-2025年）). */
const TITLE_END_RE = /(通知|意见|方案|规定|办法|决定|细则)(（[^（）]*）)?$/;
/** Full-width punctuation, CJK brackets and curly quotes: spaces next to them are layout debris. */
const CJK_PUNCT = '\u3000-\u303f\uff00-\uffef“”‘’';
/** Headings are short phrases (提高认识,加强领导 has a comma); longer openings are prose, not titles. */
const MAX_TITLE_CHARS = 20;

type Level = 0 | 1 | 2 | 3; // section, sub-clause, item, sub-item

interface Node {
  level: Level;
  num: number;
  id: string;
  title: string;
  parent: Node | null;
  paragraphs: string[];
  children: Node[];
}

/** 一 … 九十九 -> 1 … 99 (the seeds never go above 十五). */
export function chineseNumeral(s: string): number {
  const digit = (c: string): number => CN.indexOf(c) + 1;
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s);
  const tens = ten === 0 ? 1 : digit(s.slice(0, ten));
  const ones = ten === s.length - 1 ? 0 : digit(s.slice(ten + 1));
  return tens * 10 + ones;
}

/** Collapse tabs, ideographic and trailing spaces; drop spaces beside CJK punctuation and after clause markers. */
export function normaliseLine(line: string): string {
  return line
    .replace(/[\s\u3000\u00a0\ufeff]+/g, ' ')
    .trim()
    .replace(new RegExp(` ?([${CJK_PUNCT}]) ?`, 'g'), '$1')
    .replace(new RegExp(`^(\\d+[.．]|[（(](?:[${CN}]+|\\d+)[）)]) `), '$1');
}

function isMarker(p: string): boolean {
  return [SECTION_RE, SUBCLAUSE_RE, ITEM_RE, SUBITEM_RE].some((re) => re.test(p));
}

/** A heading on a line of its own (二、待遇保障, （十）规范基金支付): never continued by the next line. */
function isBareHeading(p: string): boolean {
  return isMarker(p) && !p.includes('。');
}

/** Re-join prose that page breaks cut mid-sentence ("试点地" + "区经验"); headings and markers start paragraphs. */
function joinBrokenLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !COMPLETE_END_RE.test(prev) && !isBareHeading(prev) && !isMarker(line)) {
      out[out.length - 1] = prev + line;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Header lines stay separate, except a title wrapped over two lines ("…关于进一步" + "推进…的通知"). */
function joinTitleLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.includes('关于') && !COMPLETE_END_RE.test(prev) && !TITLE_END_RE.test(prev)) {
      out[out.length - 1] = prev + line;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** The heading words after a marker: "支付标准。长期…" -> 支付标准; prose openings give ''. */
function titleOf(rest: string): string {
  const stop = rest.indexOf('。');
  const head = stop < 0 ? rest : rest.slice(0, stop);
  return head.length <= MAX_TITLE_CHARS ? head : '';
}

function textOf(node: Node): string {
  return [...node.paragraphs, ...node.children.map(textOf)].join('\n');
}

function flatten(node: Node, out: Clause[]): void {
  out.push({ id: node.id, title: node.title, text: textOf(node), parent: node.parent?.id ?? null });
  node.children.forEach((child) => flatten(child, out));
}

/** Builds the clause tree of the body (first 一、 up to the trailer); numbering must run 1, 2, 3 … without gaps. */
function parseBody(docId: DocId, paragraphs: readonly string[]): Node[] {
  const sections: Node[] = [];
  const open: (Node | undefined)[] = []; // innermost open node per level
  let lastSubclause = 0; // for continuous numbering

  const fail = (msg: string, p: string): never => {
    throw new Error(`${docId}: ${msg}: "${p.slice(0, 40)}"`);
  };

  for (const p of paragraphs) {
    const section = SECTION_RE.exec(p);
    const sub = SUBCLAUSE_RE.exec(p);
    const item = ITEM_RE.exec(p);
    const subitem = SUBITEM_RE.exec(p);

    let level: Level;
    let num: number;
    let rest: string;
    if (section) [level, num, rest] = [0, chineseNumeral(section[1]), section[2]];
    else if (sub) [level, num, rest] = [1, chineseNumeral(sub[1]), sub[2]];
    else if (item) [level, num, rest] = [2, Number(item[1]), item[2]];
    else if (subitem) [level, num, rest] = [3, Number(subitem[1]), subitem[2]];
    else {
      // Unnumbered paragraph: continues the innermost open clause.
      const inner = [...open].reverse().find((n) => n !== undefined) ?? fail('text before the first section', p);
      inner.paragraphs.push(p);
      continue;
    }

    const parent = level === 0 ? null : (open[level - 1] ?? fail('numbered clause without an enclosing clause', p));
    const siblings = parent ? parent.children : sections;
    const continuous = level === 1 && CONTINUOUS_SUBCLAUSES.has(docId);
    const expected = continuous ? lastSubclause + 1 : siblings.length + 1;
    if (num !== expected) fail(`numbering gap or restart, expected ${expected}`, p);
    if (continuous) lastSubclause = num;

    const marker = p.slice(0, p.length - rest.length);
    const id =
      level === 0
        ? `§${marker.slice(0, -1)}`
        : level === 1
          ? `${continuous ? '§' : parent!.id}(${marker.slice(1, -1)})`
          : level === 2
            ? `${parent!.id}${num}`
            : `${parent!.id}(${num})`;
    const node: Node = { level, num, id, title: titleOf(rest), parent, paragraphs: [p], children: [] };
    siblings.push(node);
    open[level] = node;
    open.length = level + 1; // closes deeper levels
  }
  return sections;
}

/**
 * Splits one seed document into clauses: §标题 (everything above the preamble, cover letter included),
 * §前言 (the paragraph opening with 为… just before 一、), the numbered clauses, and §附 (抄送/印发 lines).
 */
export function extractClauses(docId: DocId, text: string): Clause[] {
  const lines = text
    .split(/\r?\n/)
    .map(normaliseLine)
    .filter((l) => l !== '');
  const firstSection = lines.findIndex((l) => SECTION_RE.test(l));
  if (firstSection < 0) throw new Error(`${docId}: no section 一、`);
  // Every preamble in the seeds opens with 为 ("in order to …"); cover letters and titles above it do not.
  let preamble = firstSection - 1;
  while (preamble >= 0 && !lines[preamble].startsWith('为')) preamble--;
  if (preamble < 0) throw new Error(`${docId}: no preamble (为…) before 一、`);
  const trailerAt = lines.findIndex((l, i) => i > firstSection && TRAILER_RE.test(l));
  const trailer = trailerAt < 0 ? lines.length : trailerAt;

  const clauses: Clause[] = [];
  const header = joinTitleLines(lines.slice(0, preamble));
  if (header.length > 0) clauses.push({ id: '§标题', title: '标题', text: header.join('\n'), parent: null });
  const intro = joinBrokenLines(lines.slice(preamble, firstSection));
  clauses.push({ id: '§前言', title: '前言', text: intro.join('\n'), parent: null });
  parseBody(docId, joinBrokenLines(lines.slice(firstSection, trailer))).forEach((s) => flatten(s, clauses));
  if (trailer < lines.length) {
    clauses.push({ id: '§附', title: '附', text: lines.slice(trailer).join('\n'), parent: null });
  }

  const seen = new Set<string>();
  for (const c of clauses) {
    if (seen.has(c.id)) throw new Error(`${docId}: duplicate clause id ${c.id}`);
    seen.add(c.id);
  }
  return clauses;
}

/** All documents, keyed in LAW_FILES order; readLaw returns a law file's text. */
export function extractAll(readLaw: (file: string) => string): Record<DocId, Clause[]> {
  const entries = (Object.keys(LAW_FILES) as DocId[]).map((doc) => [doc, extractClauses(doc, readLaw(LAW_FILES[doc]))]);
  return Object.fromEntries(entries) as Record<DocId, Clause[]>;
}
