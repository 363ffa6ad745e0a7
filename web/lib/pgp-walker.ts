// Walks the binary OpenPGP message of an encrypted share file (what encryptWith writes: key
// packets, then one SEIPD v1 packet whose content is one literal data packet and the MDC) and
// hands out the plaintext, starting either at the beginning of the file or at a checkpoint
// taken on an earlier walk. That is what makes ranged reads possible: SEIPD v1 is CFB-128 with
// no resynchronisation, so decrypting can start at any block given the ciphertext block before
// it; only the two packet framings (partial body lengths of the SEIPD packet outside, of the
// literal packet inside) must be followed, and a checkpoint carries where both stand.
//
// The gateway walks each file once as it encrypts it, records a checkpoint every few hundred
// KiB with the SHA-256 of the plaintext between checkpoints, and the app resumes from the
// checkpoint before a range, fetches only the ciphertext up to the checkpoint after it, and
// checks the hashes (the MDC of SEIPD v1 covers the whole file, so it cannot vouch for a part).
//
// No imports and no Node APIs: the dashboard bundles this file as it is (the cipher is given).

/** CFB-128 decryption that returns exactly as many bytes as it is given. */
export interface CfbDecryptor {
  update(cipher: Uint8Array): Uint8Array;
}

/** Makes a decryptor for the share's session key starting after the ciphertext block `iv`. */
export type CfbFactory = (iv: Uint8Array) => CfbDecryptor;

/** Where a walk stands between two bytes of the file; enough to resume there. */
export interface WalkPoint {
  /** Offset in the plaintext of the next data byte. */
  plain: number;
  /** Offset in the file of the next ciphertext byte. */
  file: number;
  /** Bytes left of the SEIPD body part being read (0: a length header comes next, unless final). */
  outerLeft: number;
  outerFinal: boolean;
  /** The CFB register: the last whole ciphertext block, then the bytes of the current one (base64). */
  back: string;
  /** Bytes left of the literal data part being read (0: a length header comes next, unless final). */
  innerLeft: number;
  innerFinal: boolean;
}

export class UnsupportedMessage extends Error {}

const BLOCK = 16;
const TAG_SEIPD = 18;
const TAG_LITERAL = 11;

type Frame = { left: number; final: boolean };

/** A new-format packet length: whole, or one part of a partial body. null: need more bytes. */
function readLength(b: number[], from: number): { len: number; partial: boolean; size: number } | null {
  const o1 = b[from];
  if (o1 === undefined) return null;
  if (o1 < 192) return { len: o1, partial: false, size: 1 };
  if (o1 < 224) {
    const o2 = b[from + 1];
    return o2 === undefined ? null : { len: ((o1 - 192) << 8) + o2 + 192, partial: false, size: 2 };
  }
  if (o1 < 255) return { len: 1 << (o1 & 0x1f), partial: true, size: 1 };
  if (b.length < from + 5) return null;
  return {
    len: ((b[from + 1]! << 24) | (b[from + 2]! << 16) | (b[from + 3]! << 8) | b[from + 4]!) >>> 0,
    partial: false,
    size: 5,
  };
}

/** A packet header (tag + length). null: need more bytes. */
function readHeader(b: number[]): { tag: number; len: number; partial: boolean } | null {
  const o = b[0];
  if (o === undefined) return null;
  if ((o & 0xc0) !== 0xc0) throw new UnsupportedMessage('old-format packet header');
  const l = readLength(b, 1);
  return l ? { tag: o & 0x3f, len: l.len, partial: l.partial } : null;
}

