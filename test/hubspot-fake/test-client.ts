import { Client } from '@hubspot/api-client';
import type { HubSpotFake } from './index';

/** The real client pointed at the fake, with its own retries off (Baton's gateway owns retries). */
export function clientFor(fake: HubSpotFake, accessToken = 'test-token'): Client {
  return new Client({ accessToken, basePath: fake.baseUrl, numberOfApiCallRetries: 0 });
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Plain fetch for what the client hides (headers, status of 4xx bodies, odd routes). */
export async function call(fake: HubSpotFake, method: string, path: string, body?: unknown, token: string | null = 'test-token'): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(fake.baseUrl + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Keep the raw text: some tests send malformed bodies on purpose.
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
