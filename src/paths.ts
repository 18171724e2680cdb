import { fileURLToPath } from "node:url";

/** The chart root: Chart.yaml, values.schema.json and templates/ sit there, in the repo and in the npm package. */
export const chartRoot = fileURLToPath(new URL("../", import.meta.url));

/** values.schema.json, the single source of truth for values. */
export const schemaPath = fileURLToPath(new URL("../values.schema.json", import.meta.url));
