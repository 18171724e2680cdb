{{/*
Checks a JSON schema cannot express. Every problem is collected first and reported in one
failure, so a user fixes them all in one round. src/values/semantic-checks.ts mirrors these for TS
users; tests/unit/schema-bad-values.test.ts keeps both in step.
*/}}
{{- define "gitlab-runner-fleet.validateValues" -}}
{{- $errors := list -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.runnerFitProblems" . | fromJson).errors -}}
{{- $seen := dict -}}
{{- include "gitlab-runner-fleet.runnerList" . -}}
{{- range $index, $runner := .fleetRender.runners -}}
{{- $path := printf "runners[%d]" $index -}}
{{- if hasKey $seen $runner.name -}}
{{- $errors = append $errors (printf "%s.name: %q is already used by runners[%v]; runner names must be unique" $path $runner.name (get $seen $runner.name)) -}}
{{- else -}}
{{- $_ := set $seen $runner.name $index -}}
{{- end -}}
{{- if and $runner.kubernetes.privileged (not $runner.kubernetes.allowPrivilegeEscalation) -}}
{{- $errors = append $errors (printf "%s.kubernetes.allowPrivilegeEscalation: must be true when kubernetes.privileged is true (Kubernetes rejects privileged containers without it)" $path) -}}
{{- end -}}
{{- $external := $runner.kubernetes.externalCluster -}}
{{- if and $external.host (not $external.secretName) -}}
{{- $errors = append $errors (printf "%s.kubernetes.externalCluster.secretName: required when externalCluster.host is set (CA and bearer token)" $path) -}}
{{- end -}}
{{- if and $external.secretName (not $external.host) -}}
{{- $errors = append $errors (printf "%s.kubernetes.externalCluster.host: required when externalCluster.secretName is set" $path) -}}
{{- end -}}
{{- if and (eq $runner.cache.type "s3") (eq $runner.cache.s3.authenticationType "access-key") (not $runner.cache.s3.credentialsSecret) -}}
{{- $errors = append $errors (printf "%s.cache.s3.credentialsSecret: required with authenticationType access-key (or use iam)" $path) -}}
{{- end -}}
{{- if and (eq $runner.cache.type "s3") (eq $runner.cache.s3.authenticationType "iam") $runner.cache.s3.credentialsSecret -}}
{{- $errors = append $errors (printf "%s.cache.s3.credentialsSecret: not used with authenticationType iam; remove it" $path) -}}
{{- end -}}
{{- if $runner.configTemplate -}}
{{- $parsed := fromToml $runner.configTemplate -}}
{{- if hasKey $parsed "Error" -}}
{{- $errors = append $errors (printf "%s.configTemplate: not valid TOML: %s" $path (get $parsed "Error")) -}}
{{- else -}}
{{- /* id and the token times are written by the entrypoint together with the token (rotation) */ -}}
{{- range $key := list "name" "url" "token" "executor" "runners" "id" "token_obtained_at" "token_expires_at" -}}
{{- if hasKey $parsed $key -}}
{{- $errors = append $errors (printf "%s.configTemplate: %q is managed by the chart and cannot be set here (keys are relative to the [[runners]] entry)" $path $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.configTemplateProblems" . | fromJsonArray) -}}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.enabled) -}}
{{- $errors = append $errors "metrics.serviceMonitor.enabled: needs metrics.enabled (the ServiceMonitor scrapes the metrics Service)" -}}
{{- end -}}
{{- if and (not .Values.serviceAccount.create) (not .Values.serviceAccount.name) .Values.rbac.create -}}
{{- $errors = append $errors "serviceAccount.name: required when serviceAccount.create is false and rbac.create is true (RBAC would be bound to the namespace's default ServiceAccount)" -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\n\ngitlab-runner-fleet: %d problem(s) in values:\n- %s\n" (len $errors) (join "\n- " $errors)) -}}
{{- end -}}
{{- end -}}
