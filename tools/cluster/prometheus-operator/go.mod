// Pins the prometheus-operator release whose CRD manifests (example/prometheus-operator-crd)
// the integration tier installs for the metrics scenario. Nothing is built from it; the
// scripts read the two CRD files from the verified module download (go mod download).
module gitlab-runner-fleet/tools/cluster/prometheus-operator

go 1.24

require github.com/prometheus-operator/prometheus-operator v0.85.0
