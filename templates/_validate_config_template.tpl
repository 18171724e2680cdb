{{/*
A runner entry's configTemplate (.parsed, from fromToml) decoded against the pinned runner's
config model, files/runner-config-model.json (generated from the runner's Go structs by
tools/runner-config-model). The runner ignores unknown keys and crash-loops on a wrong type, so
both fail the render here, as JSON ["runners[0].configTemplate: <key path>: <problem>", ...].
The model is read only for entries that have a configTemplate. src/values/runner-config-check.ts
applies the same rules with the same messages.
*/}}
{{- define "gitlab-runner-fleet.configTemplateProblems" -}}
{{- $model := .root.Files.Get "files/runner-config-model.json" | fromJson -}}
{{- $out := dict "problems" list -}}
{{- /* "runners" is reported by validateValues as a key the chart manages */ -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "model" $model "type" $model.entry "value" .parsed "path" "" "out" $out "skip" (list "runners")) -}}
{{- $problems := list -}}
{{- range $out.problems -}}
{{- $problems = append $problems (printf "%s.configTemplate: %s" $.path .) -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/*
One value checked against a model type expression, problems appended to .out.problems. Types:
[]T array, {}T table of T, a name in .model.types a struct, else a scalar (see the tools README).
Keys match case-insensitively when no key matches exactly, as in the runner's TOML decoder.
*/}}
{{- define "gitlab-runner-fleet.configModelCheck" -}}
{{- $model := .model -}}
{{- $type := .type -}}
{{- $value := .value -}}
{{- $path := .path -}}
{{- $out := .out -}}
{{- $kind := include "gitlab-runner-fleet.tomlKind" $value -}}
{{- $problem := "" -}}
{{- if hasPrefix "[]" $type -}}
{{- if eq $kind "an array" -}}
{{- range $index, $item := $value -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "model" $model "type" (trimPrefix "[]" $type) "value" $item "path" (printf "%s[%d]" $path $index) "out" $out) -}}
{{- end -}}
{{- else -}}
{{- $problem = printf "expected an array, got %s" $kind -}}
{{- end -}}
{{- else if hasPrefix "{}" $type -}}
{{- if eq $kind "a table" -}}
{{- range $key, $item := $value -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "model" $model "type" (trimPrefix "{}" $type) "value" $item "path" (include "gitlab-runner-fleet.configKeyPath" (dict "path" $path "key" $key)) "out" $out) -}}
{{- end -}}
{{- else -}}
{{- $problem = printf "expected a table, got %s" $kind -}}
{{- end -}}
{{- else if and (eq $type "stringOrArray") (eq $kind "an array") -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "model" $model "type" "[]string" "value" $value "path" $path "out" $out) -}}
{{- else if hasKey $model.types $type -}}
{{- if eq $kind "a table" -}}
{{- include "gitlab-runner-fleet.configModelStruct" . -}}
{{- else -}}
{{- $problem = printf "expected a table, got %s" $kind -}}
{{- end -}}
{{- else -}}
{{- $problem = include "gitlab-runner-fleet.configModelScalar" (dict "type" $type "value" $value "kind" $kind) -}}
{{- end -}}
{{- if $problem -}}
{{- $_ := set $out "problems" (append $out.problems (printf "%s: %s" $path $problem)) -}}
{{- end -}}
{{- end -}}

