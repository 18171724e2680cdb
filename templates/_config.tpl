{{/*
config.toml is built as a dict and written with toToml, so quoting and nesting are the TOML
encoder's job, not string templating's. Numbers are cast with int: helm reads values as floats
and the runner rejects 4.0 where it wants 4. Secrets appear only as placeholders
"fleet-secret-file:<path>", which the entrypoint replaces with the file's content at start.
*/}}
{{- define "gitlab-runner-fleet.configToml" -}}
{{- $root := . -}}
{{- $config := dict
  "concurrent" (int .Values.concurrent)
  "check_interval" (int .Values.checkInterval)
  "log_level" .Values.logLevel
  "log_format" .Values.logFormat
  "shutdown_timeout" (int .Values.shutdownTimeout)
  "connection_max_age" .Values.connectionMaxAge
  "listen_address" (printf ":%d" (int .Values.metricsPort))
-}}
{{- $runners := list -}}
{{- include "gitlab-runner-fleet.runnerList" $root -}}
{{- /* every entry's token placeholder, the name as %s (runner names match ^[a-z0-9-]+$): one include for all */ -}}
{{- $tokenFormat := include "gitlab-runner-fleet.secretFile" (dict "root" $root "file" "token" "runner" "%s") -}}
{{- include "gitlab-runner-fleet.kubernetesTomlPlan" $root -}}
{{- $plan := $root.fleetRender.kubernetesTomlPlan -}}
{{- range $index, $runner := $root.fleetRender.runners -}}
{{- $entry := dict -}}
{{- $_ := include "gitlab-runner-fleet.runnerToml" (dict "root" $root "runner" $runner "raw" (index $root.Values.runners $index) "tokenFormat" $tokenFormat "plan" $plan "out" $entry) -}}
{{- $runners = append $runners $entry.v -}}
{{- end -}}
{{- $_ := set $config "runners" $runners -}}
{{- toToml $config -}}
{{- end -}}

{{/*
config.toml as the ConfigMap holds it: blank lines would become whitespace-only lines under
nindent. Rendered through gitlab-runner-fleet.once, so the checksum re-render reuses it.
*/}}
{{- define "gitlab-runner-fleet.configTomlText" -}}
{{- regexReplaceAll "\n\n+" (include "gitlab-runner-fleet.configToml" .) "\n" -}}
{{- end -}}

{{/* Placeholder for a secret file's content, replaced by the entrypoint; takes secretPath's argument. */}}
{{- define "gitlab-runner-fleet.secretFile" -}}
{{- printf "fleet-secret-file:%s" (include "gitlab-runner-fleet.secretPath" .) -}}
{{- end -}}

