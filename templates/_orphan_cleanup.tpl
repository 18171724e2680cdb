{{/*
Name of the orphan cleanup CronJob and of its ServiceAccount, Roles and RoleBindings; at most 52
characters, the longest CronJob name Kubernetes accepts (its Jobs add a suffix).
*/}}
{{- define "gitlab-runner-fleet.orphanCleanupName" -}}
{{- printf "%s-orphan-cleanup" (include "gitlab-runner-fleet.fullname" . | trunc 37 | trimSuffix "-") -}}
{{- end -}}

{{/*
Labels the chart asks the runner to put on every job pod (config.toml pod_labels) while orphan
cleanup is on: the runner's own labels name the entry and token but not the release, and two
releases may share a job namespace. Release and namespace together are unique in a cluster.
*/}}
{{- define "gitlab-runner-fleet.orphanCleanupJobPodLabels" -}}
gitlab-runner-fleet/release: {{ .Release.Name | quote }}
gitlab-runner-fleet/release-namespace: {{ .Release.Namespace | quote }}
{{- end -}}

{{/*
Label naming the manager pod that created a job pod, so cleanup judges each job pod by its own
manager: the runner's labels name the entry, and every replica runs every entry.
*/}}
{{- define "gitlab-runner-fleet.orphanCleanupManagerLabel" -}}gitlab-runner-fleet/manager{{- end -}}

{{/*
The config.toml value of that label: the pod name is only known at run time, so the chart writes
this token and the entrypoint replaces the exact quoted token with POD_NAME (FLEET_POD_NAME_PLACEHOLDER).
*/}}
{{- define "gitlab-runner-fleet.podNamePlaceholder" -}}fleet-manager-pod-name{{- end -}}

{{/* The release labels as a kubectl label selector. */}}
{{- define "gitlab-runner-fleet.orphanCleanupJobPodSelector" -}}
{{- $pairs := list -}}
{{- range $key, $value := include "gitlab-runner-fleet.orphanCleanupJobPodLabels" . | fromYaml -}}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}

{{/*
Age in seconds past which no job can still be running: the longest job timeout (jobTimeoutSeconds,
or an entry's larger registration.maximumTimeout) plus graceSeconds.
*/}}
{{- define "gitlab-runner-fleet.orphanCleanupMinAgeSeconds" -}}
{{- $timeout := int .Values.orphanCleanup.jobTimeoutSeconds -}}
{{- include "gitlab-runner-fleet.runnerList" . -}}
{{- range .fleetRender.runners -}}
{{- $timeout = max $timeout (int .registration.maximumTimeout) -}}
{{- end -}}
{{- add $timeout (int .Values.orphanCleanup.graceSeconds) -}}
{{- end -}}

{{/* The ConfigMap key the cleanup script ships under (configmap.yaml) and runs from (cleanup-cronjob.yaml). */}}
{{- define "gitlab-runner-fleet.orphanCleanupScript" -}}orphan-cleanup.sh{{- end -}}
