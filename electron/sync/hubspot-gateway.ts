import { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import { HubSpotError } from './hubspot-error';
import { backoffDelay, classifyResponse, networkError, withRetry } from './retry';
import type { HttpOutcome, RetryOptions } from './retry';
import type { RateLimiter, RequestKind } from './rate-limiter';
import {
  AccountDetailsSchema,
  AnySchema,
  AssociationBatchSchema,
  BatchResultSchema,
  TokenInfoSchema,
  GroupsSchema,
  OwnersPageSchema,
  PipelineSchema,
  PipelinesSchema,
  PropertiesSchema,
  PropertySchema,
  SearchResultSchema,
  StageSchema,
} from './hubspot-schemas';
import type { AccountDetails, BatchResult, CrmObject, HubSpotPipeline, HubSpotProperty, SearchResult } from './hubspot-schemas';
import { RECORD_TYPES, canonicalPropertyName, renameKeys, wirePropertyName } from '../../shared/hubspot/record-type';
import type { RecordType } from '../../shared/hubspot/record-type';

/**
 * The ONE module that talks to HubSpot. Every call goes through Baton's own
 * rate limiter and retry policy (the client's are off: they ignore
 * Retry-After and are process-wide), and every answer is validated before it
 * is trusted. Paths live here only, so the move to date-versioned paths is a
 * change in one place.
 */

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  qs?: Record<string, string>;
}

/** Sends one request; resolves with any status, rejects only below HTTP. */
export type Transport = (request: HttpRequest) => Promise<HttpOutcome>;

const clients = new Map<string, Client>();

/** One client per token + base path per process (the client's decorators are process-wide). */
function clientFor(accessToken: string, basePath: string | undefined): Client {
  const key = `${basePath ?? ''}\u0000${accessToken}`;
  let client = clients.get(key);
  if (!client) {
    client = new Client({ accessToken, ...(basePath ? { basePath } : {}), numberOfApiCallRetries: 0 });
    clients.set(key, client);
  }
  return client;
}

/** Forget cached clients for a token (on disconnect). */
export function dropClients(accessToken: string): void {
  for (const key of [...clients.keys()]) if (key.endsWith(`\u0000${accessToken}`)) clients.delete(key);
}

/** The real transport: `@hubspot/api-client`'s `apiRequest`, which never throws on status. */
export function clientTransport(accessToken: string, basePath?: string): Transport {
  const client = clientFor(accessToken, basePath);
  return async (request) => {
    const response = await client.apiRequest({
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.qs ? { qs: request.qs } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const text = await response.text();
    let body: unknown = undefined;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = { unparsable: text.slice(0, 200) };
        if (response.status >= 200 && response.status < 300) {
          throw new HubSpotError({
            code: 'HUBSPOT_BAD_RESPONSE',
            status: response.status,
            message: 'HubSpot answered with a body that is not JSON; nothing from it was used.',
            detail: text.slice(0, 200),
          });
        }
      }
    }
    return { status: response.status, headers, body };
  };
}

export interface GatewayOptions {
  transport: Transport;
  limiter: RateLimiter;
  retry: RetryOptions;
  /** A call that takes longer is abandoned as a network failure (and retried). */
  timeoutMs?: number;
  /** Told about each exchange, so the online state follows real outcomes. */
  onOutcome?: (ok: boolean) => void;
}

export interface CallSpec<T> extends HttpRequest {
  schema: z.ZodType<T>;
  kind?: RequestKind;
  /** Statuses (besides 2xx) that count as an answer, e.g. 207 is 2xx already; 404 for reads. */
  accept?: readonly number[];
  /**
   * False for a write that HubSpot applies again when it is sent again (creating notes or tasks): a failure
   * after which it may have been applied (no answer, a 5xx) is thrown as `maybeApplied` instead of retried.
   */
  idempotent?: boolean;
}

/** No answer, or a server error: the request may have been applied before it failed (a 429, 423 or 477 never is). */
function mayHaveBeenApplied(error: HubSpotError): boolean {
  return error.code === 'HUBSPOT_UNAVAILABLE' && (error.status === null || error.status >= 500);
}

export interface BatchInput {
  id?: string;
  idProperty?: string;
  properties?: Record<string, string>;
  objectWriteTraceId?: string;
  associations?: { to: { id: string }; types: { associationCategory: 'HUBSPOT_DEFINED'; associationTypeId: number }[] }[];
}

export type ObjectType = RecordType | 'tasks' | 'notes';

/** HubSpot answers 400 to a batch read asking for property history with more inputs than this. */
export const MAX_HISTORY_BATCH_READ = 50;

