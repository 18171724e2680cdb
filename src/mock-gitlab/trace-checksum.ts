import { crc32 } from "node:zlib";

/** `crc32:%08x` (IEEE) of the trace, as the runner reports it in PUT /jobs/:id. */
export const traceChecksum = (chunks: readonly Buffer[]): string =>
  `crc32:${chunks
    .reduce((crc, chunk) => crc32(chunk, crc), 0)
    .toString(16)
    .padStart(8, "0")}`;
