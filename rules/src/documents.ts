import type { DocId, RegionId } from './domain';
import type { Cite } from './types';

/** The rule base: the five documents of rules/law (README there) with their periods. */
export interface PolicyDocument {
  id: DocId;
  title: string;
  issuer: string;
  /** 文号, where the document carries one. */
  number: string | null;
  /** Date signed or issued, where the text gives it. */
  issued: string | null;
  published: string | null;
  /** The period the rule base applies the document to; `to: null` is open-ended. */
  inForce: { from: string; to: string | null };
  draft: boolean;
  /** Where the period comes from, and how it was read when the text does not state it. */
  periodBasis: string;
  cite: Cite[];
}

export const DOCUMENTS: readonly PolicyDocument[] = [
  {
    id: 'jilin-2022',
    title: '关于开展长期护理保险居家照护服务试点工作的指导意见',
    issuer: '吉林省医疗保障局、吉林省财政厅、吉林省民政厅、吉林省人力资源和社会保障厅、吉林省卫生健康委员会',
    number: '吉医保联〔2022〕31号',
    issued: '2022-10-31',
    published: '2022-11-08',
    inForce: { from: '2022-10-31', to: null },
    draft: false,
    periodBasis: '成文日期2022年10月31日起适用；文件未规定有效期。',
    cite: [{ doc: 'jilin-2022', clause: '§标题' }],
  },
  {
    id: 'jilin-2017',
    title: '关于进一步推进长期护理保险制度试点的实施意见',
    issuer: '吉林省人民政府办公厅转发省人力资源社会保障厅、省财政厅、省民政厅、省卫生计生委',
    number: '吉政办发〔2017〕28号',
    issued: '2017-04-16',
    published: null,
    inForce: { from: '2017-04-16', to: null },
    draft: false,
    periodBasis: '转发日期2017年4月16日起适用；文件未规定有效期。',
    cite: [{ doc: 'jilin-2017', clause: '§标题' }],
  },
  {
    id: 'wenzhou-2023',
    title: '关于深化推进长期护理保险制度试点的实施方案（2023-2025年）（征求意见稿）',
    issuer: '温州市（征求意见稿未署发文机关）',
    number: null,
    issued: null,
    published: null,
    inForce: { from: '2023-01-01', to: '2025-12-31' },
    draft: true,
    periodBasis: '征求意见稿，方案期为2023-2025年；本系统按此期间适用，期满后仅作为最后已知标准参考。',
    cite: [{ doc: 'wenzhou-2023', clause: '§标题' }],
  },
  {
    id: 'jinjiang-2023',
    title: '晋江市长期护理保险制度试点工作暂行规定',
    issuer: '晋江市人民政府',
    number: '晋政规〔2023〕3号',
    issued: '2023-03-20',
    published: '2023-03-20',
    inForce: { from: '2023-04-01', to: '2026-03-31' },
    draft: false,
    periodBasis: '自2023年4月1日起施行，有效期至2026年3月31日止（第四部分第（四）项）。',
    cite: [
      { doc: 'jinjiang-2023', clause: '§标题' },
      { doc: 'jinjiang-2023', clause: '§四(四)' },
    ],
  },
  {
    id: 'jining-2022',
    title: '济宁市居民长期护理保险试点工作通知',
    issuer: '济宁市医疗保障局等部门',
    number: null,
    issued: null,
    published: null,
    inForce: { from: '2022-01-01', to: null },
    draft: false,
    periodBasis:
      '我们收录的文本没有标题、文号和发文日期（标题为描述性名称）；文件列为2022年市政府为民办实事，按2022年1月1日起适用，未规定有效期。',
    cite: [{ doc: 'jining-2022', clause: '§标题' }],
  },
];

export function getDocument(id: DocId): PolicyDocument {
  const doc = DOCUMENTS.find((d) => d.id === id);
  if (!doc) throw new Error(`unknown document ${id}`);
  return doc;
}

export type DocumentStatus = 'not-yet' | 'in-force' | 'draft' | 'expired';

/** Status on a date: a draft inside its plan period is 'draft'; past its period any document is 'expired'. */
export function documentStatus(id: DocId, date: string): DocumentStatus {
  const doc = getDocument(id);
  if (date < doc.inForce.from) return 'not-yet';
  if (doc.inForce.to !== null && date > doc.inForce.to) return 'expired';
  return doc.draft ? 'draft' : 'in-force';
}

/** Which documents govern a pooling area. */
export const REGION_DOCUMENTS: Record<RegionId, DocId[]> = {
  wenzhou: ['wenzhou-2023'],
  jinjiang: ['jinjiang-2023'],
  jining: ['jining-2022'],
  changchun: ['jilin-2017', 'jilin-2022'],
  songyuan: ['jilin-2017', 'jilin-2022'],
  meihekou: ['jilin-2017', 'jilin-2022'],
  'jilin-provincial': ['jilin-2017', 'jilin-2022'],
  // Jilin City is a jilin-2017 pilot city but not in jilin-2022's home-care list (§(三)).
  'jilin-city': ['jilin-2017'],
};
