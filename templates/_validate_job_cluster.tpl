{{/*
Job-cluster mode installs no managers, only the remote manager's ServiceAccount, RBAC and token:
values that only a manager would use, or that leave it without RBAC, contradict it. JSON list.
*/}}
{{- define "gitlab-runner-fleet.jobClusterProblems" -}}
{{- $errors := list -}}
{{- with .Values.jobCluster -}}
{{- if .enabled -}}
{{- if not .namespaces -}}
{{- $errors = append $errors "jobCluster.namespaces: at least one namespace required when jobCluster.enabled is true (the Role and RoleBinding go there)" -}}
{{- end -}}
{{- if $.Values.runners -}}
{{- $errors = append $errors "runners: must be empty when jobCluster.enabled is true (job-cluster mode installs no managers; give the runner entries to the manager's own install)" -}}
{{- end -}}
{{- if not $.Values.rbac.create -}}
{{- $errors = append $errors "rbac.create: must be true when jobCluster.enabled is true (the job Role and RoleBinding are what job-cluster mode installs)" -}}
{{- end -}}
{{- else if or .namespaces (not .createTokenSecret) -}}
{{- $errors = append $errors "jobCluster.enabled: jobCluster.namespaces and jobCluster.createTokenSecret are used only when jobCluster.enabled is true" -}}
{{- end -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}
