{{/*
NOTES of job-cluster mode: the commands that read the API server address, CA and token (never
their values), and where each goes on the manager side, for this chart's externalCluster values
or a config.toml written by hand. src/job-cluster.ts produces the same pairing for TS users.
*/}}
{{- define "gitlab-runner-fleet.jobClusterNotes" -}}
{{- $ns := .Release.Namespace -}}
{{- $sa := include "gitlab-runner-fleet.serviceAccountName" . -}}
{{- $secret := include "gitlab-runner-fleet.jobClusterTokenSecretName" . -}}
{{- $namespaces := (include "gitlab-runner-fleet.jobNamespaces" . | fromJson).namespaces -}}
gitlab-runner-fleet {{ .Chart.Version }} (runner {{ .Chart.AppVersion }}) is installed as release {{ .Release.Name }} in job-cluster mode:
no managers run here. A manager elsewhere may run job pods in namespace(s) {{ join ", " $namespaces }}
as ServiceAccount {{ $ns }}/{{ $sa }}, with the job Role of this chart and nothing more.

Run these against THIS cluster; they write files and print no secret:

1. The API server URL. The kubeconfig's may be one only you can reach (localhost, a tunnel):
   give the manager the URL it reaches this cluster at.
     kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'; echo
2. The cluster CA bundle:
     kubectl -n {{ $ns }} get configmap kube-root-ca.crt -o jsonpath='{.data.ca\.crt}' > ca.crt
3. The ServiceAccount token:
{{- if .Values.jobCluster.createTokenSecret }}
     kubectl -n {{ $ns }} get secret {{ $secret }} -o jsonpath='{.data.token}' | base64 -d > token
   It does not expire. To rotate it, {{ if .Values.serviceAccount.create }}delete{{ else }}re-create{{ end }} ServiceAccount {{ $sa }} (its token Secret goes with it)
   and run helm upgrade; deleting only the Secret would bring back the same token.
{{- else }}
     kubectl -n {{ $ns }} create token {{ $sa }} --duration 24h > token
   jobCluster.createTokenSecret is false: this token expires (the API server may cap --duration);
   request a new one and replace it on the manager side before then.
{{- end }}

On the manager side, installed with this chart: a Secret with both files, in the manager's namespace,
  kubectl -n <manager-namespace> create secret generic {{ $secret }} --from-file=ca.crt=ca.crt --from-file=token=token
and for each runner entry whose jobs run here:
  runners:
    - name: <entry>
      token: ...
      kubernetes:
        namespace: {{ first $namespaces }}{{ if gt (len $namespaces) 1 }}   # or {{ join ", " (rest $namespaces) }}{{ end }}
        externalCluster:
          host: <URL from step 1>
          secretName: {{ $secret }}
          caKey: ca.crt
          tokenKey: token
(The TS package prints the same values: npm run render -- --pair <URL> with these values, --release and -n.)

For a runner configured by hand, in its [runners.kubernetes] section of config.toml:
  host = "<URL from step 1>"
  ca_file = "/path/to/ca.crt"
  bearer_token = "<contents of the token file>"
  namespace = "{{ first $namespaces }}"
{{- end -}}
