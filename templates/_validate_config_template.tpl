{{/*
Every runners[].configTemplate decoded against the pinned runner's config model,
files/runner-config-model.json (generated from the runner's Go structs by
tools/runner-config-model). The runner ignores unknown keys and crash-loops on a wrong type, so
both fail the render here, as JSON ["runners[0].configTemplate: <key path>: <problem>", ...].
The model is read once, and only when some entry has a configTemplate; invalid TOML and keys the
chart manages are reported by runnerEntryProblems (_validate_runner_entry.tpl).
src/values/runner-config-check.ts applies the same rules with the same messages.
*/}}
{{- define "gitlab-runner-fleet.configTemplateProblems" -}}
{{- $problems := list -}}
{{- $ctx := dict -}}
{{- range $index, $runner := .Values.runners -}}
{{- $parsed := dict -}}
{{- if $runner.configTemplate -}}
{{- $parsed = fromToml $runner.configTemplate -}}
{{- end -}}
{{- if and $parsed (not (hasKey $parsed "Error")) -}}
{{- if not $ctx -}}
{{- /* the model and lookup tables every check shares, built once per render */ -}}
{{- $ctx = dict
  "model" ($.Files.Get "files/runner-config-model.json" | fromJson)
  "kinds" (dict "string" "a string" "int64" "an integer" "float64" "a float" "bool" "a boolean" "slice" "an array" "map" "a table" "struct" "a datetime")
  "expected" (dict "string" "a string" "bool" "a boolean" "stringOrArray" "a string or an array of strings" "duration" "a duration such as \"90s\" or \"1h30m\"")
  "ranges" (dict "int8" (list -128 127) "int16" (list -32768 32767) "int32" (list -2147483648 2147483647) "uint8" (list 0 255) "uint16" (list 0 65535) "uint32" (list 0 4294967295))
  "floatLimits" (dict "float" 9007199254740991 "float32" 16777215)
-}}
{{- end -}}
{{- $_ := set $ctx "problems" list -}}
{{- include "gitlab-runner-fleet.configModelStruct" (dict "ctx" $ctx "type" $ctx.model.entry "value" (omit $parsed "runners") "path" "") -}}
{{- range $ctx.problems -}}
{{- $problems = append $problems (printf "runners[%d].configTemplate: %s" $index .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/*
One value checked against a model type expression: []T array, {}T table of T, a name in
model.types a struct, else a scalar (tools/runner-config-model/README.md). Problems go to
.ctx.problems. Written for speed: one include per value, lookups instead of branches.
*/}}
{{- define "gitlab-runner-fleet.configModelCheck" -}}
{{- $ctx := .ctx -}}
{{- $type := .type -}}
{{- $value := .value -}}
{{- $path := .path -}}
{{- $kind := get $ctx.kinds (kindOf $value) | default "a datetime" -}}
{{- $problem := "" -}}
{{- if eq $type "string" "bool" -}}
{{- /* most keys: checked first */ -}}
{{- $expected := get $ctx.expected $type -}}
{{- if ne $kind $expected -}}
{{- $problem = printf "expected %s, got %s" $expected $kind -}}
{{- end -}}
{{- else if or (hasPrefix "[]" $type) (and (eq $type "stringOrArray") (eq $kind "an array")) -}}
{{- if eq $kind "an array" -}}
{{- $itemType := ternary "string" (trimPrefix "[]" $type) (eq $type "stringOrArray") -}}
{{- range $index, $item := $value -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "ctx" $ctx "type" $itemType "value" $item "path" (printf "%s[%d]" $path $index)) -}}
{{- end -}}
{{- else -}}
{{- $problem = printf "expected an array, got %s" $kind -}}
{{- end -}}
{{- else if hasPrefix "{}" $type -}}
{{- if eq $kind "a table" -}}
{{- $itemType := trimPrefix "{}" $type -}}
{{- range $key, $item := $value -}}
{{- $segment := ternary $key (toJson $key) (eq (trimAll "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-" $key) "") -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "ctx" $ctx "type" $itemType "value" $item "path" (printf "%s.%s" $path $segment)) -}}
{{- end -}}
{{- else -}}
{{- $problem = printf "expected a table, got %s" $kind -}}
{{- end -}}
{{- else if hasKey $ctx.model.types $type -}}
{{- if eq $kind "a table" -}}
{{- include "gitlab-runner-fleet.configModelStruct" . -}}
{{- else -}}
{{- $problem = printf "expected a table, got %s" $kind -}}
{{- end -}}
{{- else if eq $type "any" -}}
{{- else if eq $type "never" -}}
{{- $problem = "the runner cannot decode any value here" -}}
{{- else if or (eq $type "int") (hasKey $ctx.ranges $type) -}}
{{- if ne $kind "an integer" -}}
{{- $problem = printf "expected an integer, got %s" $kind -}}
{{- else if hasKey $ctx.ranges $type -}}
{{- $range := get $ctx.ranges $type -}}
{{- if or (lt $value (index $range 0 | int64)) (gt $value (index $range 1 | int64)) -}}
{{- $problem = printf "%d is out of range for %s" $value $type -}}
{{- end -}}
{{- end -}}
{{- else if hasKey $ctx.floatLimits $type -}}
{{- $limit := get $ctx.floatLimits $type | int64 -}}
{{- if and (eq $kind "an integer") (or (gt $value $limit) (lt $value (mul -1 $limit))) -}}
{{- $problem = printf "%d cannot be stored exactly in a %s" $value (ternary "float64" "float32" (eq $type "float")) -}}
{{- else if not (or (eq $kind "an integer") (eq $kind "a float")) -}}
{{- $problem = printf "expected a number, got %s" $kind -}}
{{- end -}}
{{- else if eq $type "duration" -}}
{{- if eq $kind "a string" -}}
{{- if not (regexMatch "^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$" $value) -}}
{{- $problem = printf "%s is not %s" (toJson $value) $ctx.expected.duration -}}
{{- end -}}
{{- else if ne $kind "an integer" -}}
{{- $problem = printf "expected %s, got %s" $ctx.expected.duration $kind -}}
{{- end -}}
{{- else if eq $type "time" -}}
{{- if eq $kind "a string" -}}
{{- if not (regexMatch "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$" $value) -}}
{{- $problem = printf "%s is not an RFC 3339 datetime" (toJson $value) -}}
{{- end -}}
{{- else if ne $kind "a datetime" -}}
{{- $problem = printf "expected a datetime, got %s" $kind -}}
{{- end -}}
{{- else if eq $type "text" -}}
{{- if or (eq $kind "an array") (eq $kind "a table") -}}
{{- $problem = printf "expected a string, got %s" $kind -}}
{{- end -}}
{{- else if hasKey $ctx.expected $type -}}
{{- /* stringOrArray given a scalar */ -}}
{{- if ne $kind "a string" -}}
{{- $problem = printf "expected %s, got %s" (get $ctx.expected $type) $kind -}}
{{- end -}}
{{- else -}}
{{- $problem = printf "unknown model type %s" (toJson $type) -}}
{{- end -}}
{{- if $problem -}}
{{- $_ := set $ctx "problems" (append $ctx.problems (printf "%s: %s" $path $problem)) -}}
{{- end -}}
{{- end -}}

