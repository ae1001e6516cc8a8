import { z } from 'zod';
import { HandoffSchema } from '../domain/handoff';
import type { Handoff } from '../domain/handoff';
import { HandoffEventSchema } from '../domain/history';
import { HandoffCommandSchema } from '../domain/command-schema';
import { IdSchema } from '../domain/ids';
import { TemplateSchema } from '../domain/template';
import type { Template } from '../domain/template';

/**
 * The carrier: the whole handoff as one versioned JSON document on its HubSpot
 * record, in the `baton_record*` text properties (see README.md in this folder
 * for why). It travels with the properties the incremental search already
 * returns, so it costs no extra request on pull, and with the batch update the
 * push already makes.
 */

export const CARRIER_FORMAT = 'baton-handoff';
export const CARRIER_VERSION = 1;
/** HubSpot's limit for one text property value. */
export const CHUNK_CHARS = 65_536;
/** The properties the document is split across, in order (8 x 64 KiB = 512 KiB). */
export const CARRIER_PROPERTIES: readonly string[] = ['baton_record', ...Array.from({ length: 7 }, (_, i) => `baton_record_${i + 2}`)];

/**
 * How another desktop re-does one history event:
 * - `command`: the domain command, replayed through `applyCommand` as already decided, with the ids it minted (in minting order);
 * - `created`: the event's `after` is the new handoff;
 * - `patch`: top-level fields to set (changes that were not a command: a HubSpot edit, an undo, a pull's exception);
 * - `none`: a step whose effect is already in a later patch (history from before the carrier existed).
 */
export const RecipeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), command: HandoffCommandSchema, ids: z.array(IdSchema).min(1).max(10) }),
  z.object({ kind: z.literal('created') }),
  z.object({ kind: z.literal('patch'), fields: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('none') }),
]);
export type Recipe = z.infer<typeof RecipeSchema>;

/** One event of the log with its recipe and its causal position (`seq`: the handoff's version right after the event where it was made). */
export const CarriedEventSchema = z.object({
  seq: z.number().int().positive(),
  event: HandoffEventSchema,
  recipe: RecipeSchema,
  /**
   * For a command that sets a scalar: the last command that set the same scalar where this one was made (null: none).
   * Two sets with another `prev` than the set they replace were concurrent: a merge decision is listed (concurrent-sets.ts).
   */
  prev: IdSchema.nullable().optional(),
});
export type CarriedEvent = z.infer<typeof CarriedEventSchema>;

export const CarrierSchema = z.object({
  format: z.literal(CARRIER_FORMAT),
  v: z.literal(CARRIER_VERSION),
  handoffId: IdSchema,
  /** For messages about a record that cannot be merged. */
  title: HandoffSchema.shape.title,
  /**
   * The deal property values the writer set with this record: a property that
   * now holds anything else was edited in HubSpot by someone not using Baton.
   */
  mirrored: z.record(z.string(), z.string().nullable()),
  /** The exact template version the handoff uses, so every desktop evaluates the same proof. */
  template: TemplateSchema,
  log: z.array(CarriedEventSchema).min(1),
});
export type Carrier = z.infer<typeof CarrierSchema>;

/** The part every format shares, read first to tell a foreign or newer record (built once: zod compiles a schema on first use). */
const CarrierHeadSchema = z.object({ format: z.string(), v: z.number() });

export type CarrierRead = { ok: true; carrier: Carrier } | { ok: false; message: string } | { ok: 'absent' };

/**
 * Command events are re-done from their command, which recomputes before,
 * after and summary: the carrier leaves them out, which keeps a long history
 * within the properties' size.
 */
function slim(entry: CarriedEvent): CarriedEvent {
  if (entry.recipe.kind !== 'command') return entry;
  return { ...entry, event: { ...entry.event, before: null, after: null, summary: '' } };
}

export class CarrierTooLarge extends Error {
  constructor(readonly chars: number) {
    super(
      `This handoff's record is ${chars.toLocaleString('en-US')} characters, more than HubSpot's ${CARRIER_PROPERTIES.length} text properties hold ` +
        `(${(CARRIER_PROPERTIES.length * CHUNK_CHARS).toLocaleString('en-US')}); archive old notes or split the work into another handoff.`,
    );
    this.name = 'CarrierTooLarge';
  }
}

/** The property values that carry `handoff` (every carrier property: unused ones are cleared with null). */
export function encodeCarrier(handoff: Handoff, template: Template, log: readonly CarriedEvent[], mirrored: Record<string, string | null>): Record<string, string | null> {
  const document: Carrier = { format: CARRIER_FORMAT, v: CARRIER_VERSION, handoffId: handoff.id, title: handoff.title, mirrored, template, log: log.map(slim) };
  const json = JSON.stringify(document);
  if (json.length > CARRIER_PROPERTIES.length * CHUNK_CHARS) throw new CarrierTooLarge(json.length);
  return splitIntoChunks(json);
}

/** A JSON text over the carrier properties, one chunk each (unused ones cleared with null); the caller checks its size. */
export function splitIntoChunks(json: string): Record<string, string | null> {
  return Object.fromEntries(CARRIER_PROPERTIES.map((name, i) => [name, json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS) || null]));
}

/** The JSON text the carrier properties hold, joined up to the first empty one; null when there is none. */
function joinChunks(properties: Readonly<Record<string, string | null | undefined>>): string | null {
  const parts: string[] = [];
  for (const name of CARRIER_PROPERTIES) {
    const part = properties[name];
    if (part === null || part === undefined || part === '') break;
    parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('');
}

/** What the carrier properties of a record hold: nothing, text that is not JSON, or parsed JSON (each reader checks its shape). */
export type ChunkedJson = { kind: 'absent' } | { kind: 'unreadable'; json: string } | { kind: 'read'; json: string; raw: unknown };

export function readChunkedJson(properties: Readonly<Record<string, string | null | undefined>>): ChunkedJson {
  const json = joinChunks(properties);
  if (json === null) return { kind: 'absent' };
  try {
    return { kind: 'read', json, raw: JSON.parse(json) as unknown };
  } catch {
    return { kind: 'unreadable', json };
  }
}

/** The start of a text that is not what it should be, quoted for a problem message. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Reads the carrier from a record's properties. No carrier (a deal made in
 * HubSpot or by an older Baton) is `absent`; anything else that is not a
 * valid carrier of this format says what is wrong with it, so the card shows
 * the problem and nothing local is touched.
 */
export function decodeCarrier(properties: Readonly<Record<string, string | null | undefined>>): CarrierRead {
  const read = readChunkedJson(properties);
  if (read.kind === 'absent') return { ok: 'absent' };
  const { json } = read;
  if (read.kind === 'unreadable') {
    return { ok: false, message: `Its Baton record in HubSpot (${CARRIER_PROPERTIES[0]}) is not readable data (starts ${shown(json)}); it was edited outside Baton or cut short.` };
  }
  const { raw } = read;
  const head = CarrierHeadSchema.safeParse(raw);
  if (!head.success || head.data.format !== CARRIER_FORMAT) {
    return { ok: false, message: `Its Baton record in HubSpot is not a Baton handoff record (starts ${shown(json)}).` };
  }
  if (head.data.v > CARRIER_VERSION) {
    return { ok: false, message: `Its Baton record in HubSpot was written by a newer Baton (format ${head.data.v}); update Baton on this computer to read it.` };
  }
  const parsed = CarrierSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Its Baton record in HubSpot is damaged: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}.` };
  }
  return { ok: true, carrier: parsed.data };
}
