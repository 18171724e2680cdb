#!/bin/sh
# Deletes job pods whose manager is gone, run by the orphan cleanup CronJob (templates/cleanup-cronjob.yaml).
#
# A manager killed hard (node loss, OOM, SIGKILL past its grace period) leaves its job pods behind:
# the restarted manager has the same name and system_id but never adopts them. A job pod of this
# release is deleted when all of these hold:
#   1. it carries JOB_POD_SELECTOR (labels the chart adds to pod_labels) and the runner's own
#      manager.runner.gitlab.com/name and job.runner.gitlab.com/pod labels;
#   2. it is older than MIN_AGE_SECONDS (the longest job timeout plus grace), so no job can still
#      be running in it;
#   3. no manager pod of this release has had its gitlab-runner container running since before
#      the job pod was created. Job pods name their runner entry, not the manager pod (every
#      replica runs every entry), so one such manager anywhere keeps every job pod of the release.
# The runner makes the job's registry-credentials Secret owned by the pod, so the API server's
# garbage collector deletes it with the pod; this script never reads Secrets. The overlay
# ConfigMap of a suspendable job has no owner and is deleted by name (gl-runner-overlay-<job id>).
#
# Environment: JOB_NAMESPACES (space separated), RELEASE_NAMESPACE, MANAGER_SELECTOR,
# MANAGER_CONTAINER, JOB_POD_SELECTOR, MIN_AGE_SECONDS, DRY_RUN (true|false); FLEET_CLEANUP_NOW
# (epoch seconds) replaces the clock, for tests only. Needs a POSIX shell, date and kubectl.
set -eu

: "${JOB_NAMESPACES:?JOB_NAMESPACES must list the job namespaces}"
: "${RELEASE_NAMESPACE:?RELEASE_NAMESPACE is required}"
: "${MANAGER_SELECTOR:?MANAGER_SELECTOR is required}"
: "${MANAGER_CONTAINER:?MANAGER_CONTAINER is required}"
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

# The earliest start of a running manager container; a failed listing stops the run, never deletes.
starts=$("$KUBECTL" get pods --namespace "$RELEASE_NAMESPACE" --selector "$MANAGER_SELECTOR" \
  --output "jsonpath={range .items[*]}{range .status.containerStatuses[?(@.name==\"$MANAGER_CONTAINER\")]}{.state.running.startedAt}{\"\\n\"}{end}{end}")
oldest_manager=""
for started in $starts; do
  t=$(epoch "$started")
  if [ -z "$oldest_manager" ] || [ "$t" -lt "$oldest_manager" ]; then oldest_manager=$t; fi
done
if [ -n "$oldest_manager" ]; then
  log "oldest running manager started at epoch $oldest_manager"
else
  log "no manager of this release is running"
fi

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
  pods=$("$KUBECTL" get pods --namespace "$ns" --selector "$JOB_POD_SELECTOR,$RUNNER_LABELS" \
    --output 'jsonpath={range .items[*]}{.metadata.name} {.metadata.creationTimestamp} {.metadata.annotations.job\.runner\.gitlab\.com/id}{"\n"}{end}')
  while read -r name created job_id; do
    [ -n "$name" ] || continue
    age=$((now - $(epoch "$created")))
    if [ "$age" -le "$MIN_AGE_SECONDS" ]; then
      log "kept pod $ns/$name: ${age}s old, not older than ${MIN_AGE_SECONDS}s"
    elif [ -n "$oldest_manager" ] && [ "$oldest_manager" -le "$(epoch "$created")" ]; then
      log "kept pod $ns/$name: a manager has been running since before it was created"
    else
      log "orphan pod $ns/$name: ${age}s old and no manager has been running since it was created"
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
