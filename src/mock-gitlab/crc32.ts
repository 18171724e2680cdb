// Node 20 has no zlib.crc32; the runner reports `crc32:%08x` (IEEE) of the trace in PUT /jobs/:id.
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(chunks: readonly Buffer[]): number {
  let crc = 0xffffffff;
  for (const chunk of chunks) {
    for (const byte of chunk) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const traceChecksum = (chunks: readonly Buffer[]): string =>
  `crc32:${crc32(chunks).toString(16).padStart(8, "0")}`;
