{{/*
Checks a JSON schema cannot express, one helper per topic (templates/_validate_*.tpl), each
returning its problems as a JSON list. Every problem is collected first and reported in one
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
{{- $topics := list "gitlab-runner-fleet.runnerNameProblems" "gitlab-runner-fleet.jobPodProblems" "gitlab-runner-fleet.externalClusterProblems" "gitlab-runner-fleet.cacheProblems" "gitlab-runner-fleet.configTemplateSyntaxProblems" -}}
{{- range $index, $runner := .fleetRender.runners -}}
{{- $entry := dict "runner" $runner "path" (printf "runners[%d]" $index) "index" $index "seen" $seen -}}
{{- range $topic := $topics -}}
{{- $problems := include $topic $entry -}}
{{- /* most entries have no problems: skip decoding an empty list */ -}}
{{- if ne $problems "[]" -}}
{{- $errors = concat $errors ($problems | fromJsonArray) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.configTemplateProblems" . | fromJsonArray) -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.metricsProblems" . | fromJsonArray) -}}
{{- end -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.serviceAccountProblems" . | fromJsonArray) -}}
{{- $errors = concat $errors (include "gitlab-runner-fleet.jobClusterProblems" . | fromJsonArray) -}}
{{- if $errors -}}
{{- fail (printf "\n\ngitlab-runner-fleet: %d problem(s) in values:\n- %s\n" (len $errors) (join "\n- " $errors)) -}}
{{- end -}}
{{- end -}}
