{{/* Chart name, overridable so several charts can share a naming scheme. */}}
{{- define "gitlab-runner-fleet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every object name; the release name alone when it already contains the chart name. */}}
{{- define "gitlab-runner-fleet.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Selector labels: never change after install, so they hold no version. */}}
{{- define "gitlab-runner-fleet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gitlab-runner-fleet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "gitlab-runner-fleet.labels" -}}
{{ include "gitlab-runner-fleet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "gitlab-runner-fleet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "gitlab-runner-fleet.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The manager image; the default tag follows appVersion so chart and runner versions move together. */}}
{{- define "gitlab-runner-fleet.image" -}}
{{- $tag := default (printf "alpine-v%s" .Chart.AppVersion) .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s/%s:%s@%s" .Values.image.registry .Values.image.repository $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s/%s:%s" .Values.image.registry .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Name of the Secret the chart creates for token values given in values. */}}
{{- define "gitlab-runner-fleet.tokenSecretName" -}}
{{- printf "%s-tokens" (include "gitlab-runner-fleet.fullname" .) -}}
{{- end -}}

{{/*
Name of the job-cluster mode's ServiceAccount token Secret, and the name NOTES and the TS pairing
(src/job-cluster.ts) give the Secret holding ca.crt and token on the manager side, so both match.
*/}}
{{- define "gitlab-runner-fleet.jobClusterTokenSecretName" -}}
{{- printf "%s-job-cluster-token" (include "gitlab-runner-fleet.fullname" .) -}}
{{- end -}}

{{/* Where the projected Secret volume is mounted; config.toml placeholders point into it. */}}
{{- define "gitlab-runner-fleet.secretsDir" -}}/var/run/secrets/gitlab-runner-fleet{{- end -}}

{{/*
A mounted secret file's path under secretsDir, the one place these file names are spelled (volume
items, config.toml, the entrypoint's token paths). Given (dict "file" "token" "runner" "<name>");
the runner's files sit in a folder named after it, gitlabCA (no runner) at the top.
*/}}
{{- define "gitlab-runner-fleet.secretFileName" -}}
{{- $files := dict
  "gitlabCA" "gitlab-ca.crt"
  "token" "token"
  "cacheS3AccessKey" "cache-s3-access-key"
  "cacheS3SecretKey" "cache-s3-secret-key"
  "cacheGcsCredentials" "cache-gcs-credentials.json"
  "cacheAzureAccountKey" "cache-azure-account-key"
  "clusterCA" "cluster-ca.crt"
  "clusterToken" "cluster-token"
-}}
{{- $file := get $files .file | required (printf "gitlab-runner-fleet.secretFileName: unknown file %q" .file) -}}
{{- if .runner -}}{{ printf "%s/%s" .runner $file }}{{- else -}}{{ $file }}{{- end -}}
{{- end -}}

{{/* The absolute path of a mounted secret file: (dict "root" $ "file" ... "runner" ...), as secretFileName. */}}
{{- define "gitlab-runner-fleet.secretPath" -}}
{{- printf "%s/%s" (include "gitlab-runner-fleet.secretsDir" .root) (include "gitlab-runner-fleet.secretFileName" .) -}}
{{- end -}}

{{/* The manager's container name; orphan cleanup reads its start time. */}}
{{- define "gitlab-runner-fleet.managerContainerName" -}}gitlab-runner{{- end -}}

{{/* Where the config directory (config.toml, .runner_system_id, registered tokens) lives. */}}
{{- define "gitlab-runner-fleet.configDir" -}}/etc/gitlab-runner{{- end -}}

{{/* Where the ConfigMap (config template, entrypoint) is mounted. */}}
{{- define "gitlab-runner-fleet.scriptsDir" -}}/opt/gitlab-runner-fleet{{- end -}}

{{/*
Deep-merges the map .over over the map .base into a new map, stored as .out.v. Unlike sprig's
merge functions it lets false, 0 and "" in .over win, which a user setting locked: false or limit: 0
needs. Neither input is modified: maps are copied (shallowly, by omit) only where .over changes
them, so unchanged parts stay shared, which is much cheaper than deepCopy for the runner defaults.
*/}}
{{- define "gitlab-runner-fleet.overlay" -}}
{{- $result := omit .base -}}
{{- range $key, $value := .over -}}
{{- $current := get $result $key -}}
{{- /* an empty map in .base (most defaults of maps) takes .over's map as it is, shared */ -}}
{{- if and $current (kindIs "map" $value) (kindIs "map" $current) -}}
{{- $merged := dict -}}
{{- $_ := include "gitlab-runner-fleet.overlay" (dict "base" $current "over" $value "out" $merged) -}}
{{- $_ := set $result $key $merged.v -}}
{{- else -}}
{{- $_ := set $result $key $value -}}
{{- end -}}
{{- end -}}
{{- $_ := set .out "v" $result -}}
{{- end -}}

{{/*
Work done once per render, kept on the root context as .fleetRender: helm renders every template
of this chart with one shared root map, so the first template to need a result computes it and the
rest (and the checksum annotations' re-render of configmap.yaml) reuse it. Read-only for callers.
*/}}
{{- define "gitlab-runner-fleet.renderState" -}}
{{- if not (hasKey . "fleetRender") -}}
{{- $_ := set . "fleetRender" dict -}}
{{- end -}}
{{- end -}}

{{/*
The runner entries with the schema's defaults filled in (helm applies no schema defaults inside
list items), built once per render into .fleetRender.runners (the defaults into .fleetRender.runnerDefaults);
include this, then read that list.
Every template reads entries through it. Entries share maps with each other and with .Values:
never modify one in place (gitlab-runner-fleet.overlay copies what it changes).
*/}}
{{- define "gitlab-runner-fleet.runnerList" -}}
{{- include "gitlab-runner-fleet.renderState" . -}}
{{- if not (hasKey .fleetRender "runners") -}}
{{- $defaults := include "gitlab-runner-fleet.runnerDefaults" . | fromJson -}}
{{- $entries := list -}}
{{- range $entry := .Values.runners -}}
{{- $merged := dict -}}
{{- $_ := include "gitlab-runner-fleet.overlay" (dict "base" $defaults "over" $entry "out" $merged) -}}
{{- $entries = append $entries $merged.v -}}
{{- end -}}
{{- $_ := set .fleetRender "runners" $entries -}}
{{- $_ := set .fleetRender "runnerDefaults" $defaults -}}
{{- end -}}
{{- end -}}

{{/*
The same entries as JSON {"runners": [...]}, for a caller written against the older interface. Every
call costs a JSON round trip (and turns integers into floats): templates use runnerList instead, and
tests/unit/chart/render-work.test.ts fails when a template calls this.
*/}}
{{- define "gitlab-runner-fleet.runners" -}}
{{- include "gitlab-runner-fleet.runnerList" . -}}
{{- dict "runners" .fleetRender.runners | toJson -}}
{{- end -}}

{{/*
The output of the helper named .template for the root context .root, rendered once per render:
config.toml and the values checks are needed by configmap.yaml and again by the checksum re-render.
*/}}
{{- define "gitlab-runner-fleet.once" -}}
{{- $root := .root -}}
{{- include "gitlab-runner-fleet.renderState" $root -}}
{{- if not (hasKey $root.fleetRender .template) -}}
{{- $_ := set $root.fleetRender .template (include .template $root) -}}
{{- end -}}
{{- get $root.fleetRender .template -}}
{{- end -}}

{{/* Namespace job pods of one entry run in: the entry's, else jobNamespace, else the release's. */}}
{{- define "gitlab-runner-fleet.jobNamespace" -}}
{{- $root := .root -}}
{{- coalesce .runner.kubernetes.namespace $root.Values.jobNamespace $root.Release.Namespace -}}
{{- end -}}

{{/*
The job Role's rules: exactly what the kubernetes executor calls (the runner's documented
permission table), never a wildcard. One list for the in-cluster install and job-cluster mode.
*/}}
{{- define "gitlab-runner-fleet.jobRoleRules" -}}
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["create", "delete", "get", "list", "watch"]
- apiGroups: [""]
  resources: ["pods/attach", "pods/exec"]
  verbs: ["create", "delete", "get", "patch"]
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get", "list"]
- apiGroups: [""]
  resources: ["secrets", "configmaps"]
  verbs: ["create", "delete", "get", "update"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["create", "get"]
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["list", "watch"]
{{- end -}}

{{/*
Every distinct job namespace, as JSON {"namespaces": [...]}: those of the kubernetes-executor
entries, or in job-cluster mode (no entries here) the remote manager's, listed in jobCluster.namespaces.
*/}}
{{- define "gitlab-runner-fleet.jobNamespaces" -}}
{{- $root := . -}}
{{- $namespaces := list -}}
{{- if $root.Values.jobCluster.enabled -}}
{{- $namespaces = $root.Values.jobCluster.namespaces -}}
{{- else -}}
{{- include "gitlab-runner-fleet.runnerList" $root -}}
{{- range $root.fleetRender.runners -}}
{{- if and (eq .executor "kubernetes") (not .kubernetes.externalCluster.host) -}}
{{- $namespaces = append $namespaces (include "gitlab-runner-fleet.jobNamespace" (dict "root" $root "runner" .)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- dict "namespaces" ($namespaces | uniq | sortAlpha) | toJson -}}
{{- end -}}

{{/*
The projected sources of the secrets volume: each file lands at <runner>/<purpose> so config.toml
placeholders can name it. Tokens never become environment variables.
*/}}
{{- define "gitlab-runner-fleet.secretSources" -}}
{{- $root := . -}}
{{- $chartSecret := include "gitlab-runner-fleet.tokenSecretName" $root -}}
{{- if .Values.gitlabCA.secretName }}
- secret:
    name: {{ .Values.gitlabCA.secretName }}
    items:
      - key: {{ .Values.gitlabCA.key }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "gitlabCA") }}
{{- end }}
{{- include "gitlab-runner-fleet.runnerList" $root }}
{{- /* the name as %s (runner names match ^[a-z0-9-]+$): one include for all entries */}}
{{- $tokenFileFormat := include "gitlab-runner-fleet.secretFileName" (dict "file" "token" "runner" "%s") }}
{{- range $root.fleetRender.runners }}
{{- $name := .name }}
- secret:
{{- if .token.existingSecret }}
    name: {{ .token.existingSecret.name }}
    items:
      - key: {{ .token.existingSecret.key | default "token" }}
        path: {{ printf $tokenFileFormat $name }}
{{- else }}
    name: {{ $chartSecret }}
    items:
      - key: {{ $name }}
        path: {{ printf $tokenFileFormat $name }}
{{- end }}
{{- if and (eq .cache.type "s3") .cache.s3.credentialsSecret }}
- secret:
    name: {{ .cache.s3.credentialsSecret.name }}
    items:
      - key: {{ .cache.s3.credentialsSecret.accessKeyKey | default "accesskey" }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "cacheS3AccessKey" "runner" $name) }}
      - key: {{ .cache.s3.credentialsSecret.secretKeyKey | default "secretkey" }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "cacheS3SecretKey" "runner" $name) }}
{{- end }}
{{- if and (eq .cache.type "gcs") .cache.gcs.credentialsSecret }}
- secret:
    name: {{ .cache.gcs.credentialsSecret.name }}
    items:
      - key: {{ .cache.gcs.credentialsSecret.key | default "token" }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "cacheGcsCredentials" "runner" $name) }}
{{- end }}
{{- if eq .cache.type "azure" }}
- secret:
    name: {{ .cache.azure.credentialsSecret.name }}
    items:
      - key: {{ .cache.azure.credentialsSecret.key | default "token" }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "cacheAzureAccountKey" "runner" $name) }}
{{- end }}
{{- if .kubernetes.externalCluster.host }}
- secret:
    name: {{ .kubernetes.externalCluster.secretName }}
    items:
      - key: {{ .kubernetes.externalCluster.caKey }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "clusterCA" "runner" $name) }}
      - key: {{ .kubernetes.externalCluster.tokenKey }}
        path: {{ include "gitlab-runner-fleet.secretFileName" (dict "file" "clusterToken" "runner" $name) }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
Selector labels of the chart's auxiliary pods (helm test, uninstall hook), given as
(dict "root" . "component" "test"). They have no app.kubernetes.io/name, so the manager selectors
(StatefulSet, Services, PDB, NetworkPolicies) never match them; policies name them by these labels.
*/}}
{{- define "gitlab-runner-fleet.componentSelectorLabels" -}}
app.kubernetes.io/part-of: {{ include "gitlab-runner-fleet.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels of an auxiliary pod or object: its selector labels plus version and chart. */}}
{{- define "gitlab-runner-fleet.componentLabels" -}}
{{ include "gitlab-runner-fleet.componentSelectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/*
Pod security context of the auxiliary pods: restricted, as nobody (65534), unless the manager's
runAsUser was set to null (OpenShift), where the SCC assigns a UID and rejects fixed ones.
*/}}
{{- define "gitlab-runner-fleet.componentPodSecurityContext" -}}
runAsNonRoot: true
{{- if .Values.podSecurityContext.runAsUser }}
runAsUser: 65534
runAsGroup: 65534
{{- end }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}
