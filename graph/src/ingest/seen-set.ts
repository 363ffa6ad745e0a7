// Which stored nodes a listing has accounted for, so a complete listing can delete the rest
// without holding the listing or the stored tree in memory. Node ids are kept as 64-bit
// fingerprints in an open-addressing table (~20 bytes per node): a fingerprint collision can
// only make an absent node look present, i.e. a delete is postponed to the next scan, never
// invented.

/** The node was matched by an entry of the listing. */
export const MATCHED = 1;
/** A folder kept because something under it was listed (providers without folder entries). */
export const KEPT = 2;

function fingerprint(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a >>>= 0;
  b >>>= 0;
  // (0, 0) marks an empty slot.
  return a === 0 && b === 0 ? [0, 1] : [a, b];
}

export class SeenSet {
  private keys: Uint32Array;
  private flags: Uint8Array;
  private used = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap * 2);
    this.flags = new Uint8Array(cap);
  }

  get size(): number {
    return this.used;
  }

  add(id: string, flag: number): void {
    if ((this.used + 1) * 2 > this.flags.length) this.grow();
    const [a, b] = fingerprint(id);
    const slot = this.slotOf(a, b);
    if (this.flags[slot] === 0) {
      this.keys[slot * 2] = a;
      this.keys[slot * 2 + 1] = b;
      this.used++;
    }
    this.flags[slot]! |= flag;
  }

  /** Flags recorded for `id` (0: never seen). */
  get(id: string): number {
    const [a, b] = fingerprint(id);
    return this.flags[this.slotOf(a, b)]!;
  }

  has(id: string, flag = MATCHED | KEPT): boolean {
    return (this.get(id) & flag) !== 0;
  }

  private slotOf(a: number, b: number): number {
    const mask = this.flags.length - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.flags[slot] !== 0 && (this.keys[slot * 2] !== a || this.keys[slot * 2 + 1] !== b)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldFlags = this.flags;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.flags = new Uint8Array(oldFlags.length * 2);
    for (let i = 0; i < oldFlags.length; i++) {
      if (oldFlags[i] === 0) continue;
      const a = oldKeys[i * 2]!;
      const b = oldKeys[i * 2 + 1]!;
      const slot = this.slotOf(a, b);
      this.keys[slot * 2] = a;
      this.keys[slot * 2 + 1] = b;
      this.flags[slot] = oldFlags[i]!;
    }
  }
}
