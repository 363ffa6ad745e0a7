// bencode (webtorrent) ships no types; the two functions used here.
declare module 'bencode' {
  const bencode: {
    encode(value: unknown): Uint8Array;
    decode(data: Uint8Array, encoding?: string): unknown;
  };
  export default bencode;
}
