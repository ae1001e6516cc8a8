import { z } from 'zod';
import { HubSpotSetupSchema } from '../../shared/hubspot/setup';
import type { HubSpotSetup } from '../../shared/hubspot/setup';
import type { SecretStore } from '../host/deps';

/**
 * The setup chosen per HubSpot portal, kept by the main process (which owns
 * every HubSpot call) in the host's encrypted key/value store: it is not a
 * secret, but that store is the one place the main process persists
 * anything, and the setup must survive restarts and a reconnect of the same
 * portal. Keyed by portal, so a token of another portal never uses it.
 */
export const SETUP_KEY = 'hubspot.setup';

const StoredSetupsSchema = z.record(z.string(), HubSpotSetupSchema);

export interface SetupStore {
  get(portalId: number): Promise<HubSpotSetup | null>;
  set(portalId: number, setup: HubSpotSetup): Promise<void>;
}

export function createSetupStore(secrets: SecretStore): SetupStore {
  async function readAll(): Promise<Record<string, HubSpotSetup>> {
    const raw = await secrets.get(SETUP_KEY);
    if (raw === null) return {};
    try {
      const parsed = StoredSetupsSchema.safeParse(JSON.parse(raw));
      // A damaged record is treated as "no setup chosen": the person is asked again, nothing is guessed.
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
  return {
    async get(portalId) {
      return (await readAll())[String(portalId)] ?? null;
    },
    async set(portalId, setup) {
      const all = await readAll();
      all[String(portalId)] = setup;
      await secrets.set(SETUP_KEY, JSON.stringify(all));
    },
  };
}
