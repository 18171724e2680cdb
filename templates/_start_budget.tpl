{{/*
The entrypoint's retry schedule (files/entrypoint.sh backoff): base seconds, doubling, capped.
The chart passes both to the entrypoint, so the probe budget and the retries share one source.
*/}}
{{- define "gitlab-runner-fleet.backoffBaseSeconds" -}}5{{- end -}}
{{- define "gitlab-runner-fleet.backoffMaxSeconds" -}}300{{- end -}}

{{/*
Seconds the entrypoint may spend before the runner serves /metrics: for each runner entry it
retries (registration always, verify when lifecycle.verifyToken), one after another,
lifecycle.startAttempts attempts of up to 30 s each (the runner's connect timeout) plus the
backoff between them; then 60 s for the runner itself to start.
*/}}
{{- define "gitlab-runner-fleet.startBudgetSeconds" -}}
{{- $retried := 0 -}}
{{- /* raw entries are enough here (token.kind defaults to authentication), and cheaper than the merged ones */ -}}
{{- range .Values.runners -}}
{{- if or (eq (dig "token" "kind" "authentication" .) "registration") $.Values.lifecycle.verifyToken -}}
{{- $retried = add1 $retried -}}
{{- end -}}
{{- end -}}
{{- $attempts := int .Values.lifecycle.startAttempts -}}
{{- $max := include "gitlab-runner-fleet.backoffMaxSeconds" . | int -}}
{{- $delay := include "gitlab-runner-fleet.backoffBaseSeconds" . | int -}}
{{- $backoff := 0 -}}
{{- range until (sub $attempts 1 | int) -}}
{{- $backoff = add $backoff $delay -}}
{{- $delay = min (mul $delay 2) $max -}}
{{- end -}}
{{- add (mul $retried (add $backoff (mul $attempts 30))) 60 -}}
{{- end -}}

{{/* The startup probe's failureThreshold: the user's, else enough periods for the start budget. */}}
{{- define "gitlab-runner-fleet.startupFailureThreshold" -}}
{{- $probe := .Values.probes.startup -}}
{{- if and (hasKey $probe "failureThreshold") (not (kindIs "invalid" $probe.failureThreshold)) -}}
{{- int $probe.failureThreshold -}}
{{- else -}}
{{- $period := int $probe.periodSeconds -}}
{{- $budget := include "gitlab-runner-fleet.startBudgetSeconds" . | int -}}
{{- div (add $budget (sub $period 1)) $period -}}
{{- end -}}
{{- end -}}
