import { DEFAULT_GROUPS, DEFAULT_PROPERTIES, makeProperty, type PropertyDefinition } from './property-definitions';
import { FAKE_OBJECT_TYPES, type FakeObjectType, type PortalTier, type HistoryEntry, type OwnerView, type PipelineView, type PropertyGroupView, type StageView } from './types';

export interface SearchVersion {
  /** Clock time from which search sees this version. */
  visibleAt: number;
  properties: Record<string, string>;
  updatedAt: number;
}

export interface StoredObject {
  id: string;
  type: FakeObjectType;
  properties: Map<string, string>;
  /** Newest first per property, like HubSpot's propertiesWithHistory. */
  history: Map<string, HistoryEntry[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** Oldest first; search uses the newest one already visible. */
  searchVersions: SearchVersion[];
}

export interface AssociationEdge {
  fromType: FakeObjectType;
  fromId: string;
  toType: FakeObjectType;
  toId: string;
  typeIds: Set<number>;
}

function perType<T>(make: () => T): Record<FakeObjectType, T> {
  return { deals: make(), tickets: make(), tasks: make(), notes: make() };
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Everything a HubSpot portal holds, in memory. */
export class Portal {
  readonly properties = perType(() => new Map<string, PropertyDefinition>());
  readonly groups = perType(() => new Map<string, PropertyGroupView>());
  readonly pipelines = perType(() => new Map<string, PipelineView>());
  readonly objects = perType(() => new Map<string, StoredObject>());
  readonly owners: OwnerView[] = [];
  /** Keyed `fromType/fromId/toType/toId`; each edge is stored in both directions. */
  readonly associations = new Map<string, AssociationEdge>();
  /** Writes become visible to search this long after they happen. */
  searchIndexDelayMs = 0;
  /** Decides how many pipelines per object HubSpot lets the account have. */
  tier: PortalTier = 'professional';
  /** Associations per result page in the v4 batch read. */
  associationPageSize = 500;
  private nextObjectId = 0;
  private nextOwnerId = 0;
  private nextPipelineId = 0;

  constructor(
    readonly portalId: number,
    readonly now: () => number,
  ) {
    this.seed();
  }

  reset(): void {
    for (const type of FAKE_OBJECT_TYPES) {
      this.properties[type].clear();
      this.groups[type].clear();
      this.pipelines[type].clear();
      this.objects[type].clear();
    }
    this.owners.length = 0;
    this.associations.clear();
    this.seed();
  }

  newObjectId(): string {
    this.nextObjectId += 1;
    return String(30_000_000_000 + this.nextObjectId);
  }

  newPipelineId(): string {
    this.nextPipelineId += 1;
    return String(700_000_000 + this.nextPipelineId);
  }

  addOwner(owner: { email: string; firstName: string; lastName: string }): OwnerView {
    this.nextOwnerId += 1;
    const at = iso(this.now());
    const created: OwnerView = {
      id: String(100_000 + this.nextOwnerId),
      email: owner.email,
      firstName: owner.firstName,
      lastName: owner.lastName,
      userId: 9_000_000 + this.nextOwnerId,
      userIdIncludingInactive: 9_000_000 + this.nextOwnerId,
      type: 'PERSON',
      createdAt: at,
      updatedAt: at,
      archived: false,
      teams: [],
    };
    this.owners.push(created);
    return created;
  }

  findLiveObject(type: FakeObjectType, id: string): StoredObject | undefined {
    const found = this.objects[type].get(id);
    return found && !found.archived ? found : undefined;
  }

  /** The live object of `type` holding `value` in unique property `property`. */
  findByUniqueValue(type: FakeObjectType, property: string, value: string): StoredObject | undefined {
    for (const obj of this.objects[type].values()) {
      if (!obj.archived && obj.properties.get(property) === value) return obj;
    }
    return undefined;
  }

  private seed(): void {
    this.nextObjectId = 0;
    this.nextOwnerId = 0;
    this.nextPipelineId = 0;
    const at = iso(this.now());
    for (const type of FAKE_OBJECT_TYPES) {
      DEFAULT_GROUPS[type].forEach((g, i) => this.groups[type].set(g.name, { ...g, displayOrder: i, archived: false }));
      DEFAULT_PROPERTIES[type].forEach((p, i) => this.properties[type].set(p.name, makeProperty(p, at, true, i)));
    }
    this.pipelines.deals.set('default', seededPipeline('default', 'Sales Pipeline', at, [
      ['appointmentscheduled', 'Appointment Scheduled', { probability: '0.2', isClosed: 'false' }],
      ['qualifiedtobuy', 'Qualified To Buy', { probability: '0.4', isClosed: 'false' }],
      ['presentationscheduled', 'Presentation Scheduled', { probability: '0.6', isClosed: 'false' }],
      ['decisionmakerboughtin', 'Decision Maker Bought-In', { probability: '0.8', isClosed: 'false' }],
      ['contractsent', 'Contract Sent', { probability: '0.9', isClosed: 'false' }],
      ['closedwon', 'Closed Won', { probability: '1.0', isClosed: 'true' }],
      ['closedlost', 'Closed Lost', { probability: '0.0', isClosed: 'true' }],
    ]));
    this.pipelines.tickets.set('0', seededPipeline('0', 'Support Pipeline', at, [
      ['1', 'New', { ticketState: 'OPEN' }],
      ['2', 'Waiting on contact', { ticketState: 'OPEN' }],
      ['3', 'Waiting on us', { ticketState: 'OPEN' }],
      ['4', 'Closed', { ticketState: 'CLOSED' }],
    ]));
    this.addOwner({ email: 'ada@agency.example', firstName: 'Ada', lastName: 'Lovelace' });
    this.addOwner({ email: 'grace@agency.example', firstName: 'Grace', lastName: 'Hopper' });
    this.addOwner({ email: 'alan@agency.example', firstName: 'Alan', lastName: 'Turing' });
  }
}

function seededPipeline(id: string, label: string, at: string, stages: [string, string, Record<string, string>][]): PipelineView {
  const stageViews: StageView[] = stages.map(([stageId, stageLabel, metadata], i) => ({
    id: stageId, label: stageLabel, displayOrder: i, metadata, createdAt: at, updatedAt: at, archived: false,
  }));
  return { id, label, displayOrder: 0, stages: stageViews, createdAt: at, updatedAt: at, archived: false };
}
