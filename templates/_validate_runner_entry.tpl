{{/*
Checks of one runner entry, one section per topic, given (dict "runner" <entry> "path" "runners[i]"
"index" i "seen" <names seen so far> "found" <dict whose "errors" list the problems are appended to>).
validateValues calls it per entry: one helper, not one per topic, because with 50 entries the
per-call cost (an include and a JSON list each) was most of the checks' time.
*/}}
{{- define "gitlab-runner-fleet.runnerEntryProblems" -}}
{{- $errors := .found.errors -}}
{{- $path := .path -}}
{{- $r := .runner -}}
{{- /* Entry names are unique: they name the entry's Secret files, config and objects. */ -}}
{{- if hasKey .seen $r.name -}}
{{- $errors = append $errors (printf "%s.name: %q is already used by runners[%v]; runner names must be unique" $path $r.name (get .seen $r.name)) -}}
{{- else -}}
{{- $_ := set .seen $r.name .index -}}
{{- end -}}
{{- /* Job pods Kubernetes would reject. */ -}}
{{- if and $r.kubernetes.privileged (not $r.kubernetes.allowPrivilegeEscalation) -}}
{{- $errors = append $errors (printf "%s.kubernetes.allowPrivilegeEscalation: must be true when kubernetes.privileged is true (Kubernetes rejects privileged containers without it)" $path) -}}
{{- end -}}
{{- /* An external cluster needs both its host and the Secret with its CA and bearer token. */ -}}
{{- $external := $r.kubernetes.externalCluster -}}
{{- if and $external.host (not $external.secretName) -}}
{{- $errors = append $errors (printf "%s.kubernetes.externalCluster.secretName: required when externalCluster.host is set (CA and bearer token)" $path) -}}
{{- end -}}
{{- if and $external.secretName (not $external.host) -}}
{{- $errors = append $errors (printf "%s.kubernetes.externalCluster.host: required when externalCluster.secretName is set" $path) -}}
{{- end -}}
{{- /* S3 cache credentials follow the authentication type: a Secret for access-key, none for iam. */ -}}
{{- $cache := $r.cache -}}
{{- if eq $cache.type "s3" -}}
{{- if and (eq $cache.s3.authenticationType "access-key") (not $cache.s3.credentialsSecret) -}}
{{- $errors = append $errors (printf "%s.cache.s3.credentialsSecret: required with authenticationType access-key (or use iam)" $path) -}}
{{- end -}}
{{- if and (eq $cache.s3.authenticationType "iam") $cache.s3.credentialsSecret -}}
{{- $errors = append $errors (printf "%s.cache.s3.credentialsSecret: not used with authenticationType iam; remove it" $path) -}}
{{- end -}}
{{- end -}}
{{- /* configTemplate is TOML and sets no key the chart manages (its keys against the runner's model: _validate_config_template.tpl). */ -}}
{{- if $r.configTemplate -}}
{{- $parsed := fromToml $r.configTemplate -}}
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
{{- $_ := set .found "errors" $errors -}}
{{- end -}}
