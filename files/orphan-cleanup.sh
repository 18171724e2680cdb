#!/bin/sh
# Deletes job pods whose manager is gone, run by the orphan cleanup CronJob (templates/cleanup-cronjob.yaml).
#
# A manager killed hard (node loss, OOM, SIGKILL past its grace period) leaves its job pods behind:
# the restarted manager has the same name and system_id but never adopts them. Every job pod names
# the manager pod that created it in its MANAGER_LABEL label (the entrypoint writes the pod's name
# into config.toml's pod_labels). A job pod of this release is deleted when all of these hold:
#   1. it carries JOB_POD_SELECTOR (labels the chart adds to pod_labels) and the runner's own
#      manager.runner.gitlab.com/name and job.runner.gitlab.com/pod labels;
#   2. it is older than MIN_AGE_SECONDS (the longest job timeout plus grace), so no job can still
#      be running in it;
#   3. the manager pod its MANAGER_LABEL label names is no manager pod of this release any more,
#      or that pod's gitlab-runner container is not running or started after the job pod was
#      created: the runner process that created the job pod is gone, and a new one never adopts it.
# Other replicas do not matter: each manager's job pods are judged by that manager alone.
# A job pod with no MANAGER_LABEL value is kept: the chart's managers always write one, so only a
# job allowed to overwrite its pod labels can have removed it, and then nothing names its manager.
# The runner makes the job's registry-credentials Secret owned by the pod, so the API server's
# garbage collector deletes it with the pod; this script never reads Secrets. The overlay
# ConfigMap of a suspendable job has no owner and is deleted by name (gl-runner-overlay-<job id>).
#
# Environment: JOB_NAMESPACES (space separated), RELEASE_NAMESPACE, MANAGER_SELECTOR,
# MANAGER_CONTAINER, MANAGER_LABEL, JOB_POD_SELECTOR, MIN_AGE_SECONDS, DRY_RUN (true|false);
# FLEET_CLEANUP_NOW (epoch seconds) replaces the clock, for tests only. Needs a POSIX shell, date
# and kubectl.
set -eu

: "${JOB_NAMESPACES:?JOB_NAMESPACES must list the job namespaces}"
: "${RELEASE_NAMESPACE:?RELEASE_NAMESPACE is required}"
: "${MANAGER_SELECTOR:?MANAGER_SELECTOR is required}"
: "${MANAGER_CONTAINER:?MANAGER_CONTAINER is required}"
: "${MANAGER_LABEL:?MANAGER_LABEL is required}"
: "${JOB_POD_SELECTOR:?JOB_POD_SELECTOR is required}"
: "${MIN_AGE_SECONDS:?MIN_AGE_SECONDS is required}"
DRY_RUN=${DRY_RUN:-false}
KUBECTL=${KUBECTL:-kubectl}

# The runner's labels on every job pod (executors/kubernetes/kubernetes.go, buildLabels).
RUNNER_LABELS="manager.runner.gitlab.com/name,job.runner.gitlab.com/pod"

log() {
  printf 'orphan-cleanup: %s\n' "$*"
}

