export const ROLES = ['resident', 'community-worker', 'agent', 'officer', 'admin', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民（本人或家属）',
  'community-worker': '社区工作人员',
  agent: '客服坐席',
  officer: '经办人员',
  admin: '系统管理员',
  provider: '定点机构',
};

/** Roles that act for insured persons, and only for those who consented. */
export const PROXY_ROLES: readonly Role[] = ['resident', 'community-worker'];
/** Staff roles that read every person and application (for their work), never act as proxies. */
export const STAFF_ROLES: readonly Role[] = ['agent', 'officer', 'admin'];
/** A designated provider's account: sees only its own clients (their benefits, bills and visits). */
export const PROVIDER_ROLE = 'provider' as const satisfies Role;

export interface AuthUser {
  id: string;
  phone: string;
  name: string | null;
  role: Role;
  communityId: string | null;
}
