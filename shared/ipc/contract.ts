import { appChannels } from './app-channels';
import { backupChannels } from './backup-channels';
import { syncChannels } from './sync-channels';

/**
 * The whole IPC contract: every channel's name, request and response schema.
 * Main validates against it, the preload builds `window.baton` from it and the
 * renderer's calls are type-checked by it.
 */
export const contract = { ...appChannels, ...backupChannels, ...syncChannels };
export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;

export const channelNames = Object.keys(contract) as ChannelName[];
