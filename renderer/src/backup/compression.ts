/**
 * Automatic backups are kept gzip-compressed (JSON shrinks about tenfold), so
 * seven days of a large workspace do not eat the browser profile's quota.
 * Where the platform has no CompressionStream the text is kept as is.
 */
export type StoredPayload = { kind: 'gzip'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'text'; text: string };

export function compressionAvailable(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

export async function packText(text: string): Promise<StoredPayload> {
  if (!compressionAvailable()) return { kind: 'text', text };
  const bytes = await collect(streamOf(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('gzip')));
  return { kind: 'gzip', bytes };
}

/** Rejects when the stored bytes are damaged (the caller reports it as a damaged backup). */
export async function unpackText(payload: StoredPayload): Promise<string> {
  if (payload.kind === 'text') return payload.text;
  const bytes = await collect(streamOf(payload.bytes).pipeThrough(new DecompressionStream('gzip')));
  return new TextDecoder().decode(bytes);
}

export function payloadSize(payload: StoredPayload): number {
  return payload.kind === 'gzip' ? payload.bytes.byteLength : payload.text.length;
}