function isRecordType(type: ObjectType): type is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(type);
}

/** Canonical → wire property names for a record type (identity for tasks and notes). */
function toWire(type: ObjectType, name: string): string {
  return isRecordType(type) ? wirePropertyName(type, name) : name;
}

function fromWireObject(type: ObjectType, object: CrmObject): CrmObject {
  if (!isRecordType(type)) return object;
  const rename = (name: string): string => canonicalPropertyName(type, name);
  return {
    ...object,
    properties: renameKeys(object.properties, rename),
    ...(object.propertiesWithHistory ? { propertiesWithHistory: renameKeys(object.propertiesWithHistory, rename) } : {}),
  };
}

/** Search filters and sorts name properties too; rename those on a record type. */
function searchBodyToWire(type: ObjectType, body: Record<string, unknown>): Record<string, unknown> {
  if (!isRecordType(type)) return body;
  const renameNamed = (item: unknown): unknown =>
    typeof item === 'object' && item !== null && 'propertyName' in item && typeof item.propertyName === 'string' ? { ...item, propertyName: toWire(type, item.propertyName) } : item;
  const out: Record<string, unknown> = { ...body };
  if (Array.isArray(body['properties'])) out['properties'] = body['properties'].map((p: unknown) => (typeof p === 'string' ? toWire(type, p) : p));
  if (Array.isArray(body['sorts'])) out['sorts'] = body['sorts'].map(renameNamed);
  if (Array.isArray(body['filterGroups'])) {
    out['filterGroups'] = body['filterGroups'].map((group: unknown) =>
      typeof group === 'object' && group !== null && 'filters' in group && Array.isArray(group.filters) ? { ...group, filters: group.filters.map(renameNamed) } : group,
    );
  }
  return out;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export class HubSpotGateway {
  constructor(private readonly options: GatewayOptions) {}

  /** One validated call: limiter → transport → classify → validate, retried as the policy says. */
  async call<T>(spec: CallSpec<T>): Promise<{ status: number; data: T }> {
    return withRetry(async () => {
      try {
        return await this.attempt(spec);
      } catch (error) {
        if (spec.idempotent !== false || !(error instanceof HubSpotError) || !mayHaveBeenApplied(error)) throw error;
        throw new HubSpotError({ ...error, message: error.message, retryable: false, maybeApplied: true });
      }
    }, this.options.retry);
  }

  /** One try: limiter → transport → classify → validate. */
  private async attempt<T>(spec: CallSpec<T>): Promise<{ status: number; data: T }> {
    const ticket = await this.options.limiter.acquire(spec.kind ?? 'standard');
    let outcome: HttpOutcome;
    try {
      outcome = await timeout(this.options.transport(spec), this.options.timeoutMs ?? 30_000);
      ticket.answered();
    } catch (error) {
      if (error instanceof HubSpotError) throw error;
      this.options.onOutcome?.(false);
      throw networkError(error);
    }
    this.options.onOutcome?.(true);
    if (spec.kind !== 'search') this.options.limiter.observe(outcome.headers);
    const accepted = (outcome.status >= 200 && outcome.status < 300) || (spec.accept ?? []).includes(outcome.status);
    if (!accepted) throw classifyResponse(outcome);
    const parsed = spec.schema.safeParse(outcome.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HubSpotError({
        code: 'HUBSPOT_BAD_RESPONSE',
        status: outcome.status,
        message: `HubSpot's answer to ${spec.method} ${spec.path} did not have the expected shape; nothing from it was used.`,
        detail: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : null,
      });
    }
    return { status: outcome.status, data: parsed.data };
  }

  async accountDetails(): Promise<AccountDetails> {
    return (await this.call({ method: 'GET', path: '/account-info/v3/details', schema: AccountDetailsSchema })).data;
  }

  async owners(): Promise<z.infer<typeof OwnersPageSchema>['results']> {
    const owners: z.infer<typeof OwnersPageSchema>['results'] = [];
    let after: string | undefined;
    do {
      const qs: Record<string, string> = { limit: '100', ...(after ? { after } : {}) };
      const page = (await this.call({ method: 'GET', path: '/crm/v3/owners', qs, schema: OwnersPageSchema })).data;
      owners.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    return owners;
  }

  async properties(objectType: ObjectType): Promise<HubSpotProperty[]> {
    return (await this.call({ method: 'GET', path: `/crm/v3/properties/${objectType}`, schema: PropertiesSchema })).data.results;
  }

  async createProperty(objectType: ObjectType, definition: Record<string, unknown>): Promise<HubSpotProperty> {
    return (await this.call({ method: 'POST', path: `/crm/v3/properties/${objectType}`, body: definition, schema: PropertySchema })).data;
  }

  async updateProperty(objectType: ObjectType, name: string, patch: Record<string, unknown>): Promise<HubSpotProperty> {
    return (await this.call({ method: 'PATCH', path: `/crm/v3/properties/${objectType}/${encodeURIComponent(name)}`, body: patch, schema: PropertySchema })).data;
  }

  async groups(objectType: ObjectType): Promise<string[]> {
    return (await this.call({ method: 'GET', path: `/crm/v3/properties/${objectType}/groups`, schema: GroupsSchema })).data.results.map((g) => g.name);
  }

  async createGroup(objectType: ObjectType, group: { name: string; label: string }): Promise<void> {
    await this.call({ method: 'POST', path: `/crm/v3/properties/${objectType}/groups`, body: { ...group, displayOrder: -1 }, schema: AnySchema });
  }

  async pipelines(objectType: RecordType): Promise<HubSpotPipeline[]> {
    return (await this.call({ method: 'GET', path: `/crm/v3/pipelines/${objectType}`, schema: PipelinesSchema })).data.results;
  }

  async createPipeline(objectType: RecordType, pipeline: { label: string; displayOrder: number; stages: { label: string; displayOrder: number; metadata: Record<string, string> }[] }): Promise<HubSpotPipeline> {
    return (await this.call({ method: 'POST', path: `/crm/v3/pipelines/${objectType}`, body: pipeline, schema: PipelineSchema })).data;
  }

  async createStage(objectType: RecordType, pipelineId: string, stage: { label: string; displayOrder: number; metadata: Record<string, string> }): Promise<z.infer<typeof StageSchema>> {
    return (await this.call({ method: 'POST', path: `/crm/v3/pipelines/${objectType}/${encodeURIComponent(pipelineId)}/stages`, body: stage, schema: StageSchema })).data;
  }

  async updateStage(objectType: RecordType, pipelineId: string, stageId: string, patch: { metadata: Record<string, string> }): Promise<void> {
    await this.call({ method: 'PATCH', path: `/crm/v3/pipelines/${objectType}/${encodeURIComponent(pipelineId)}/stages/${encodeURIComponent(stageId)}`, body: patch, schema: StageSchema });
  }

  /**
   * Batch create/update/upsert: at most 100 inputs; a 207 resolves with its per-input errors. A create is not
   * idempotent in HubSpot (sent twice, it makes two): a failure after which it may have been applied is thrown
   * as `maybeApplied`, never retried here (`batchCreateChecked` looks before it sends again).
   */
  async batchWrite(objectType: ObjectType, operation: 'create' | 'update' | 'upsert', inputs: BatchInput[]): Promise<BatchResult> {
    if (inputs.length > 100) throw new RangeError(`A batch ${operation} takes at most 100 inputs, got ${inputs.length}`);
    const wire = inputs.map((input) => (input.properties ? { ...input, properties: renameKeys(input.properties, (name) => toWire(objectType, name)) } : input));
    const path = `/crm/v3/objects/${objectType}/batch/${operation}`;
    const result = (await this.call({ method: 'POST', path, body: { inputs: wire }, schema: BatchResultSchema, idempotent: operation !== 'create' })).data;
    return { ...result, results: result.results.map((object) => fromWireObject(objectType, object)) };
  }

  /**
   * Batch create of objects that carry a marker of their own (notes, tasks). When HubSpot may have applied a
   * create whose answer never came, `written` looks in HubSpot for the inputs already there (by trace id) and
   * only the others are sent again, after the retry policy's wait; so a lost answer never makes a second
   * note. `written` lists the trace ids found already written; `result` answers for the rest.
   */
  async batchCreateChecked(objectType: 'notes' | 'tasks', inputs: BatchInput[], written: (inputs: readonly BatchInput[]) => Promise<ReadonlySet<string>>): Promise<{ result: BatchResult; written: string[] }> {
    const found: string[] = [];
    let pending = inputs;
    for (let n = 1; ; n += 1) {
      try {
        return { result: await this.batchWrite(objectType, 'create', pending), written: found };
      } catch (error) {
        if (!(error instanceof HubSpotError) || !error.maybeApplied || n >= this.options.retry.maxAttempts) throw error;
        await this.options.retry.sleep(backoffDelay(n, error, this.options.retry));
        const there = await written(pending);
        const isThere = (input: BatchInput): boolean => input.objectWriteTraceId !== undefined && there.has(input.objectWriteTraceId);
        found.push(...pending.filter(isThere).flatMap((input) => (input.objectWriteTraceId === undefined ? [] : [input.objectWriteTraceId])));
        pending = pending.filter((input) => !isThere(input));
        if (pending.length === 0) return { result: { results: [], errors: [] }, written: found };
      }
    }
  }

  async batchArchive(objectType: ObjectType, ids: string[]): Promise<void> {
    if (ids.length > 100) throw new RangeError(`A batch archive takes at most 100 inputs, got ${ids.length}`);
    await this.call({ method: 'POST', path: `/crm/v3/objects/${objectType}/batch/archive`, body: { inputs: ids.map((id) => ({ id })) }, schema: AnySchema });
  }

  /**
   * Batch read by id; ids that do not exist come back in `errors`, not as a
   * failure. HubSpot's spec requires `propertiesWithHistory` (empty when no
   * history is wanted) and takes at most 50 inputs when it is not empty.
   * `archived: true` reads deleted (archived) records instead of live ones.
   */
  async batchRead(objectType: ObjectType, ids: string[], properties: string[], propertiesWithHistory: string[] = [], archived = false): Promise<BatchResult> {
    const max = propertiesWithHistory.length > 0 ? MAX_HISTORY_BATCH_READ : 100;
    if (ids.length > max) throw new RangeError(`A batch read${propertiesWithHistory.length > 0 ? ' with property history' : ''} takes at most ${max} inputs, got ${ids.length}`);
    const wire = (names: string[]): string[] => names.map((name) => toWire(objectType, name));
    const body = { inputs: ids.map((id) => ({ id })), properties: wire(properties), propertiesWithHistory: wire(propertiesWithHistory) };
    const path = `/crm/v3/objects/${objectType}/batch/read`;
    const answer = await this.call({ method: 'POST', path, qs: { archived: String(archived) }, body, schema: AnySchema, accept: [404] });
    // HubSpot answers 404 when none of the ids exists: every one of them is gone.
    if (answer.status === 404) return { results: [], errors: [{ category: 'OBJECT_NOT_FOUND', context: { ids } }] };
    const parsed = BatchResultSchema.safeParse(answer.data);
    if (!parsed.success) {
      throw new HubSpotError({ code: 'HUBSPOT_BAD_RESPONSE', status: answer.status, message: `HubSpot's answer to POST ${path} did not have the expected shape; nothing from it was used.`, detail: parsed.error.issues[0]?.message ?? null });
    }
    return { ...parsed.data, results: parsed.data.results.map((object) => fromWireObject(objectType, object)) };
  }

  /** One search page; property names in the body and the answer are Baton's canonical ones. */
  async search(objectType: ObjectType, body: Record<string, unknown>): Promise<SearchResult> {
    const page = (await this.call({ method: 'POST', path: `/crm/v3/objects/${objectType}/search`, body: searchBodyToWire(objectType, body), schema: SearchResultSchema, kind: 'search' })).data;
    return { ...page, results: page.results.map((object) => fromWireObject(objectType, object)) };
  }

  /** The scopes granted to a private-app token or Service Key (HubSpot's access-token-info endpoint). */
  async tokenScopes(token: string): Promise<string[]> {
    return (await this.call({ method: 'POST', path: '/oauth/v2/private-apps/get/access-token-info', body: { tokenKey: token }, schema: TokenInfoSchema })).data.scopes;
  }

  /**
   * Ids of `to` objects associated with each record (v4 batch read, 1,000
   * inputs per call). HubSpot pages each result's associations
   * (`paging.next.after` per result): the records with more are asked again
   * with their cursor until none has a next page. Records with none are absent.
   */
  async associatedIds(from: RecordType, to: 'tasks' | 'notes', recordIds: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    let pending: { id: string; after?: string }[] = [...new Set(recordIds)].map((id) => ({ id }));
    while (pending.length > 0) {
      const next: { id: string; after: string }[] = [];
      for (let i = 0; i < pending.length; i += 1000) {
        const inputs = pending.slice(i, i + 1000);
        const answer = await this.call({ method: 'POST', path: `/crm/v4/associations/${from}/${to}/batch/read`, body: { inputs }, schema: AssociationBatchSchema });
        for (const result of answer.data.results) {
          const ids = found.get(result.from.id) ?? [];
          for (const t of result.to) if (!ids.includes(t.toObjectId)) ids.push(t.toObjectId);
          found.set(result.from.id, ids);
          const after = result.paging?.next?.after;
          const asked = inputs.find((input) => input.id === result.from.id);
          // A cursor that does not move would loop for ever: treat it as the end.
          if (after && after !== asked?.after) next.push({ id: result.from.id, after });
        }
      }
      pending = next;
    }
    return found;
  }
}
