{{/*
Combinations the schema accepts but the pinned runner or Kubernetes would turn into failing jobs,
a crash loop or an open door, as JSON {"errors": [...]}; gitlab-runner-fleet.validateValues
reports them with its own. src/values/semantic-checks.ts mirrors every check.
*/}}
{{- define "gitlab-runner-fleet.runnerFitProblems" -}}
{{- $root := . -}}
{{- $errors := list -}}
{{- include "gitlab-runner-fleet.runnerList" $root -}}
{{- range $index, $runner := $root.fleetRender.runners -}}
{{- $path := printf "runners[%d]" $index -}}
{{- $k := $runner.kubernetes -}}
{{- /* helpers/pull_policies: a job whose pull policies are all outside the allow-list fails */ -}}
{{- if and (eq $runner.executor "kubernetes") $k.allowedPullPolicies -}}
{{- $allowed := false -}}
{{- range $k.pullPolicy -}}{{- if has . $k.allowedPullPolicies -}}{{- $allowed = true -}}{{- end -}}{{- end -}}
{{- if not $allowed -}}
{{- $errors = append $errors (printf "%s.kubernetes.allowedPullPolicies: %s contains none of kubernetes.pullPolicy %s, so the runner fails every job that sets no allowed pull_policy itself; add one of them" $path (toJson $k.allowedPullPolicies) (toJson $k.pullPolicy)) -}}
{{- end -}}
{{- end -}}
{{- if and (eq $runner.executor "shell") (not $root.Values.allowShellExecutor) -}}
{{- $errors = append $errors (printf "%s.executor: shell runs jobs inside the manager container, where they can read every runner token and the manager's Kubernetes credentials; set allowShellExecutor: true to accept that (tests and demos only)" $path) -}}
{{- end -}}
{{- end -}}
{{- range $index, $var := $root.Values.extraEnv -}}
{{- if has (lower $var.name) (list "http_proxy" "https_proxy" "no_proxy" "all_proxy") -}}
{{- $errors = append $errors (printf "extraEnv[%d].name: set %s through proxy.httpProxy, proxy.httpsProxy and proxy.noProxy instead, which always keep the Kubernetes API server out of the proxy" $index $var.name) -}}
{{- end -}}
{{- end -}}
{{- $proxy := or $root.Values.proxy.httpProxy $root.Values.proxy.httpsProxy -}}
{{- if and $proxy $root.Values.networkPolicy.enabled (not $root.Values.networkPolicy.proxyCIDRs) -}}
{{- $errors = append $errors "networkPolicy.proxyCIDRs: required when networkPolicy.enabled and a proxy is set (the egress policy would block the proxy)" -}}
{{- end -}}
{{- $startup := $root.Values.probes.startup -}}
{{- if and $startup.enabled (hasKey $startup "failureThreshold") (not (kindIs "invalid" $startup.failureThreshold)) -}}
{{- $budget := include "gitlab-runner-fleet.startBudgetSeconds" $root | int -}}
{{- $window := mul (int $startup.failureThreshold) (int $startup.periodSeconds) -}}
{{- if lt $window $budget -}}
{{- $errors = append $errors (printf "probes.startup.failureThreshold: %d × probes.startup.periodSeconds %d = %d s is shorter than the %d s lifecycle.startAttempts %d may take to verify or register every runner entry, so Kubernetes would restart pods that are still retrying; leave failureThreshold unset to derive it, or make it at least %d" (int $startup.failureThreshold) (int $startup.periodSeconds) $window $budget (int $root.Values.lifecycle.startAttempts) (div (add $budget (sub (int $startup.periodSeconds) 1)) (int $startup.periodSeconds))) -}}
{{- end -}}
{{- end -}}
{{- /* a ServiceMonitor without metrics.enabled is reported on its own by validateValues */ -}}
{{- $monitor := or $root.Values.metrics.podMonitor.enabled (and $root.Values.metrics.serviceMonitor.enabled $root.Values.metrics.enabled) -}}
{{- if and $monitor $root.Values.networkPolicy.restrictMetrics (not $root.Values.networkPolicy.metricsFrom) -}}
{{- $errors = append $errors "networkPolicy.metricsFrom: name the Prometheus that scrapes (for example a namespaceSelector) when a PodMonitor or ServiceMonitor is on; networkPolicy.restrictMetrics admits nobody else to the metrics port" -}}
{{- end -}}
{{- if and $root.Values.uninstall.enabled (not $root.Values.rbac.create) -}}
{{- $errors = append $errors "uninstall.enabled: needs rbac.create (the uninstall hook has its own Role); with RBAC managed outside the chart set uninstall.enabled: false and scale the StatefulSet to 0 before helm uninstall" -}}
{{- end -}}
{{- if and $root.Values.orphanCleanup.enabled (not $root.Values.rbac.create) -}}
{{- $errors = append $errors "orphanCleanup.enabled: needs rbac.create (the orphan cleanup has its own Roles); with RBAC managed outside the chart set orphanCleanup.enabled: false" -}}
{{- end -}}
{{- if and $root.Values.orphanCleanup.enabled (not (include "gitlab-runner-fleet.jobNamespaces" $root | fromJson).namespaces) -}}
{{- $errors = append $errors "orphanCleanup.enabled: no runner entry runs job pods in this cluster (kubernetes executor without kubernetes.externalCluster), so there is nothing to clean up" -}}
{{- end -}}
{{- dict "errors" $errors | toJson -}}
{{- end -}}
