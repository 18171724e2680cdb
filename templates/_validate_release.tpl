{{/* The metrics Service a ServiceMonitor scrapes exists only with metrics.enabled; JSON list. */}}
{{- define "gitlab-runner-fleet.metricsProblems" -}}
{{- $errors := list -}}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.enabled) -}}
{{- $errors = append $errors "metrics.serviceMonitor.enabled: needs metrics.enabled (the ServiceMonitor scrapes the metrics Service)" -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}

{{/* RBAC must bind a named ServiceAccount, never the namespace's default one; JSON list. */}}
{{- define "gitlab-runner-fleet.serviceAccountProblems" -}}
{{- $errors := list -}}
{{- if and (not .Values.serviceAccount.create) (not .Values.serviceAccount.name) .Values.rbac.create -}}
{{- $errors = append $errors "serviceAccount.name: required when serviceAccount.create is false and rbac.create is true (RBAC would be bound to the namespace's default ServiceAccount)" -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}
