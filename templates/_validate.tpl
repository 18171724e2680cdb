{{/*
Checks a JSON schema cannot express, one helper per topic (templates/_validate_*.tpl), each
returning its problems as a JSON list, except the per-entry checks, which runnerEntryProblems appends
to one list without JSON. Every problem is collected first and reported in one
failure, so a user fixes them all in one round. src/values/semantic-checks.ts mirrors these for TS
users; tests/unit/chart/values-validation.test.ts keeps both in step.
*/}}
{{- define "gitlab-runner-fleet.validateValues" -}}
{{- $errors := list -}}
{{- /* job-cluster mode runs no managers: only its own checks and the ServiceAccount's apply */ -}}
{{- if not .Values.jobCluster.enabled -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.runnerFitProblems" . | fromJson).errors -}}
{{- $seen := dict -}}
{{- include "gitlab-runner-fleet.runnerList" . -}}
{{- $found := dict "errors" $errors -}}
{{- range $index, $runner := .fleetRender.runners -}}
{{- include "gitlab-runner-fleet.runnerEntryProblems" (dict "runner" $runner "path" (printf "runners[%d]" $index) "index" $index "seen" $seen "found" $found) -}}
{{- end -}}
{{- $errors = $found.errors -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.configTemplateProblems" . | fromJsonArray) -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.metricsProblems" . | fromJsonArray) -}}
{{- end -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.serviceAccountProblems" . | fromJsonArray) -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.jobClusterProblems" . | fromJsonArray) -}}
{{- if $errors -}}
{{- fail (printf "\n\ngitlab-runner-fleet: %d problem(s) in values:\n- %s\n" (len $errors) (join "\n- " $errors)) -}}
{{- end -}}
{{- end -}}