{{/*
The keys of one table decoded into the struct .type. Keys match case-insensitively when no key
matches exactly, as in the runner's TOML decoder (BurntSushi/toml), except for structs whose own
decoder the model marks exactCase.
*/}}
{{- define "gitlab-runner-fleet.configModelStruct" -}}
{{- $ctx := .ctx -}}
{{- $path := .path -}}
{{- $value := .value -}}
{{- $type := .type -}}
{{- $fields := get $ctx.model.types $type -}}
{{- $exact := hasKey $ctx.model.exactCase $type -}}
{{- $seen := dict -}}
{{- $prefix := ternary "" (printf "%s." $path) (eq $path "") -}}
{{- range $key, $item := $value -}}
{{- $at := printf "%s%s" $prefix (ternary $key (toJson $key) (eq (trimAll "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-" $key) "")) -}}
{{- $field := "" -}}
{{- if hasKey $fields $key -}}
{{- $field = $key -}}
{{- else if not $exact -}}
{{- $lower := lower $key -}}
{{- range $name, $_ := $fields -}}
{{- if and (not $field) (eq (lower $name) $lower) -}}
{{- $field = $name -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not $field -}}
{{- $_ := set $ctx "problems" (append $ctx.problems (printf "%s: unknown key (gitlab-runner %s has no such setting and would ignore it)" $at $ctx.model.runner.version)) -}}
{{- else -}}
{{- if hasKey $seen $field -}}
{{- $other := get $seen $field -}}
{{- $_ := set $ctx "problems" (append $ctx.problems (printf "%s: sets the same setting as %s%s (the runner matches keys case-insensitively, and which of the two wins is random)" $at $prefix (ternary $other (toJson $other) (eq (trimAll "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-" $other) "")))) -}}
{{- end -}}
{{- $_ := set $seen $field $key -}}
{{- include "gitlab-runner-fleet.configModelCheck" (dict "ctx" $ctx "type" (get $fields $field) "value" $item "path" $at) -}}
{{- end -}}
{{- end -}}
{{- range (get $ctx.model.required $type | default list) -}}
{{- if not (hasKey $value .) -}}
{{- $_ := set $ctx "problems" (append $ctx.problems (printf "%s%s: required" $prefix .)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
