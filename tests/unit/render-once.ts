import { renderChart, type Rendered, type RenderOptions } from "../../src/testing/render.js";

// One helm render per distinct values and options in a worker. Unit files share their worker's
// module cache (vitest.config.ts, isolate: false), so this map outlives a file: about 1 in 6 unit
// renders repeated one already made, same values and options (often in another file), ~0.1–0.2 s
// cpu each. Only for renders of this checkout's chart, which no unit test changes while it runs.
const renders = new Map<string, Promise<Rendered>>();

/** renderChart, made once per (values, options); each caller gets its own copy to read or edit. */
export function renderOnce(values: unknown, options: RenderOptions = {}): Promise<Rendered> {
  // helm 3 is renderChart's default: `{}` and `{ helm: 3 }` are one render.
  const key = JSON.stringify([values, { ...options, helm: options.helm ?? 3 }]);
  let render = renders.get(key);
  if (render === undefined) {
    render = renderChart(values, options);
    renders.set(key, render);
  }
  return render.then((rendered) => structuredClone(rendered));
}