{{/* The keys of one table decoded into the struct .type; see configModelCheck. */}}
{{- define "gitlab-runner-fleet.configModelStruct" -}}
{{- $model := .model -}}
{{- $path := .path -}}
{{- $out := .out -}}
{{- $value := .value -}}
{{- $fields := get $model.types .type -}}
{{- $exact := hasKey $model.exactCase .type -}}
{{- $skip := .skip | default list -}}
{{- $seen := dict -}}
{{- range $key, $item := $value -}}
{{- if not (has $key $skip) -}}
{{- $at := include "gitlab-runner-fleet.configKeyPath" (dict "path" $path "key" $key) -}}
{{- $field := "" -}}
{{- if hasKey $fields $key -}}
{{- $field = $key -}}
{{- else if not $exact -}}
{{- range $name, $_ := $fields -}}
{{- if and (not $field) (eq (lower $name) (lower $key)) -}}
{{- $field = $name -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not $field -}}
{{- $_ := set $out "problems" (append $out.problems (printf "%s: unknown key (gitlab-runner %s has no such setting and would ignore it)" $at $model.runner.version)) -}}
{{- else -}}
{{- if hasKey $seen $field -}}
{{- $_ := set $out "problems" (append $out.problems (printf "%s: sets the same setting as %s (the runner matches keys case-insensitively, and which of the two wins is random)" $at (include "gitlab-runner-fleet.configKeyPath" (dict "path" $path "key" (get $seen $field))))) -}}
{{- end -}}
{{- $_ := set $seen $field $key -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "model" $model "type" (get $fields $field) "value" $item "path" $at "out" $out) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range (get $model.required .type | default list) -}}
{{- if not (hasKey $value .) -}}
{{- $_ := set $out "problems" (append $out.problems (printf "%s: required" (include "gitlab-runner-fleet.configKeyPath" (dict "path" $path "key" .)))) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The problem with a scalar .value for the model type .type, or nothing. */}}
{{- define "gitlab-runner-fleet.configModelScalar" -}}
{{- $type := .type -}}
{{- $value := .value -}}
{{- $kind := .kind -}}
{{- $duration := "a duration such as \"90s\" or \"1h30m\"" -}}
{{- $expected := dict "string" "a string" "text" "a string" "bool" "a boolean" "float" "a number" "float32" "a number" "duration" $duration "time" "a datetime" "stringOrArray" "a string or an array of strings" -}}
{{- $ranges := dict "int8" (list -128 127) "int16" (list -32768 32767) "int32" (list -2147483648 2147483647) "uint8" (list 0 255) "uint16" (list 0 65535) "uint32" (list 0 4294967295) -}}
{{- $mismatch := printf "expected %s, got %s" (get $expected $type | default "an integer") $kind -}}
{{- if eq $type "any" -}}
{{- else if eq $type "never" -}}
the runner cannot decode any value here
{{- else if or (eq $type "string") (eq $type "bool") -}}
{{- if ne $kind (get $expected $type) -}}{{ $mismatch }}{{- end -}}
{{- else if eq $type "text" -}}
{{- if or (eq $kind "an array") (eq $kind "a table") -}}{{ $mismatch }}{{- end -}}
{{- else if eq $type "stringOrArray" -}}
{{- if ne $kind "a string" -}}{{ $mismatch }}{{- end -}}
{{- else if or (eq $type "float") (eq $type "float32") -}}
{{- $limit := ternary 9007199254740991 16777215 (eq $type "float") -}}
{{- if and (eq $kind "an integer") (or (gt $value $limit) (lt $value (mul -1 $limit))) -}}
{{ $value }} cannot be stored exactly in a {{ ternary "float64" "float32" (eq $type "float") }}
{{- else if not (or (eq $kind "an integer") (eq $kind "a float")) -}}{{ $mismatch }}{{- end -}}
{{- else if eq $type "duration" -}}
{{- if eq $kind "a string" -}}
{{- if not (regexMatch "^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$" $value) -}}
{{ $value | toJson }} is not {{ $duration }}
{{- end -}}
{{- else if ne $kind "an integer" -}}{{ $mismatch }}{{- end -}}
{{- else if eq $type "time" -}}
{{- if eq $kind "a string" -}}
{{- if not (regexMatch "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$" $value) -}}
{{ $value | toJson }} is not an RFC 3339 datetime
{{- end -}}
{{- else if ne $kind "a datetime" -}}{{ $mismatch }}{{- end -}}
{{- else if or (eq $type "int") (hasKey $ranges $type) -}}
{{- if ne $kind "an integer" -}}{{ $mismatch }}
{{- else if hasKey $ranges $type -}}
{{- $range := get $ranges $type -}}
{{- if or (lt $value (index $range 0)) (gt $value (index $range 1)) -}}{{ $value }} is out of range for {{ $type }}{{- end -}}
{{- end -}}
{{- else -}}
unknown model type {{ $type | toJson }}
{{- end -}}
{{- end -}}

{{/* The TOML kind of a value from fromToml, named as the problems name it. */}}
{{- define "gitlab-runner-fleet.tomlKind" -}}
{{- if kindIs "string" . -}}a string
{{- else if kindIs "int64" . -}}an integer
{{- else if kindIs "float64" . -}}a float
{{- else if kindIs "bool" . -}}a boolean
{{- else if kindIs "slice" . -}}an array
{{- else if kindIs "map" . -}}a table
{{- else -}}a datetime
{{- end -}}
{{- end -}}

{{/* .path extended by .key, written as a TOML dotted key (quoted unless bare). */}}
{{- define "gitlab-runner-fleet.configKeyPath" -}}
{{- $key := ternary .key (toJson .key) (regexMatch "^[A-Za-z0-9_-]+$" .key) -}}
{{- if .path -}}{{ printf "%s.%s" .path $key }}{{- else -}}{{ $key }}{{- end -}}
{{- end -}}
