{{/* Names, labels and the daemon's arguments, shared by the templates. */}}

{{- define "reconciler.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "reconciler.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "reconciler.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "reconciler.selectorLabels" -}}
app.kubernetes.io/name: {{ include "reconciler.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "reconciler.labels" -}}
helm.sh/chart: {{ include "reconciler.chart" . }}
{{ include "reconciler.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "reconciler.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "reconciler.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "reconciler.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Sharding is on when asked for, or by default when there is more than one replica. */}}
{{- define "reconciler.sharded" -}}
{{- if kindIs "bool" .Values.sharding.enabled }}
{{- ternary "true" "" .Values.sharding.enabled }}
{{- else if gt (int .Values.replicas) 1 }}
{{- "true" }}
{{- end }}
{{- end }}

{{/* Where the Secret-mounted files are. */}}
{{- define "reconciler.secretsDir" -}}/etc/reconciler/secrets{{- end }}

{{/* Each secret file: the values key, the flag it is passed with and its file name under secretsDir. */}}
{{- define "reconciler.secretFiles" -}}
- {key: gitToken, flag: --token-file, file: git-token}
- {key: sshKey, flag: --ssh-key-file, file: ssh-key}
- {key: knownHosts, flag: --known-hosts-file, file: known_hosts}
- {key: webhookSecret, flag: --webhook-secret-file, file: webhook-secret}
- {key: apiToken, flag: --api-token-file, file: api-token}
{{- end }}

{{/* The secret files that are set, as a list (empty when none). */}}
{{- define "reconciler.secretFilesSet" -}}
{{- $set := list }}
{{- range (include "reconciler.secretFiles" . | fromYamlArray) }}
{{- $value := get $.Values.secrets .key }}
{{- if $value.existingSecret }}
{{- $set = append $set (merge (dict "secret" $value.existingSecret "secretKey" $value.key) .) }}
{{- end }}
{{- end }}
{{- toYaml $set }}
{{- end }}

{{/* The arguments of `reconciler run`. Flags the daemon may not have yet are rendered only when their value is set. */}}
{{- define "reconciler.args" -}}
- run
- --listen
- {{ printf "0.0.0.0:%d" (int .Values.daemon.port) | quote }}
- --repo
- {{ required "source.repo is required: the git repository holding the manifests (https:// or ssh://)" .Values.source.repo | quote }}
- --branch
- {{ .Values.source.branch | quote }}
- --path
- {{ .Values.source.path | quote }}
- --work-dir
- /var/lib/reconciler
- --resync
- {{ .Values.daemon.resync | quote }}
- --poll-interval
- {{ .Values.daemon.pollInterval | quote }}
- --workers
- {{ .Values.daemon.workers | quote }}
- --log-format
- {{ .Values.daemon.logFormat | quote }}
{{- with .Values.source.gitTimeout }}
- --git-timeout
- {{ . | quote }}
{{- end }}
{{- range (include "reconciler.secretFilesSet" . | fromYamlArray) }}
- {{ .flag }}
- {{ printf "%s/%s" (include "reconciler.secretsDir" $) .file }}
{{- end }}
{{- if include "reconciler.sharded" . }}
- --shard
- {{ printf "$(SHARD_ORDINAL)/%d" (int .Values.replicas) | quote }}
{{- end }}
{{- with .Values.guardrails }}
{{- if .maxWritesPerMinute }}
- --max-writes-per-minute
- {{ .maxWritesPerMinute | quote }}
{{- end }}
{{- range $key, $flag := dict "awsAccounts" "--allow-aws-accounts" "awsRegions" "--allow-aws-regions" "ecsClusters" "--allow-ecs-clusters" "gcpProjects" "--allow-gcp-projects" "gcpRegions" "--allow-gcp-regions" }}
{{- with get $.Values.guardrails.allow $key }}
- {{ $flag }}
- {{ join "," . | quote }}
{{- end }}
{{- end }}
{{- if not (kindIs "invalid" .pruneMaxOrphans) }}
- --prune-max-orphans
- {{ .pruneMaxOrphans | quote }}
{{- end }}
{{- if not (kindIs "invalid" .pruneMaxOrphanShare) }}
- --prune-max-orphan-share
- {{ .pruneMaxOrphanShare | quote }}
{{- end }}
{{- end }}
{{- if .Values.daemon.statusRequiresToken }}
{{- if not .Values.secrets.apiToken.existingSecret }}
{{- fail "daemon.statusRequiresToken needs secrets.apiToken.existingSecret: the token /status would require" }}
{{- end }}
- --status-requires-token
{{- end }}
{{- with .Values.daemon.extraArgs }}
{{ toYaml . }}
{{- end }}
{{- end }}
