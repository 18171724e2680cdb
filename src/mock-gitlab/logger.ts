import type { MockGitLabLogger } from "./types.js";

/** One JSON object per line, the format log shippers and `jq` expect. */
export function createJsonLineLogger(stream: NodeJS.WritableStream = process.stdout): MockGitLabLogger {
  return (line) => {
    stream.write(`${JSON.stringify(line)}\n`);
  };
}