const toBase64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export class PgpWalker {
  /** Offsets as in WalkPoint. */
  private file = 0;
  private plain = 0;
  // Outside: packet headers of the message, then the SEIPD body in parts.
  private outer: 'header' | 'skip' | 'length' | 'version' | 'body' | 'done' = 'header';
  private outerFrame: Frame = { left: 0, final: false };
  private acc: number[] = [];
  // The CFB stream and its register (for checkpoints).
  private cfb: CfbDecryptor | null = null;
  private cfbPos = 0;
  private tail = new Uint8Array(0);
  // Inside: the random prefix, the literal packet's header and fields, its data in parts.
  private inner: 'prefix' | 'header' | 'fields' | 'length' | 'data' | 'done' = 'prefix';
  private innerFrame: Frame = { left: 0, final: false };
  private innerAcc: number[] = [];
  private prefixLeft = BLOCK + 2;

  /** From the first byte of the file, or from a checkpoint of an earlier walk of the same file. */
  constructor(
    private readonly decryptor: CfbFactory,
    private readonly onData: (plain: Uint8Array, offset: number) => void,
    from?: WalkPoint,
  ) {
    if (!from) return;
    this.file = from.file;
    this.plain = from.plain;
    this.outerFrame = { left: from.outerLeft, final: from.outerFinal };
    this.outer = from.outerLeft > 0 ? 'body' : from.outerFinal ? 'done' : 'length';
    const back = fromBase64(from.back);
    if (back.length < BLOCK) throw new UnsupportedMessage('checkpoint without a CFB register');
    this.cfb = decryptor(back.subarray(0, BLOCK));
    this.cfb.update(back.subarray(BLOCK));
    this.tail = back;
    this.cfbPos = BLOCK + (back.length - BLOCK);
    this.innerFrame = { left: from.innerLeft, final: from.innerFinal };
    this.inner = from.innerLeft > 0 ? 'data' : from.innerFinal ? 'done' : 'length';
  }

  /** Has the walk passed the last plaintext byte? */
  get finished(): boolean {
    return this.inner === 'done';
  }

  /** Where the walk stands, or null when it is inside a header (not a place to resume from). */
  point(): WalkPoint | null {
    const outerOk = this.outer === 'body' || (this.outer === 'length' && this.acc.length === 0);
    const innerOk = this.inner === 'data' || (this.inner === 'length' && this.innerAcc.length === 0);
    if (!outerOk || !innerOk || this.cfbPos < BLOCK) return null;
    return {
      plain: this.plain,
      file: this.file,
      outerLeft: this.outerFrame.left,
      outerFinal: this.outerFrame.final,
      back: toBase64(this.tail),
      innerLeft: this.innerFrame.left,
      innerFinal: this.innerFrame.final,
    };
  }

  /** Takes the next bytes of the file; `between` runs wherever a checkpoint could be taken. */
  feed(bytes: Uint8Array, between?: () => void): void {
    let i = 0;
    while (i < bytes.length) {
      if (this.outer === 'done') {
        this.file += bytes.length - i;
        return;
      }
      if (this.outer === 'body') {
        const n = Math.min(this.outerFrame.left, bytes.length - i);
        this.body(bytes.subarray(i, i + n));
        this.outerFrame.left -= n;
        this.file += n;
        i += n;
        if (this.outerFrame.left === 0) this.outer = this.outerFrame.final ? 'done' : 'length';
        between?.();
        continue;
      }
      if (this.outer === 'skip') {
        const n = Math.min(this.outerFrame.left, bytes.length - i);
        this.outerFrame.left -= n;
        this.file += n;
        i += n;
        if (this.outerFrame.left === 0) this.outer = 'header';
        continue;
      }
      // One header byte at a time (headers are a few bytes).
      this.acc.push(bytes[i]!);
      this.file++;
      i++;
      if (this.outer === 'header') {
        const h = readHeader(this.acc);
        if (!h) continue;
        this.acc = [];
        if (h.tag === TAG_SEIPD) {
          this.outerFrame = { left: h.len, final: !h.partial };
          this.outer = 'version';
        } else {
          if (h.partial) throw new UnsupportedMessage(`partial length on packet ${h.tag}`);
          this.outerFrame = { left: h.len, final: true };
          this.outer = h.len > 0 ? 'skip' : 'header';
        }
      } else if (this.outer === 'length') {
        const l = readLength(this.acc, 0);
        if (!l) continue;
        this.acc = [];
        this.outerFrame = { left: l.len, final: !l.partial };
        this.outer = l.len > 0 ? 'body' : 'done';
      } else if (this.outer === 'version') {
        // The byte pushed is the body's first: the SEIPD version.
        const v = this.acc.pop();
        this.outerFrame.left--;
        if (v !== 1) throw new UnsupportedMessage(`SEIPD version ${v}`);
        this.cfb = this.decryptor(new Uint8Array(BLOCK));
        this.outer = this.outerFrame.left > 0 ? 'body' : this.outerFrame.final ? 'done' : 'length';
      }
    }
  }

  /** Ciphertext of the SEIPD body (after the version byte): decrypt, keep the register, parse. */
  private body(cipher: Uint8Array): void {
    if (cipher.length === 0) return;
    const plain = this.cfb!.update(cipher);
    this.cfbPos += cipher.length;
    const keep = BLOCK + (this.cfbPos % BLOCK);
    if (cipher.length >= keep) this.tail = cipher.slice(cipher.length - keep);
    else {
      const joined = new Uint8Array(this.tail.length + cipher.length);
      joined.set(this.tail);
      joined.set(cipher, this.tail.length);
      this.tail = joined.slice(Math.max(0, joined.length - keep));
    }
    this.parseInner(plain);
  }

  private parseInner(p: Uint8Array): void {
    let i = 0;
    while (i < p.length) {
      if (this.inner === 'done') return;
      if (this.inner === 'prefix') {
        const n = Math.min(this.prefixLeft, p.length - i);
        this.prefixLeft -= n;
        i += n;
        if (this.prefixLeft === 0) this.inner = 'header';
        continue;
      }
      if (this.inner === 'data') {
        const n = Math.min(this.innerFrame.left, p.length - i);
        if (n > 0) this.onData(p.subarray(i, i + n), this.plain);
        this.plain += n;
        this.innerFrame.left -= n;
        i += n;
        if (this.innerFrame.left === 0) this.inner = this.innerFrame.final ? 'done' : 'length';
        continue;
      }
      this.innerAcc.push(p[i]!);
      i++;
      if (this.inner === 'header') {
        const h = readHeader(this.innerAcc);
        if (!h) continue;
        this.innerAcc = [];
        // A compressed packet (tag 8) or a signed message would need a different walk.
        if (h.tag !== TAG_LITERAL) throw new UnsupportedMessage(`inner packet ${h.tag}, not literal data`);
        this.innerFrame = { left: h.len, final: !h.partial };
        this.inner = 'fields';
      } else if (this.inner === 'length') {
        const l = readLength(this.innerAcc, 0);
        if (!l) continue;
        this.innerAcc = [];
        this.innerFrame = { left: l.len, final: !l.partial };
        this.inner = l.len > 0 ? 'data' : l.partial ? 'length' : 'done';
      } else if (this.inner === 'fields') {
        // format (1), name length (1), name, date (4): counted in the literal packet's part.
        this.innerFrame.left--;
        if (this.innerFrame.left < 0) throw new UnsupportedMessage('literal fields span parts');
        const nameLength = this.innerAcc[1];
        if (nameLength !== undefined && this.innerAcc.length === 2 + nameLength + 4) {
          this.innerAcc = [];
          this.inner = this.innerFrame.left > 0 ? 'data' : this.innerFrame.final ? 'done' : 'length';
        }
      }
    }
  }
}

