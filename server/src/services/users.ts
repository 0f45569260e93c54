import { z } from 'zod';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { badInput, conflict, notFound } from '../lib/errors';
import { maskPhone } from '../lib/personal';
import type { AuthUser } from '../lib/roles';
import { nameSchema, phoneSchema, roleSchema } from '../lib/schemas';

export const createUserInput = z.strictObject({
  phone: phoneSchema.describe('工作人员登录用的手机号'),
  name: nameSchema.describe('工作人员姓名'),
  role: roleSchema.describe(
    '角色：community-worker 社区工作人员 / agent 客服 / officer 经办人员 / admin 管理员 / provider 定点机构 / resident 居民',
  ),
  communityId: z.string().optional().describe('社区工作人员所属社区，必填'),
});
export const updateUserInput = z.strictObject({
  name: nameSchema.optional().describe('新的姓名'),
  role: roleSchema.optional().describe('新的角色编号'),
  communityId: z.string().nullable().optional().describe('所属社区编号（见 GET /api/v1/communities）；null 表示清除'),
});

export const userView = z.object({
  id: z.string().describe('编号'),
  phone: z.string().describe('手机号（脱敏）'),
  name: z.string().nullable().describe('姓名；未填为 null'),
  role: roleSchema,
  communityId: z.string().nullable().describe('社区工作人员所属社区编号；其他角色为 null'),
});

export function toUserView(u: AuthUser, reveal = false) {
  return {
    id: u.id,
    phone: reveal ? u.phone : maskPhone(u.phone),
    name: u.name,
    role: u.role,
    communityId: u.communityId,
  };
}

export class UserService {
  constructor(private readonly prisma: Db) {}

  private async checkCommunity(role: string, communityId: string | null | undefined) {
    if (role !== 'community-worker') return;
    if (!communityId)
      throw badInput('社区工作人员需要指定所属社区。', [{ path: 'communityId', message: '请选择社区' }]);
    if (!(await this.prisma.community.findUnique({ where: { id: communityId } }))) {
      throw badInput('没有这个社区。', [{ path: 'communityId', message: '未知社区' }]);
    }
  }

  async list() {
    const users = await this.prisma.user.findMany({ orderBy: { createdAt: 'asc' }, take: 500 });
    return users.map((u) => toUserView(u as AuthUser));
  }

  async create(input: z.output<typeof createUserInput>) {
    await this.checkCommunity(input.role, input.communityId);
    try {
      const u = await this.prisma.user.create({ data: { ...input, communityId: input.communityId ?? null } });
      return toUserView(u as AuthUser);
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw conflict('user-exists', '这个手机号已经有账号了，可以修改它的角色。');
      }
      throw err;
    }
  }

  async update(id: string, input: z.output<typeof updateUserInput>) {
    const existing = await this.prisma.user.findUnique({ where: { id } });
    if (!existing) throw notFound('没有这个账号。');
    const role = input.role ?? existing.role;
    const communityId = input.communityId === undefined ? existing.communityId : input.communityId;
    await this.checkCommunity(role, communityId);
    const u = await this.prisma.user.update({ where: { id }, data: { ...input, communityId } });
    return toUserView(u as AuthUser);
  }

  async communities() {
    return this.prisma.community.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, name: true, region: true, district: true },
    });
  }
}
