import { bool, checkShape, int, intOrString, list, map, obj, str, type Shape } from "./shape.js";
import { unknownFields } from "./unknown-fields.js";

// prometheus-operator's CRDs are not in kubernetes-models or client-node. Instead of vendoring
// their 80 kB schemas we check, strictly, the subset of fields this chart may render; anything
// else is reported as unknown so that a new field is a deliberate addition here, not a typo.
// Types, enums and patterns follow monitoring.coreos.com_{pod,service}monitors.yaml (operator 0.9x).

const duration = str({ pattern: /^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/ });

const relabeling = obj({
  action: str({
    enum: ["replace", "Replace", "keep", "Keep", "drop", "Drop", "hashmod", "HashMod", "labelmap", "LabelMap",
      "labeldrop", "LabelDrop", "labelkeep", "LabelKeep", "lowercase", "Lowercase", "uppercase", "Uppercase",
      "keepequal", "KeepEqual", "dropequal", "DropEqual"],
  }),
  modulus: int({ min: 0 }),
  regex: str(),
  replacement: str(),
  separator: str(),
  sourceLabels: list(str()),
  targetLabel: str(),
});

const endpointFields: Record<string, Shape> = {
  port: str(),
  targetPort: intOrString,
  path: str(),
  scheme: str({ enum: ["http", "https", "HTTP", "HTTPS"] }),
  interval: duration,
  scrapeTimeout: duration,
  honorLabels: bool,
  params: map(list(str())),
  relabelings: list(relabeling),
  metricRelabelings: list(relabeling),
};

const labelSelector = obj({
  matchLabels: map(str()),
  matchExpressions: list(
    obj(
      { key: str(), operator: str({ enum: ["In", "NotIn", "Exists", "DoesNotExist"] }), values: list(str()) },
      ["key", "operator"],
    ),
  ),
});

const common: Record<string, Shape> = {
  jobLabel: str(),
  podTargetLabels: list(str()),
  selector: labelSelector,
  namespaceSelector: obj({ any: bool, matchNames: list(str()) }),
};

const metadata = obj(
  { name: str(), generateName: str(), namespace: str(), labels: map(str()), annotations: map(str()) },
  [],
  true,
);

const SPECS: Record<string, Shape> = {
  PodMonitor: obj(
    { ...common, podMetricsEndpoints: list(obj({ ...endpointFields, portNumber: int({ min: 1, max: 65535 }) })) },
    ["selector"],
  ),
  ServiceMonitor: obj({ ...common, targetLabels: list(str()), endpoints: list(obj(endpointFields)) }, [
    "selector",
    "endpoints",
  ]),
};

export const MONITORING_API_VERSION = "monitoring.coreos.com/v1";

export function isMonitoringKind(kind: string): boolean {
  return Object.hasOwn(SPECS, kind);
}

export function checkMonitoring(manifest: Record<string, unknown>, kind: string): string[] {
  const spec = SPECS[kind];
  if (!spec) return [`no schema for ${kind} ${MONITORING_API_VERSION}`];
  const problems: string[] = [];
  const top = obj({ apiVersion: str(), kind: str(), metadata, spec }, ["spec"]);
  checkShape(manifest, top, "", problems);
  if (manifest.metadata !== undefined) problems.push(...unknownFields(manifest.metadata, "V1ObjectMeta", "metadata"));
  return problems;
}