/** What a ranged read needs to know of one file (the encrypted-index route's answer). */
export interface RangeSource {
  /** Plaintext size. */
  size: number;
  /** The index (cipher-index.ts); null: the file predates it and is walked from its start. */
  segments: { at: WalkPoint | null; sha256: string }[] | null;
  /** The ciphertext bytes [start, end) (end null: to the end of the file). */
  fetch(start: number, end: number | null): Promise<ReadableStream<Uint8Array>>;
}

export interface PlainRange {
  bytes: Uint8Array;
  /** Ciphertext bytes fetched for it. */
  cipherRead: number;
  /** Checked against the index's hashes (false: a file without an index, walked from its start). */
  verified: boolean;
}

/**
 * Decrypts plaintext bytes [start, end] (inclusive, as HTTP ranges) of a file. With an index:
 * fetches the ciphertext of only the segments that cover the range, decrypts them and checks
 * their SHA-256 (a damaged or replaced ciphertext is an error, not wrong bytes). Without one:
 * decrypts from the start of the file and stops reading once the range is out (no check is
 * possible: the message's MDC covers the whole file).
 */
export async function decryptRange(
  src: RangeSource,
  cfb: CfbFactory,
  sha256Hex: (bytes: Uint8Array) => Promise<string>,
  start: number,
  end: number,
): Promise<PlainRange> {
  if (!(start >= 0 && end >= start && end < src.size)) throw new RangeError(`no bytes ${start}-${end}`);
  const segs = src.segments;
  let first = 0;
  let next = segs?.length ?? 0;
  if (segs) {
    while (first + 1 < segs.length && segs[first + 1]!.at!.plain <= start) first++;
    next = first + 1;
    while (next < segs.length && segs[next]!.at!.plain <= end) next++;
  }
  const from = segs?.[first]?.at ?? null;
  const plainFrom = segs ? (from?.plain ?? 0) : start;
  const plainTo = segs && next < segs.length ? segs[next]!.at!.plain : segs ? src.size : end + 1;
  const cipherEnd = segs && next < segs.length ? segs[next]!.at!.file : null;
  // Indexed: every plaintext byte of the covering segments (to hash them); else the range only.
  const out = new Uint8Array(plainTo - plainFrom);
  let got = 0;
  const walker = new PgpWalker(
    cfb,
    (p, offset) => {
      const a = Math.max(offset, plainFrom);
      const b = Math.min(offset + p.length, plainTo);
      if (b <= a) return;
      out.set(p.subarray(a - offset, b - offset), a - plainFrom);
      got += b - a;
    },
    from ?? undefined,
  );
  const reader = (await src.fetch(from?.file ?? 0, cipherEnd)).getReader();
  let cipherRead = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      cipherRead += value.length;
      walker.feed(value);
      if (!segs && got === out.length) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  if (got !== out.length) throw new Error('the ciphertext ended before the range');
  if (segs) {
    for (let s = first; s < next; s++) {
      const a = (segs[s]!.at?.plain ?? 0) - plainFrom;
      const b = (s + 1 < segs.length ? segs[s + 1]!.at!.plain : src.size) - plainFrom;
      if ((await sha256Hex(out.subarray(a, b))) !== segs[s]!.sha256)
        throw new Error('the ciphertext does not match its index (damaged, or replaced since)');
    }
  }
  return { bytes: out.subarray(start - plainFrom, end + 1 - plainFrom), cipherRead, verified: segs !== null };
}
