{{/*
What never goes through the proxy: the Kubernetes API server the runner creates job pods through
(client-go honours the proxy variables; the kubelet expands $(KUBERNETES_SERVICE_HOST) from the
service variables it always injects), in-cluster names, loopback, and the user's additions.
*/}}
{{- define "gitlab-runner-fleet.noProxy" -}}
{{- $entries := list "$(KUBERNETES_SERVICE_HOST)" "kubernetes.default.svc" ".svc" ".cluster.local" "localhost" "127.0.0.1" -}}
{{- $entries = concat $entries .Values.proxy.clusterCIDRs .Values.proxy.noProxy -}}
{{- join "," ($entries | uniq) -}}
{{- end -}}

{{/* Proxy variables of the manager container, upper and lower case (Go reads both, curl only lower). */}}
{{- define "gitlab-runner-fleet.proxyEnv" -}}
{{- $proxy := .Values.proxy -}}
{{- if or $proxy.httpProxy $proxy.httpsProxy -}}
{{- $vars := list -}}
{{- with $proxy.httpProxy -}}{{- $vars = append $vars (list "HTTP_PROXY" .) -}}{{- end -}}
{{- with $proxy.httpsProxy -}}{{- $vars = append $vars (list "HTTPS_PROXY" .) -}}{{- end -}}
{{- $vars = append $vars (list "NO_PROXY" (include "gitlab-runner-fleet.noProxy" .)) -}}
{{- range $vars }}
- name: {{ index . 0 }}
  value: {{ index . 1 | quote }}
- name: {{ index . 0 | lower }}
  value: {{ index . 1 | quote }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* Ports of the configured proxies (from their URLs, else the scheme's default), as JSON {"ports": [...]}. */}}
{{- define "gitlab-runner-fleet.proxyPorts" -}}
{{- $ports := list -}}
{{- range list .Values.proxy.httpProxy .Values.proxy.httpsProxy -}}
{{- if . -}}
{{- $url := urlParse . -}}
{{- $port := regexFind ":[0-9]+$" $url.host | trimPrefix ":" -}}
{{- if not $port -}}{{- $port = ternary "443" "80" (eq $url.scheme "https") -}}{{- end -}}
{{- $ports = append $ports (int $port) -}}
{{- end -}}
{{- end -}}
{{- dict "ports" ($ports | uniq) | toJson -}}
{{- end -}}
