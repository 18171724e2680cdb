import { renderChart, RenderError } from "../../../src/testing/render.js";

/** helm's stderr for values it must refuse; a render that succeeds fails the calling test. */
export async function helmError(values: unknown, helm: 3 | 4): Promise<string> {
  try {
    await renderChart(values, { helm });
  } catch (error) {
    if (error instanceof RenderError) return error.stderr;
    throw error;
  }
  throw new Error(`helm ${helm} accepted the values`);
}