{{/*
One [[runners]] entry, stored as .out.v; .raw is the entry as written in values, .tokenFormat
its token placeholder with %s for the name and .plan kubernetesTomlPlan's tables (both built once
by configToml, not per entry). Helpers hand
maps back in a caller's dict instead of returning JSON because a JSON round trip would turn every
integer back into a float.
*/}}
{{- define "gitlab-runner-fleet.runnerToml" -}}
{{- $root := .root -}}
{{- $r := .runner -}}
{{- $token := printf .tokenFormat $r.name -}}
{{- if eq $r.token.kind "registration" -}}
{{- /* the runner token only exists after registration; the entrypoint fills it in */ -}}
{{- $token = printf "fleet-registered:%s" $r.name -}}
{{- end -}}
{{- $entry := dict
  "name" $r.name
  "url" $root.Values.gitlabUrl
  "token" $token
  "executor" $r.executor
  "limit" (int $r.limit)
  "request_concurrency" (int $r.requestConcurrency)
  "output_limit" (int $r.outputLimit)
  "unhealthy_requests_limit" (int $r.unhealthyRequestsLimit)
  "unhealthy_interval" $r.unhealthyInterval
-}}
{{- $_ := set .out "v" $entry -}}
{{- if $root.Values.gitlabCA.secretName -}}
{{- $_ := set $entry "tls-ca-file" (include "gitlab-runner-fleet.secretPath" (dict "root" $root "file" "gitlabCA")) -}}
{{- end -}}
{{- if $r.environment -}}
{{- $env := list -}}
{{- range $key := keys $r.environment | sortAlpha -}}
{{- $env = append $env (printf "%s=%s" $key (get $r.environment $key)) -}}
{{- end -}}
{{- $_ := set $entry "environment" $env -}}
{{- end -}}
{{- if $r.featureFlags -}}
{{- $_ := set $entry "feature_flags" $r.featureFlags -}}
{{- end -}}
{{- if eq $r.executor "kubernetes" -}}
{{- /*
[runners.kubernetes], written here rather than by a helper of its own (an include per entry). The
keys after the first dict write nothing for their schema defaults (the plan checks that once per
render), so an entry only pays for the keys it sets: with 50 entries this is most of the render.
*/ -}}
{{- $k := $r.kubernetes -}}
{{- $kubernetes := dict
  "namespace" (include "gitlab-runner-fleet.jobNamespace" (dict "root" $root "runner" $r))
  "image" $k.image
  "privileged" $k.privileged
  "allow_privilege_escalation" $k.allowPrivilegeEscalation
  "pull_policy" $k.pullPolicy
  "poll_interval" (int $k.pollInterval)
  "poll_timeout" (int $k.pollTimeout)
  "automount_service_account_token" $k.automountServiceAccountToken
  "pod_termination_grace_period_seconds" (int $k.terminationGracePeriodSeconds)
-}}
{{- $_ := set $entry "kubernetes" $kubernetes -}}
{{- $keys := ternary $k .raw.kubernetes .plan.allKeys -}}
{{- if $keys -}}
{{- include "gitlab-runner-fleet.kubernetesTomlKeys" (dict "root" $root "runner" $r "keys" $keys "tables" .plan "out" $kubernetes) -}}
{{- end -}}
{{- /* Orphan cleanup finds this release's job pods and their manager by these labels; they win over podLabels. */ -}}
{{- if and $root.Values.orphanCleanup.enabled (not $k.externalCluster.host) -}}
{{- $labels := include "gitlab-runner-fleet.orphanCleanupJobPodLabels" $root | fromYaml -}}
{{- $_ := set $labels (include "gitlab-runner-fleet.orphanCleanupManagerLabel" $root) (include "gitlab-runner-fleet.podNamePlaceholder" $root) -}}
{{- $_ := set $kubernetes "pod_labels" (merge $labels ($k.podLabels | default dict)) -}}
{{- end -}}
{{- end -}}
{{- if $r.cache.type -}}
{{- $cache := dict -}}
{{- $_ := include "gitlab-runner-fleet.cacheToml" (dict "root" $root "runner" $r "out" $cache) -}}
{{- $_ := set $entry "cache" $cache -}}
{{- end -}}
{{- if $r.configTemplate -}}
{{- /* $entry shares maps with the render-wide runner list: overlay copies instead of merging in place */ -}}
{{- $merged := dict -}}
{{- $_ := include "gitlab-runner-fleet.overlay" (dict "base" $entry "over" (fromToml $r.configTemplate) "out" $merged) -}}
{{- range $key, $value := $merged.v -}}
{{- $_ := set $entry $key $value -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Once per render, .fleetRender.kubernetesTomlPlan: the key tables of kubernetesTomlKeys, and
allKeys, true when the runner defaults' keys write something (then every entry converts all its keys).
*/}}
{{- define "gitlab-runner-fleet.kubernetesTomlPlan" -}}
{{- if not (hasKey .fleetRender "kubernetesTomlPlan") -}}
{{- $resources := list "cpuRequest" "cpuLimit" "memoryRequest" "memoryLimit" "ephemeralStorageRequest" "ephemeralStorageLimit" -}}
{{- $plan := dict "kinds" dict "toml" dict "resources" dict "overwrite" dict "volumes" dict "allKeys" false -}}
{{- /* the runner's name is the snake_case of ours (toToml sorts keys, so order is free) */ -}}
{{- range $key := list "allowedPullPolicies" "allowedImages" "allowedServices" "imagePullSecrets" "nodeSelector" "podLabels" "podAnnotations" "serviceAccount" "helperImage" "dnsPolicy" -}}
{{- $_ := set $plan.kinds $key "copy" -}}
{{- $_ := set $plan.toml $key (snakecase $key) -}}
{{- end -}}
{{- range $key := list "dnsConfig" "affinity" "podSecurityContext" "buildContainerSecurityContext" "helperContainerSecurityContext" "serviceContainerSecurityContext" -}}
{{- $_ := set $plan.kinds $key "snake" -}}
{{- $_ := set $plan.toml $key (snakecase $key) -}}
{{- end -}}
{{- range $container, $prefix := dict "build" "" "helper" "helper_" "service" "service_" -}}
{{- $_ := set $plan.kinds $container "resources" -}}
{{- $names := dict -}}
{{- range $resource := $resources -}}
{{- $_ := set $names $resource (printf "%s%s" $prefix (snakecase $resource)) -}}
{{- end -}}
{{- $_ := set $plan.resources $container $names -}}
{{- end -}}
{{- /* namespace → namespace_overwrite_allowed; cpuLimitMax → cpu_limit_overwrite_max_allowed. */ -}}
{{- range $name := list "namespace" "serviceAccount" "podLabels" "podAnnotations" "nodeSelector" "nodeTolerations" "cpuLimitMax" "cpuRequestMax" "memoryLimitMax" "memoryRequestMax" "ephemeralStorageLimitMax" "ephemeralStorageRequestMax" -}}
{{- $tomlKey := printf "%s_overwrite_allowed" (snakecase $name) -}}
{{- if hasSuffix "Max" $name -}}{{- $tomlKey = printf "%s_overwrite_max_allowed" (snakecase (trimSuffix "Max" $name)) -}}{{- end -}}
{{- $_ := set $plan.overwrite $name $tomlKey -}}
{{- end -}}
{{- range $kind := list "hostPath" "pvc" "configMap" "secret" "emptyDir" "csi" -}}
{{- $_ := set $plan.volumes $kind (snakecase $kind) -}}
{{- end -}}
{{- range $key := list "overwriteAllowed" "nodeTolerations" "volumes" "externalCluster" -}}
{{- $_ := set $plan.kinds $key $key -}}
{{- end -}}
{{- $defaults := .fleetRender.runnerDefaults -}}
{{- $written := dict -}}
{{- $_ := include "gitlab-runner-fleet.kubernetesTomlKeys" (dict "root" . "runner" $defaults "keys" $defaults.kubernetes "tables" $plan "out" $written) -}}
{{- $_ := set $plan "allKeys" (not (empty $written)) -}}
{{- $_ := set .fleetRender "kubernetesTomlPlan" $plan -}}
{{- end -}}
{{- end -}}

