// Uploaded materials: kept under <dataDir>/uploads with random names, never under a public path,
// and typed by their first bytes, not by what the client claims.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db';
import { AppError, conflict, forbidden, notFound } from '../lib/errors';
import type { AuthUser } from '../lib/roles';
import { Access, isProxyRole } from './access';

export const MATERIAL_KINDS = ['id-card', 'medical-record', 'hukou', 'other'] as const;
export const materialFields = {
  kind: z
    .enum(MATERIAL_KINDS, { error: `材料类型可选：${MATERIAL_KINDS.join('、')}` })
    .describe('材料类型：id-card 身份证 / medical-record 病历 / hukou 户口簿 / other 其他'),
};
export const materialInput = z.strictObject(materialFields);

export const materialView = z.object({
  id: z.string().describe('编号'),
  applicationId: z.string().describe('申请编号'),
  kind: z.string().describe('材料类型编号'),
  fileName: z.string().describe('上传时的文件名'),
  contentType: z.string().describe('文件类型（按内容判断）'),
  sizeBytes: z.number().describe('文件大小（字节）'),
  createdAt: z.string().describe('建立时间（ISO 8601）'),
});

/** The content type a file really is, from its magic bytes; null for anything else. */
export function sniffContentType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** Officers and the person's proxies may open a file; agents and admins see only the list. */
function mayOpen(user: AuthUser): boolean {
  return isProxyRole(user) || user.role === 'officer';
}

/** A file streamed to disk by middleware/upload.ts (a temporary name in the uploads folder). */
export interface UploadedFile {
  originalname: string;
  path: string;
  size: number;
  sha256: string;
  /** Its first bytes, to sniff the type. */
  head: Buffer;
}

export class MaterialService {
  private readonly access: Access;
  constructor(
    private readonly prisma: Db,
    private readonly config: Config,
  ) {
    this.access = new Access(prisma);
  }

  private dir(): string {
    return path.join(this.config.dataDir, 'uploads');
  }

  /** Who may upload to this application, checked before the body is read (and again in add). */
  async mayUpload(user: AuthUser, applicationId: string): Promise<void> {
    if (!isProxyRole(user)) throw forbidden('只有本人、家属或社区工作人员可以上传申请材料。');
    const application = await this.access.readableApplication(user, applicationId);
    if (application.state !== 'draft') {
      throw conflict('not-a-draft', '只有草稿状态的申请可以上传材料；被退回的申请请先点“修改后重新提交”。');
    }
  }

  /** The directory uploads are streamed into. */
  uploadsDir(): string {
    return this.dir();
  }

  async add(user: AuthUser, applicationId: string, kind: string, file: UploadedFile | undefined) {
    await this.mayUpload(user, applicationId);
    if (!file || file.size === 0) {
      throw new AppError(400, 'invalid-input', '请选择要上传的文件。', [{ path: 'file', message: '缺少文件' }]);
    }
    const contentType = sniffContentType(file.head);
    if (!contentType) {
      throw new AppError(415, 'unsupported-media-type', '只能上传 JPG、PNG 图片或 PDF 文件。', [
        { path: 'file', message: '文件内容不是 JPG、PNG 或 PDF' },
      ]);
    }
    const storageKey = crypto.randomUUID();
    await fs.mkdir(this.dir(), { recursive: true });
    await fs.rename(file.path, path.join(this.dir(), storageKey));
    const material = await this.prisma.material.create({
      data: {
        applicationId,
        kind,
        fileName: path.basename(file.originalname || 'file').slice(0, 120),
        contentType,
        sizeBytes: file.size,
        sha256: file.sha256,
        storageKey,
        uploadedById: user.id,
      },
    });
    return toMaterialView(material);
  }

  async list(user: AuthUser, applicationId: string) {
    await this.access.readableApplication(user, applicationId);
    const rows = await this.prisma.material.findMany({ where: { applicationId }, orderBy: { createdAt: 'asc' } });
    return rows.map(toMaterialView);
  }

  async open(user: AuthUser, applicationId: string, materialId: string) {
    if (!mayOpen(user)) throw forbidden('您的账号不能查看申请材料原件。');
    await this.access.readableApplication(user, applicationId);
    const material = await this.prisma.material.findFirst({ where: { id: materialId, applicationId } });
    if (!material) throw notFound('没有找到这份材料。');
    const content = await fs.readFile(path.join(this.dir(), material.storageKey));
    return { material: toMaterialView(material), content };
  }

  async remove(user: AuthUser, applicationId: string, materialId: string) {
    if (!isProxyRole(user)) throw forbidden('只有本人、家属或社区工作人员可以删除申请材料。');
    const application = await this.access.readableApplication(user, applicationId);
    const material = await this.prisma.material.findFirst({ where: { id: materialId, applicationId } });
    if (!material) throw notFound('没有找到这份材料。');
    if (application.state !== 'draft') throw conflict('not-a-draft', '只有草稿状态的申请可以删除材料。');
    await this.prisma.material.delete({ where: { id: material.id } });
    await fs.rm(path.join(this.dir(), material.storageKey), { force: true });
  }
}

function toMaterialView(m: {
  id: string;
  applicationId: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}) {
  return {
    id: m.id,
    applicationId: m.applicationId,
    kind: m.kind,
    fileName: m.fileName,
    contentType: m.contentType,
    sizeBytes: m.sizeBytes,
    createdAt: m.createdAt.toISOString(),
  };
}
