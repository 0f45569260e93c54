// The one place the console talks to the API: bearer token, JSON, and the contract's error shape
// {error:{code,message,details}} turned into a plain Chinese message.

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface User {
  id: string;
  phone: string;
  name: string | null;
  role: string;
  communityId: string | null;
}

export interface ApplicationSummary {
  id: string;
  personId: string;
  person: { id: string; name: string; idNumberMasked: string; region: string };
  state: string;
  stateName: string;
  careMode: string | null;
  careModeName: string | null;
  disabilityCause: string | null;
  disabilityMonths: number | null;
  description: string | null;
  visitAddress: string | null;
  contactPhone: string | null;
  scheduledFor: string | null;
  grade: string | null;
  gradeName: string | null;
  noticeDate: string | null;
  objectionDeadline: string | null;
  objectionCount: number;
  benefitStartMonth: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  allowedMoves: string[];
  /** The moves this account can make now, with the button's words and what each needs now (server's). */
  actions: MoveAction[];
  /** Why the next step waits for a day (e.g. the publicity's end), in the server's words; null if nothing waits. */
  waitingFor: string | null;
  /** When the region pays nothing for the recorded grade: the rules' reason and the next step. */
  gradeProblem: string | null;
  publicityEndsOn: string | null;
  materialCount: number;
}

export interface MoveAction {
  move: string;
  label: string;
  requires: string[];
}

export interface Person {
  id: string;
  name: string;
  idNumberMasked: string;
  birthDate: string;
  gender: 'male' | 'female';
  regionName: string;
  districtName: string | null;
  insuranceName: string;
  phone: string;
  address: string;
  isSample: boolean;
}

export interface Consent {
  granteeId: string;
  granteeName: string | null;
  relationship: string;
}