{{/* The [runners.kubernetes] keys for the keys of the map .keys (values read from .runner), into .out. */}}
{{- define "gitlab-runner-fleet.kubernetesTomlKeys" -}}
{{- $root := .root -}}
{{- $r := .runner -}}
{{- $k := $r.kubernetes -}}
{{- $tables := .tables -}}
{{- $out := .out -}}
{{- range $key, $_ := .keys -}}
{{- $value := get $k $key -}}
{{- $kind := get $tables.kinds $key -}}
{{- if not $value -}}
{{- /* unset or empty: nothing to write */ -}}
{{- else if eq $kind "resources" -}}
{{- range $name, $tomlKey := get $tables.resources $key -}}
{{- with get $value $name -}}{{- $_ := set $out $tomlKey . -}}{{- end -}}
{{- end -}}
{{- else if eq $kind "copy" -}}
{{- $_ := set $out (get $tables.toml $key) $value -}}
{{- else if eq $kind "overwriteAllowed" -}}
{{- range $name, $tomlKey := $tables.overwrite -}}
{{- with get $value $name -}}{{- $_ := set $out $tomlKey . -}}{{- end -}}
{{- end -}}
{{- else if eq $kind "nodeTolerations" -}}
{{- $tolerations := dict -}}
{{- range $value -}}
{{- $tolerationKey := .key -}}
{{- if ne (.operator | default "Equal") "Exists" -}}
{{- $tolerationKey = printf "%s=%s" .key (.value | default "") -}}
{{- end -}}
{{- $_ := set $tolerations $tolerationKey (.effect | default "") -}}
{{- end -}}
{{- $_ := set $out "node_tolerations" $tolerations -}}
{{- else if eq $kind "snake" -}}
{{- $converted := dict -}}
{{- $_ := include "gitlab-runner-fleet.snakeKeys" (dict "in" $value "out" $converted) -}}
{{- $_ := set $out (get $tables.toml $key) $converted -}}
{{- else if eq $kind "volumes" -}}
{{- $volumes := dict -}}
{{- range $volumeKind, $tomlKey := $tables.volumes -}}
{{- if get $value $volumeKind -}}
{{- $wrapped := dict -}}
{{- $_ := include "gitlab-runner-fleet.snakeKeys" (dict "in" (dict "list" (get $value $volumeKind)) "out" $wrapped) -}}
{{- $_ := set $volumes $tomlKey $wrapped.list -}}
{{- end -}}
{{- end -}}
{{- if $volumes -}}
{{- $_ := set $out "volumes" $volumes -}}
{{- end -}}
{{- else if and (eq $kind "externalCluster") $value.host -}}
{{- $_ := set $out "host" $value.host -}}
{{- $_ := set $out "ca_file" (include "gitlab-runner-fleet.secretPath" (dict "root" $root "file" "clusterCA" "runner" $r.name)) -}}
{{- $_ := set $out "bearer_token" (include "gitlab-runner-fleet.secretFile" (dict "root" $root "file" "clusterToken" "runner" $r.name)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* [runners.cache], written into .out. Note the runner's CamelCase keys here. */}}
{{- define "gitlab-runner-fleet.cacheToml" -}}
{{- $root := .root -}}
{{- $r := .runner -}}
{{- $c := $r.cache -}}
{{- $out := .out -}}
{{- $_ := merge $out (dict "Type" $c.type "Shared" $c.shared) -}}
{{- if $c.path -}}{{- $_ := set $out "Path" $c.path -}}{{- end -}}
{{- if $c.maxUploadedArchiveSize -}}{{- $_ := set $out "MaxUploadedArchiveSize" (int64 $c.maxUploadedArchiveSize) -}}{{- end -}}
{{- if eq $c.type "s3" -}}
{{- $s3 := dict "ServerAddress" $c.s3.serverAddress "BucketName" $c.s3.bucketName "Insecure" $c.s3.insecure "AuthenticationType" $c.s3.authenticationType -}}
{{- /* Only when set: unset, the runner picks path style itself (on for non-AWS endpoints such as MinIO) and dual stack on. */ -}}
{{- range $key, $tomlKey := dict "pathStyle" "PathStyle" "dualStack" "DualStack" -}}
{{- if kindIs "bool" (get $c.s3 $key) -}}{{- $_ := set $s3 $tomlKey (get $c.s3 $key) -}}{{- end -}}
{{- end -}}
{{- range $key, $tomlKey := dict "bucketLocation" "BucketLocation" "serverSideEncryption" "ServerSideEncryption" "serverSideEncryptionKeyId" "ServerSideEncryptionKeyID" "roleArn" "RoleARN" -}}
{{- if get $c.s3 $key -}}{{- $_ := set $s3 $tomlKey (get $c.s3 $key) -}}{{- end -}}
{{- end -}}
{{- if $c.s3.credentialsSecret -}}
{{- $_ := set $s3 "AccessKey" (include "gitlab-runner-fleet.secretFile" (dict "root" $root "file" "cacheS3AccessKey" "runner" $r.name)) -}}
{{- $_ := set $s3 "SecretKey" (include "gitlab-runner-fleet.secretFile" (dict "root" $root "file" "cacheS3SecretKey" "runner" $r.name)) -}}
{{- end -}}
{{- $_ := set $out "s3" $s3 -}}
{{- else if eq $c.type "gcs" -}}
{{- $gcs := dict "BucketName" $c.gcs.bucketName -}}
{{- if $c.gcs.credentialsSecret -}}
{{- $_ := set $gcs "CredentialsFile" (include "gitlab-runner-fleet.secretPath" (dict "root" $root "file" "cacheGcsCredentials" "runner" $r.name)) -}}
{{- end -}}
{{- $_ := set $out "gcs" $gcs -}}
{{- else if eq $c.type "azure" -}}
{{- $azure := dict "AccountName" $c.azure.accountName "ContainerName" $c.azure.containerName "StorageDomain" $c.azure.storageDomain -}}
{{- $_ := set $azure "AccountKey" (include "gitlab-runner-fleet.secretFile" (dict "root" $root "file" "cacheAzureAccountKey" "runner" $r.name)) -}}
{{- $_ := set $out "azure" $azure -}}
{{- end -}}
{{- end -}}

{{/*
Kubernetes objects use camelCase, the runner's TOML snake_case: copy the map .in into the map .out
with converted keys, recursively. Keys of data maps (matchLabels, items, volumeAttributes) stay as
they are, and integral numbers become integers again (helm reads values as floats).
*/}}
{{- define "gitlab-runner-fleet.snakeKeys" -}}
{{- $out := .out -}}
{{- $preserve := list "matchLabels" "items" "volumeAttributes" -}}
{{- range $key, $value := .in -}}
{{- if has $key $preserve -}}
{{- $_ := set $out (snakecase $key) $value -}}
{{- else -}}
{{- $holder := dict -}}
{{- $_ := include "gitlab-runner-fleet.snakeValue" (dict "value" $value "out" $holder) -}}
{{- $_ := set $out (snakecase $key) $holder.v -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* One value of snakeKeys, stored as .out.v. */}}
{{- define "gitlab-runner-fleet.snakeValue" -}}
{{- $value := .value -}}
{{- $out := .out -}}
{{- if kindIs "map" $value -}}
{{- $map := dict -}}
{{- $_ := include "gitlab-runner-fleet.snakeKeys" (dict "in" $value "out" $map) -}}
{{- $_ := set $out "v" $map -}}
{{- else if kindIs "slice" $value -}}
{{- $items := list -}}
{{- range $value -}}
{{- $holder := dict -}}
{{- $_ := include "gitlab-runner-fleet.snakeValue" (dict "value" . "out" $holder) -}}
{{- $items = append $items $holder.v -}}
{{- end -}}
{{- $_ := set $out "v" $items -}}
{{- else if and (kindIs "float64" $value) (eq $value (float64 (int64 $value))) -}}
{{- $_ := set $out "v" (int64 $value) -}}
{{- else -}}
{{- $_ := set $out "v" $value -}}
{{- end -}}
{{- end -}}
