{{/* Name of the uninstall hook's Job, ServiceAccount, Role and RoleBinding. */}}
{{- define "gitlab-runner-fleet.uninstallName" -}}
{{- printf "%s-uninstall" (include "gitlab-runner-fleet.fullname" .) -}}
{{- end -}}

{{/* How long the hook waits for the managers: their full drain plus time to be deleted. */}}
{{- define "gitlab-runner-fleet.uninstallWaitSeconds" -}}
{{- add (int .Values.terminationGracePeriodSeconds) 30 -}}
{{- end -}}

{{/* The hook Job's deadline: the wait plus time to pull the image and scale. */}}
{{- define "gitlab-runner-fleet.uninstallDeadlineSeconds" -}}
{{- add (include "gitlab-runner-fleet.uninstallWaitSeconds" . | int) 90 -}}
{{- end -}}

{{/* The --timeout helm uninstall needs so helm outwaits the hook Job. */}}
{{- define "gitlab-runner-fleet.uninstallHelmTimeoutSeconds" -}}
{{- add (include "gitlab-runner-fleet.uninstallDeadlineSeconds" . | int) 60 -}}
{{- end -}}

{{/* The manager pods' label selector in kubectl's form (key=value,...), from the one selector helper. */}}
{{- define "gitlab-runner-fleet.selectorArgument" -}}
{{- $pairs := list -}}
{{- range $key, $value := include "gitlab-runner-fleet.selectorLabels" . | fromYaml -}}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}