export interface ApplicationEvent {
  id: string;
  move: string;
  moveLabel: string;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  actorId: string;
  actorRole: string;
  /** A staff member's name; null for the person, family and community workers (shown by their consent). */
  actorName: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface Material {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Named {
  id: string;
  name: string;
}

export interface OutboxMessage {
  phone: string;
  text: string;
  createdAt: string;
}

export interface MoveRequest {
  move: string;
  reason?: string;
  grade?: string;
  scheduledFor?: string;
  publicityEndsOn?: string;
}

export interface Cite {
  doc: string;
  clause: string;
}

export interface Clause {
  doc: string;
  clause: string;
  title: string;
  text: string;
  parent: string | null;
}

export interface Region {
  id: string;
  name: string;
  districts: { id: string; name: string; group: string }[];
}

/** A care mode as a region names it, with the clauses that say whether it is offered. */
export interface RegionMode {
  id: string;
  name: string;
  citations: Cite[];
}

export interface RegionModes {
  region: string;
  regionName: string;
  month: string;
  offered: RegionMode[];
  notOffered: RegionMode[];
}

export interface ProviderItem {
  name: string;
  unit: string;
  priceFen: number;
}

export interface Provider {
  id: string;
  name: string;
  region: string;
  regionName: string;
  district: string | null;
  districtName: string | null;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  careModes: string[];
  /** The names the region uses for the modes (from the rules module), in the order of careModes. */
  careModeNames: string[];
  hospitalTier: number | null;
  capacity: number;
  freePlaces: number;
  rating: { average: number | null; count: number };
  items: ProviderItem[];
  isSample: boolean;
  distanceMeters?: number;
}

export interface ProviderInput {
  name: string;
  region: string;
  district: string | null;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  careModes: string[];
  hospitalTier: number | null;
  capacity: number;
  freePlaces: number;
  items: ProviderItem[];
}

export interface ProviderSearch {
  region?: string;
  district?: string;
  mode?: string;
  q?: string;
  sort?: string;
}

export interface ProviderRating {
  serviceRecordId: string;
  date: string;
  score: number;
  comment: string | null;
  personName: string;
  ratedAt: string;
}

export interface ProviderRatings {
  rating: { average: number | null; count: number };
  ratings: ProviderRating[];
}

export interface BenefitPlan {
  fromMonth: string;
  careMode: string;
  careModeName: string;
  providerId: string;
  providerName: string;
  scheduled: boolean;
}

export interface Suspension {
  id: string;
  reason: string;
  reasonName: string;
  from: string;
  to: string | null;
  note: string | null;
}

/** A family's or community worker's request to change mode or provider, for an officer to confirm or decline. */
export interface PlanRequest {
  id: string;
  careMode: string;
  careModeName: string;
  providerId: string;
  providerName: string;
  reason: string | null;
  state: 'pending' | 'confirmed' | 'declined' | 'replaced';
  stateName: string;
  requestedByRole: string;
  requestedAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  fromMonth: string | null;
}

export interface Benefit {
  id: string;
  personId: string;
  person: { id: string; name: string; idNumberMasked: string };
  applicationId: string;
  region: string;
  regionName: string;
  district: string | null;
  insurance: string;
  grade: string;
  gradeName: string;
  grades?: { fromMonth: string; grade: string; gradeName: string; applicationEventId: string | null }[];
  approvalDate: string;
  startMonth: string;
  state: 'active' | 'suspended' | 'stopped';
  stateName: string;
  stoppedOn: string | null;
  current: BenefitPlan;
  plans: BenefitPlan[];
  planItems: string[];
  suspensions: Suspension[];
  planRequests?: PlanRequest[];
  citations: Cite[];
}

export interface BenefitEvent {
  id: string;
  action: string;
  from: string;
  to: string;
  actorId: string;
  actorRole: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface Settlement {
  id: string;
  benefitId: string;
  personName: string;
  month: string;
  providerId: string;
  providerName: string;
  careMode: string;
  careModeName: string;
  grade?: string;
  gradeName?: string;
  monthlyBillFen: number;
  daysCovered: number;
  daysInMonth: number;
  monthlyCapFen: number | null;
  proratedCapFen: number | null;
  eligibleCostFen: number | null;
  fundRatio: number | null;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  indicative: boolean;
  indicativeFundPaysFen: number | null;
  notes: { code: string; text: string }[];
  citations: Cite[];
  steps: { text: string; cite?: Cite[] }[];
  enteredByRole: string;
  createdAt: string;
  updatedAt: string;
  corrected: boolean;
}

export interface SettlementRevision {
  id: string;
  reason: string;
  actorRole: string;
  at: string;
  previous: Record<string, unknown>;
}

/** What a bill would be split into, saved nowhere (POST …/settlements/preview). */
export type SettlementPreview = Omit<Settlement, 'id' | 'enteredByRole' | 'createdAt' | 'updatedAt' | 'corrected'>;

export type SettlementDetail = Settlement & { revisions: SettlementRevision[] };

export interface ServiceRecord {
  id: string;
  benefitId: string;
  personName: string;
  providerId: string;
  providerName: string;
  workerName: string;
  startAt: string;
  endAt: string;
  date: string;
  totalMinutes: number;
  items: { name: string; minutes: number; selfPaid: boolean; priceFen: number | null }[];
  identityChecked: boolean;
  identityMethod: string | null;
  identityMethodName: string | null;
  selfPaidConsent: { givenBy: string; method: string } | null;
  rating: { score: number; comment: string | null; ratedAt: string } | null;
  citations: Cite[];
}

export interface PlanChangeInput {
  careMode: string;
  providerId: string;
  planItems?: string[];
  reason?: string;
}

export interface VisitInput {
  workerName: string;
  startAt: string;
  endAt: string;
  items: { name: string; minutes: number; priceFen?: number }[];
  identityChecked: boolean;
  identityMethod?: string;
  selfPaidConsent?: { givenBy: string; method: string };
}

const BASE = '/api/v1';
const TOKEN_KEY = 'changhu.console.token';

/** Kept per tab: an officer's computer is often shared, so closing the tab signs out. */
export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** Called when the server says the session is gone, so the app can return to sign-in. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const NETWORK_MESSAGE = '连接不上服务器，请检查网络后再试。';

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = session.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body !== undefined && typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(BASE + path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (res.ok) return res;
  let error: ApiError;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
    error = new ApiError(
      res.status,
      body.error?.code ?? 'unknown',
      body.error?.message ?? fallbackMessage(res.status),
      body.error?.details ?? [],
    );
  } catch {
    error = new ApiError(res.status, 'unknown', fallbackMessage(res.status));
  }
  if (res.status === 401 && token) {
    session.clear();
    onSignedOut();
  }
  throw error;
}

function fallbackMessage(status: number): string {
  if (status === 401) return '请先登录。';
  if (status === 403) return '您的账号没有办理这项业务的权限。';
  if (status === 404) return '没有找到您要的内容。';
  if (status >= 500) return '系统暂时出了点问题，请稍后再试。';
  return '请求没有成功，请检查后重试。';
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await send(path, init);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const withBody = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const enc = encodeURIComponent;

/** '?a=1&b=2' of the parameters that are set, '' when none is. */
export function queryOf(params: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const api = {
  requestCode: (phone: string) => json<{ sent: true; expiresAt: string }>('/auth/codes', post({ phone })),
  signIn: (phone: string, code: string) =>
    json<{ token: string; expiresAt: string; user: User }>('/auth/sessions', post({ phone, code })),
  signOut: () => json<void>('/auth/sessions/current', { method: 'DELETE' }),
  me: () => json<User>('/me'),
  /** The development SMS outbox; answers 404 on a production server, where codes go by SMS. */
  outbox: (phone: string) => json<OutboxMessage[]>(`/dev/sms-outbox?phone=${encodeURIComponent(phone)}`),
  applications: (state?: string) =>
    json<ApplicationSummary[]>('/applications' + (state ? `?state=${encodeURIComponent(state)}` : '')),
  applicationsOf: (personId: string) => json<ApplicationSummary[]>('/applications' + queryOf({ personId })),
  application: (id: string) => json<ApplicationSummary>(`/applications/${encodeURIComponent(id)}`),
  events: (id: string) => json<ApplicationEvent[]>(`/applications/${encodeURIComponent(id)}/events`),
  materials: (id: string) => json<Material[]>(`/applications/${encodeURIComponent(id)}/materials`),
  /** A material's file, fetched with the bearer token (a plain link cannot carry it). */
  materialContent: async (applicationId: string, materialId: string): Promise<Blob> => {
    const res = await send(
      `/applications/${encodeURIComponent(applicationId)}/materials/${encodeURIComponent(materialId)}/content`,
    );
    return res.blob();
  },
  move: (id: string, body: MoveRequest) =>
    json<ApplicationSummary>(`/applications/${encodeURIComponent(id)}/moves`, post(body)),
  person: (id: string) => json<Person>(`/persons/${encodeURIComponent(id)}`),
  /** Persons by part of the name, the whole id number or a whole phone (masked as the account may see). */
  persons: (filter: { q?: string; idNumber?: string; phone?: string }) => json<Person[]>('/persons' + queryOf(filter)),
  consents: (id: string) => json<Consent[]>(`/persons/${encodeURIComponent(id)}/consents`),
  grades: () => json<Named[]>('/grades'),
  careModes: () => json<Named[]>('/care-modes'),
  regions: () => json<Region[]>('/regions'),
  /** The modes the region offers in a month (the rules module's answer), and those it does not. */
  regionCareModes: (region: string, month?: string) =>
    json<RegionModes>(`/regions/${enc(region)}/care-modes` + queryOf({ month })),
  clause: (doc: string, clause: string) => json<Clause>(`/documents/${enc(doc)}/clauses/${enc(clause)}`),

  providers: (search: ProviderSearch = {}) => json<Provider[]>('/providers' + queryOf({ ...search })),
  provider: (id: string) => json<Provider>(`/providers/${enc(id)}`),
  createProvider: (body: ProviderInput) => json<Provider>('/providers', post(body)),
  updateProvider: (id: string, body: Partial<ProviderInput>) =>
    json<Provider>(`/providers/${enc(id)}`, withBody('PATCH', body)),
  providerRatings: (id: string) => json<ProviderRatings>(`/providers/${enc(id)}/ratings`),

  benefits: (filter: { personId?: string; providerId?: string; state?: string } = {}) =>
    json<Benefit[]>('/benefits' + queryOf(filter)),
  benefit: (id: string) => json<Benefit>(`/benefits/${enc(id)}`),
  createBenefit: (body: { applicationId: string; careMode: string; providerId: string; planItems: string[] }) =>
    json<Benefit>('/benefits', post(body)),
  benefitEvents: (id: string) => json<BenefitEvent[]>(`/benefits/${enc(id)}/events`),
  suspend: (id: string, body: { reason: string; from: string; to?: string; note?: string }) =>
    json<Benefit>(`/benefits/${enc(id)}/suspensions`, post(body)),
  endSuspension: (id: string, suspensionId: string, to: string) =>
    json<Benefit>(`/benefits/${enc(id)}/suspensions/${enc(suspensionId)}`, withBody('PATCH', { to })),
  /** A change of mode or provider (and plan items) from the next month on; the server says which month. */
  changePlan: (id: string, body: PlanChangeInput) => json<Benefit>(`/benefits/${enc(id)}/plan-changes`, post(body)),
  confirmPlanRequest: (id: string, requestId: string) =>
    json<Benefit>(`/benefits/${enc(id)}/plan-requests/${enc(requestId)}/confirm`, post({})),
  declinePlanRequest: (id: string, requestId: string, reason: string) =>
    json<Benefit>(`/benefits/${enc(id)}/plan-requests/${enc(requestId)}/decline`, post({ reason })),
  stopBenefit: (id: string, body: { on: string; reason: string }) =>
    json<Benefit>(`/benefits/${enc(id)}/stop`, post(body)),

  benefitSettlements: (id: string) => json<Settlement[]>(`/benefits/${enc(id)}/settlements`),
  settlements: (filter: { providerId?: string; month?: string; benefitId?: string } = {}) =>
    json<Settlement[]>('/settlements' + queryOf(filter)),
  settlement: (id: string) => json<SettlementDetail>(`/settlements/${enc(id)}`),
  previewSettlement: (benefitId: string, body: { month: string; monthlyBillFen: number }) =>
    json<SettlementPreview>(`/benefits/${enc(benefitId)}/settlements/preview`, post(body)),
  settle: (benefitId: string, body: { month: string; monthlyBillFen: number }) =>
    json<Settlement>(`/benefits/${enc(benefitId)}/settlements`, post(body)),
  correctSettlement: (id: string, body: { monthlyBillFen: number; reason: string }) =>
    json<Settlement>(`/settlements/${enc(id)}`, withBody('PUT', body)),

  benefitServiceRecords: (id: string) => json<ServiceRecord[]>(`/benefits/${enc(id)}/service-records`),
  recordVisit: (id: string, body: VisitInput) =>
    json<ServiceRecord>(`/benefits/${enc(id)}/service-records`, post(body)),
  serviceRecords: (filter: { providerId?: string; benefitId?: string } = {}) =>
    json<ServiceRecord[]>('/service-records' + queryOf(filter)),
};

/** What to show the user for any failure. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '系统暂时出了点问题，请稍后再试。';
}
