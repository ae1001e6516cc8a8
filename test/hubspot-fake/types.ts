// Public types of the HubSpot fake. Wire payloads are plain JSON (dates as ISO
// strings); the client's model classes use Date and renamed keys (`_new`,
// `_from`), so they describe the deserialized side, not what travels here.

export interface HubSpotFakeOptions {
  /** Burst per token per rolling 10 s, search requests per second per portal, daily per portal. Default 190 / 5 / 1_000_000. */
  rateLimit?: { burstPer10s: number; searchPerSecond: number; daily?: number };
  /** Eventual consistency: a write becomes visible to search only this long after it happened (default 0). */
  searchIndexDelayMs?: number;
  portalId?: number;
  /** Accepted bearer tokens (default ['test-token']); any other token gets a HubSpot-shaped 401. */
  tokens?: string[];
  /** Granted scopes; when given, a call needing a missing scope gets a 403 naming it. Default: every scope. */
  scopes?: string[];
  /** ms since epoch; default Date.now. Drives timestamps, rate-limit windows and the search index delay. */
  clock?: () => number;
  /** The account's subscription tier: how many pipelines per object it may have (default 'professional'). */
  tier?: PortalTier;
  /** Associations per result page of the v4 batch read (HubSpot pages each result; default 500). */
  associationPageSize?: number;
}

export type PortalTier = 'free' | 'starter' | 'professional' | 'enterprise';

export type FakeObjectType = 'deals' | 'tickets' | 'tasks' | 'notes';
export const FAKE_OBJECT_TYPES: readonly FakeObjectType[] = ['deals', 'tickets', 'tasks', 'notes'];

export interface RequestLogEntry {
  method: string;
  /** Path with query string, as the client sent it. */
  path: string;
  status: number;
  /** Clock time (ms) when the request arrived. */
  at: number;
  /** Parsed JSON request body, when there was one. */
  body?: unknown;
}

export interface RequestStats {
  readonly requests: RequestLogEntry[];
  /** Requests whose path starts with `pathPrefix` (all when omitted). */
  count(pathPrefix?: string): number;
  /** 429 answers produced by the fake's own rate limits (injected faults not included). */
  readonly rateLimited: number;
  reset(): void;
}

export type FaultStatus = 429 | 423 | 477 | 500 | 502 | 503 | 504 | 524;
export type Fault =
  | { status: FaultStatus; retryAfterSeconds?: number; policyName?: 'TEN_SECONDLY_ROLLING' | 'DAILY' }
  /** Without delayMs the request is never answered (until the fake closes); with it, answered normally after the delay. */
  | { kind: 'timeout'; delayMs?: number }
  /** The socket is destroyed without an answer. */
  | { kind: 'drop' }
  /** HubSpot applies the request, then the socket is destroyed before the answer: the client cannot know it worked. */
  | { kind: 'lost' }
  /** 200 with `Content-Type: application/json` and this raw (broken) body. */
  | { kind: 'malformed'; body: string }
  /** Any status with any JSON body, for odd answers. */
  | { kind: 'json'; status: number; body: unknown };

export interface FaultMatcher {
  method?: string;
  /** A string matches as a prefix of the path (without query); a RegExp is tested against the path. */
  path?: string | RegExp;
}

export interface FaultInjector {
  failNext(matcher: FaultMatcher, fault: Fault, times?: number): void;
  clear(): void;
  /** Faults armed but not yet consumed. */
  readonly pending: number;
}

export interface HistoryEntry {
  value: string;
  /** ISO 8601 */
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

/** A CRM record as the fake holds it (a copy: changing it changes nothing). */
export interface FakeObjectView {
  id: string;
  type: FakeObjectType;
  properties: Record<string, string>;
  propertiesWithHistory: Record<string, HistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export interface PropertyView {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  archived: boolean;
  archivedAt?: string;
  createdAt: string;
  updatedAt: string;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
}

export interface PropertyGroupView {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export interface StageView {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PipelineView {
  id: string;
  label: string;
  displayOrder: number;
  stages: StageView[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface OwnerView {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  type: 'PERSON';
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

export interface AssociationView {
  fromType: FakeObjectType;
  fromId: string;
  toType: FakeObjectType;
  toId: string;
  /** HUBSPOT_DEFINED association type ids in the from → to direction (e.g. task→deal 216). */
  typeIds: number[];
}

/** Read-only inspection of the fake portal. Every getter returns fresh copies. */
export interface FakeState {
  readonly portalId: number;
  readonly tier: PortalTier;
  readonly deals: FakeObjectView[];
  readonly tickets: FakeObjectView[];
  readonly tasks: FakeObjectView[];
  readonly notes: FakeObjectView[];
  readonly owners: OwnerView[];
  readonly associations: AssociationView[];
  objects(type: FakeObjectType): FakeObjectView[];
  object(type: FakeObjectType, id: string): FakeObjectView | undefined;
  properties(type: FakeObjectType): PropertyView[];
  groups(type: FakeObjectType): PropertyGroupView[];
  pipelines(type: FakeObjectType): PipelineView[];
}

/** Acts as a person editing in HubSpot's own UI (sourceType CRM_UI). Throws on invalid input. */
export interface Colleague {
  /** `idOrBatonId`: the deal's HubSpot id, or a value of any unique-value property (e.g. Baton's own id). */
  setDealProperties(idOrBatonId: string, props: Record<string, string>): FakeObjectView;
  moveDealToStage(idOrBatonId: string, stageId: string): FakeObjectView;
  createDeal(props: Record<string, string>): FakeObjectView;
  archiveDeal(idOrBatonId: string): void;
  addOwner(owner: { email: string; firstName: string; lastName: string }): OwnerView;
}

export interface HubSpotFake {
  /** e.g. http://127.0.0.1:PORT; pass as `basePath` to the client. */
  baseUrl: string;
  close(): Promise<void>;
  /** Back to an empty (freshly seeded) portal on the same port; also clears faults, stats and rate windows. */
  reset(): void;
  faults: FaultInjector;
  colleague: Colleague;
  stats: RequestStats;
  state: FakeState;
}
