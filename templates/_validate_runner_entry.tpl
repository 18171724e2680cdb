{{/*
Checks of one runner entry, each given (dict "runner" <entry> "path" "runners[i]" "index" i "seen"
<names seen so far>) and returning its problems as a JSON list; validateValues calls them per entry.
*/}}

{{/* Entry names are unique: they name the entry's Secret files, config and objects. */}}
{{- define "gitlab-runner-fleet.runnerNameProblems" -}}
{{- $errors := list -}}
{{- if hasKey .seen .runner.name -}}
{{- $errors = append $errors (printf "%s.name: %q is already used by runners[%v]; runner names must be unique" .path .runner.name (get .seen .runner.name)) -}}
{{- else -}}
{{- $_ := set .seen .runner.name .index -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}

{{/* Job pods Kubernetes would reject. */}}
{{- define "gitlab-runner-fleet.jobPodProblems" -}}
{{- $errors := list -}}
{{- if and .runner.kubernetes.privileged (not .runner.kubernetes.allowPrivilegeEscalation) -}}
{{- $errors = append $errors (printf "%s.kubernetes.allowPrivilegeEscalation: must be true when kubernetes.privileged is true (Kubernetes rejects privileged containers without it)" .path) -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}

{{/* An external cluster needs both its host and the Secret with its CA and bearer token. */}}
{{- define "gitlab-runner-fleet.externalClusterProblems" -}}
{{- $errors := list -}}
{{- $external := .runner.kubernetes.externalCluster -}}
{{- if and $external.host (not $external.secretName) -}}
{{- $errors = append $errors (printf "%s.kubernetes.externalCluster.secretName: required when externalCluster.host is set (CA and bearer token)" .path) -}}
{{- end -}}
{{- if and $external.secretName (not $external.host) -}}
{{- $errors = append $errors (printf "%s.kubernetes.externalCluster.host: required when externalCluster.secretName is set" .path) -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}

{{/* S3 cache credentials follow the authentication type: a Secret for access-key, none for iam. */}}
{{- define "gitlab-runner-fleet.cacheProblems" -}}
{{- $errors := list -}}
{{- $cache := .runner.cache -}}
{{- if and (eq $cache.type "s3") (eq $cache.s3.authenticationType "access-key") (not $cache.s3.credentialsSecret) -}}
{{- $errors = append $errors (printf "%s.cache.s3.credentialsSecret: required with authenticationType access-key (or use iam)" .path) -}}
{{- end -}}
{{- if and (eq $cache.type "s3") (eq $cache.s3.authenticationType "iam") $cache.s3.credentialsSecret -}}
{{- $errors = append $errors (printf "%s.cache.s3.credentialsSecret: not used with authenticationType iam; remove it" .path) -}}
{{- end -}}
{{- toJson $errors -}}
{{- end -}}
