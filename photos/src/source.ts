// Reading content through a Provider: the first bytes by a ranged read (recognition, EXIF of
// TIFF-based files), and a byte cap for whole-file streams fed to the decoder.
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { Provider } from '@syncoxide/sync';
import { HEAD_BYTES, type Recognition, recogniseBytes } from './format.js';

/** Reads at most `bytes` from the start of a file with a ranged read (never the whole file). */
export async function readHead(provider: Provider, path: string, bytes: number): Promise<Buffer> {
  const stream = await provider.read(path, { start: 0, end: bytes - 1 });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      // A provider that ignores ranges must not make us read a whole video.
      if (total >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** Recognises a file of a provider from its first bytes. */
export async function recognise(provider: Provider, path: string): Promise<Recognition> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return recogniseBytes(await readHead(provider, path, HEAD_BYTES), name);
}

/**
 * Fails the stream with INVALID_INPUT once more than `maxBytes` passed. sharp keeps the
 * compressed input in memory while it decodes, so this cap bounds that memory.
 */
export class ByteCap extends Transform {
  private seen = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly label = '',
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) {
      callback(
        new SyncoxideError('INVALID_INPUT', `image larger than ${this.maxBytes} bytes`, {
          path: this.label || undefined,
        }),
      );
      return;
    }
    callback(null, chunk);
  }
}

/** Rejects when one of the streams fails, so work waiting on them can be abandoned; never resolves. */
export function failureOf(...streams: Readable[]): Promise<never> {
  return new Promise<never>((_, reject) => {
    for (const s of streams) s.once('error', reject);
  });
}
