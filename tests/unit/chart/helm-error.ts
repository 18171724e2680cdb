import { RenderError } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";

/** helm's stderr for values it must refuse; a render that succeeds fails the calling test. */
export async function helmError(values: unknown, helm: 3 | 4): Promise<string> {
  try {
    await renderOnce(values, { helm });
  } catch (error) {
    if (error instanceof RenderError) return error.stderr;
    throw error;
  }
  throw new Error(`helm ${helm} accepted the values`);
}
