import type { z } from 'zod';

/**
 * One IPC channel: the zod schema of its request and of its response. Every
 * feature declares its channels as a table of these; the tables are merged
 * into the one contract (`contract.ts`) that main, preload and renderer share.
 */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** What the channel does, for humans reading the contract. */
  description: string;
}

export type ChannelTable = Record<string, ChannelSpec>;

export function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

export type RequestOf<C extends ChannelSpec> = z.infer<C['request']>;
export type ResponseOf<C extends ChannelSpec> = z.infer<C['response']>;

/** The main-side implementation of a channel table: validated request in, response out. */
export type HandlersFor<T extends ChannelTable> = {
  [K in keyof T]: (request: RequestOf<T[K]>) => Promise<ResponseOf<T[K]>>;
};