# Seconds since the epoch of an RFC 3339 UTC time as the API server writes it (2006-01-02T15:04:05Z),
# in shell arithmetic so that any date works (days from civil, proleptic Gregorian calendar).
epoch() {
  ts=$1
  y=${ts%%-*} rest=${ts#*-}
  m=${rest%%-*} rest=${rest#*-}
  d=${rest%%T*} rest=${rest#*T}
  rest=${rest%Z}
  hh=${rest%%:*} rest=${rest#*:}
  mm=${rest%%:*} ss=${rest#*:}
  # a leading zero would make shell arithmetic read octal
  m=${m#0} d=${d#0} hh=${hh#0} mm=${mm#0} ss=${ss#0}
  if [ "$m" -le 2 ]; then y=$((y - 1)); fi
  era=$((y / 400))
  yoe=$((y - era * 400))
  doy=$(((153 * ((m + 9) % 12) + 2) / 5 + d - 1))
  doe=$((yoe * 365 + yoe / 4 - yoe / 100 + doy))
  echo $(((era * 146097 + doe - 719468) * 86400 + hh * 3600 + mm * 60 + ss))
}

now=${FLEET_CLEANUP_NOW:-$(date -u +%s)}

# Every manager pod of this release as "name started-at", started-at empty unless its manager
# container runs; a failed listing stops the run, never deletes.
managers=$("$KUBECTL" get pods --namespace "$RELEASE_NAMESPACE" --selector "$MANAGER_SELECTOR" \
  --output "jsonpath={range .items[*]}{.metadata.name} {range .status.containerStatuses[?(@.name==\"$MANAGER_CONTAINER\")]}{.state.running.startedAt}{end}{\"\\n\"}{end}")
[ -n "$managers" ] || log "no manager pod of this release exists"
while read -r manager started; do
  [ -n "$manager" ] || continue
  if [ -n "$started" ]; then log "manager $manager running since $started"; else log "manager $manager not running"; fi
done <<EOF
$managers
EOF

# Why a job pod created at epoch $2 by manager pod $1 is an orphan; fails when that manager's
# runner process has been running since before then.
orphaned_by() {
  while read -r manager started; do
    [ "$manager" = "$1" ] || continue
    if [ -z "$started" ]; then
      echo "its manager $1 is not running"
    elif [ "$(epoch "$started")" -gt "$2" ]; then
      echo "its manager $1 restarted at $started, after it was created"
    else
      return 1
    fi
    return 0
  done <<EOF
$managers
EOF
  echo "its manager $1 is gone"
}

# The label key as a kubectl JSONPath member: dots escaped (in the shell: the image may lack sed).
label_path="" rest=$MANAGER_LABEL
while :; do
  case $rest in
    *.*) label_path="$label_path${rest%%.*}\\." rest=${rest#*.} ;;
    *) label_path="$label_path$rest" && break ;;
  esac
done

failures=0
remove() {
  if [ "$DRY_RUN" = true ]; then
    log "dry run: would delete $1 $3/$2"
  elif "$KUBECTL" delete "$1" "$2" --namespace "$3" --ignore-not-found --wait=false >/dev/null; then
    log "deleted $1 $3/$2"
  else
    log "failed to delete $1 $3/$2"
    failures=$((failures + 1))
  fi
}

for ns in $JOB_NAMESPACES; do
  # "|" separated, the job id last: a label or annotation may be missing, and labels hold no "|".
  pods=$("$KUBECTL" get pods --namespace "$ns" --selector "$JOB_POD_SELECTOR,$RUNNER_LABELS" \
    --output "jsonpath={range .items[*]}{.metadata.name}|{.metadata.creationTimestamp}|{.metadata.labels.$label_path}|{.metadata.annotations.job\\.runner\\.gitlab\\.com/id}{\"\\n\"}{end}")
  while IFS='|' read -r name created manager job_id; do
    [ -n "$name" ] || continue
    created=$(epoch "$created")
    age=$((now - created))
    if [ "$age" -le "$MIN_AGE_SECONDS" ]; then
      log "kept pod $ns/$name: ${age}s old, not older than ${MIN_AGE_SECONDS}s"
    elif [ -z "$manager" ]; then
      log "kept pod $ns/$name: no $MANAGER_LABEL label names its manager"
    elif ! why=$(orphaned_by "$manager" "$created"); then
      log "kept pod $ns/$name: its manager $manager has been running since before it was created"
    else
      log "orphan pod $ns/$name: ${age}s old and $why"
      case $job_id in
        '' | *[!0-9]*) ;;
        *) remove configmap "gl-runner-overlay-$job_id" "$ns" ;;
      esac
      remove pod "$name" "$ns"
    fi
  done <<EOF
$pods
EOF
done

[ "$failures" -eq 0 ]
