import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { SyncProgressSchema } from '../sync/protocol';

/** Commands the native menu forwards to the renderer (which owns the UI that answers them). */
export const MENU_COMMANDS = ['new-handoff', 'find', 'show-board', 'show-dashboard', 'keyboard-shortcuts', 'backup'] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** Main → renderer events and their payload schemas. */
export const events = {
  'online.changed': z.object({ online: z.boolean() }),
  'sync.progress': SyncProgressSchema,
  'notification.clicked': z.object({ handoffId: IdSchema }),
  'menu.command': z.object({ command: MenuCommandSchema }),
  /**
   * A doorbell, no file: the OS asked Baton to open a backup file. The
   * renderer then calls `backup.takeOpenedFile`, which also covers a file
   * that arrived before the renderer was listening (e.g. at launch).
   */
  'backup.fileOpened': z.object({}).strict(),
};
export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

/** The Electron channel an event travels on; prefixed so it can never be mistaken for an invoke channel. */
export function eventChannel(name: EventName): string {
  return `baton:event:${name}`;
}

/** Sends one event to the renderer; implemented by main (webContents.send) and the test host (page.evaluate). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
