#!/bin/bash
# Entrypoint of a gitlab-runner-fleet manager pod.
#
# 1. Writes a .runner_system_id derived from seed, namespace, release and pod name, so a restarted
#    pod is the same runner manager in GitLab instead of a new one per start.
# 2. Builds config.toml from the chart's template, replacing secret placeholders with the content
#    of mounted Secret files. Tokens are never put in the environment or printed.
# 3. Registers legacy (registration-token) entries once, reusing a stored runner token when the
#    config directory is persistent; verifies authentication tokens with bounded retries.
# 4. Runs gitlab-runner and turns the kubelet's SIGTERM into SIGQUIT, the runner's graceful stop:
#    running jobs finish. Only after that drain are runners unregistered, where configured.
set -euo pipefail
umask 077

RUNNER_BIN=${FLEET_RUNNER_BIN:-gitlab-runner}
CONFIG_TEMPLATE=${FLEET_CONFIG_TEMPLATE:-/opt/gitlab-runner-fleet/config.template.toml}
SCRIPTS_DIR=${FLEET_SCRIPTS_DIR:-/opt/gitlab-runner-fleet}
CONFIG_DIR=${FLEET_CONFIG_DIR:-/etc/gitlab-runner}
CONFIG_FILE="$CONFIG_DIR/config.toml"
STATE_DIR="$CONFIG_DIR/fleet-state"
WORK_DIR=${FLEET_WORK_DIR:-$CONFIG_DIR}
# "name:kind" words, kind = authentication | registration, in config order.
RUNNERS=${FLEET_RUNNERS:?FLEET_RUNNERS must list the runner entries as name:kind}
VERIFY=${FLEET_VERIFY_TOKENS:-true}
START_ATTEMPTS=${FLEET_START_ATTEMPTS:-5}
BACKOFF_BASE=${FLEET_BACKOFF_BASE_SECONDS:-5}
BACKOFF_MAX=${FLEET_BACKOFF_MAX_SECONDS:-300}
PERSISTENT=${FLEET_PERSISTENT:-false}
UNREGISTER_MANAGER=${FLEET_UNREGISTER_MANAGER_ON_STOP:-false}
LOG_FORMAT=${FLEET_LOG_FORMAT:-runner}

EX_CONFIG=78
stopping=false
runner_pid=""

# Messages are the script's own words and names, never secret values.
log() {
  local level=$1
  shift
  if [[ $LOG_FORMAT == json ]]; then
    local message=${*//\\/\\\\}
    message=${message//\"/\\\"}
    printf '{"level":"%s","msg":"%s","source":"gitlab-runner-fleet","time":"%s"}\n' \
      "$level" "$message" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >&2
  else
    printf '%s gitlab-runner-fleet %-7s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$level" "$*" >&2
  fi
}

die() {
  local code=$1
  shift
  log error "$*"
  exit "$code"
}

runner_names() {
  local word kind=$1
  for word in $RUNNERS; do
    if [[ $kind == any || ${word#*:} == "$kind" ]]; then
      printf '%s\n' "${word%%:*}"
    fi
  done
}

# Waits base * 2^(attempt-1) seconds, capped; returns early when a stop signal arrives.
backoff() {
  local attempt=$1 delay=$BACKOFF_BASE i
  for ((i = 1; i < attempt; i++)); do
    delay=$((delay * 2))
    ((delay > BACKOFF_MAX)) && delay=$BACKOFF_MAX
  done
  log info "retrying in ${delay}s"
  # A second at a time: a trapped signal interrupts wait, but one handled just before wait began
  # would not, and the whole delay (up to BACKOFF_MAX) would pass before the stop.
  for ((i = 0; i < delay; i++)); do
    $stopping && return 0
    sleep 1 &
    wait $! || true
  done
}

write_system_id() {
  local pod=${POD_NAME:?POD_NAME is required} namespace=${POD_NAMESPACE:?POD_NAMESPACE is required}
  local release=${FLEET_RELEASE:?FLEET_RELEASE is required} seed=${FLEET_SYSTEM_ID_SEED:-}
  local digest
  digest=$(printf '%s/%s/%s/%s' "$seed" "$namespace" "$release" "$pod" | sha256sum)
  SYSTEM_ID="s_${digest:0:12}"
  printf '%s' "$SYSTEM_ID" >"$CONFIG_DIR/.runner_system_id"
  log info "runner system_id ${SYSTEM_ID} (stable for pod ${pod})"
}

# TOML basic-string escaping of a secret read from a file.
toml_escape() {
  local value=$1
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  value=${value//$'\n'/\\n}
  value=${value//$'\r'/\\r}
  value=${value//$'\t'/\\t}
  printf '%s' "$value"
}

read_secret_file() {
  local path=$1 what=$2 content
  [[ -r $path ]] || die "$EX_CONFIG" "$what: secret file $path is missing or unreadable; check the Secret and key named in values"
  content=$(<"$path")
  [[ -n ${content//[[:space:]]/} ]] || die "$EX_CONFIG" "$what: secret file $path is empty; check the Secret and key named in values"
  printf '%s' "$content"
}

# Legacy registration: one POST /runners per entry, ever, when the state directory persists.
register_runner() {
  local name=$1
  local stored="$STATE_DIR/$name.token" scratch="$STATE_DIR/$name.register.toml"
  local env_file="$SCRIPTS_DIR/register-$name.env" attempt token line
  if [[ -s $stored ]]; then
    log info "runner $name: reusing the runner registered earlier (token kept in $STATE_DIR)"
    return 0
  fi
  [[ -r $env_file ]] || die "$EX_CONFIG" "runner $name: $env_file is missing"
  token=$(read_secret_file "$SECRETS_DIR/$name/token" "runner $name registration token")
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    $stopping && exit 0
    rm -f "$scratch"
    log info "runner $name: registering with the registration token (attempt $attempt of $START_ATTEMPTS)"
    if (
      while IFS= read -r line; do
        [[ $line =~ ^[A-Z_]+= ]] && export "${line%%=*}=${line#*=}"
      done <"$env_file"
      REGISTRATION_TOKEN=$token exec "$RUNNER_BIN" register --non-interactive --config "$scratch" </dev/null
    ); then
      line=$(grep -m1 -E '^[[:space:]]*token = "' "$scratch" || true)
      line=${line#*\"}
      line=${line%\"*}
      if [[ -n $line ]]; then
        printf '%s' "$line" >"$stored"
        rm -f "$scratch"
        log info "runner $name: registered"
        return 0
      fi
      log error "runner $name: register succeeded but wrote no token"
    fi
    ((attempt < START_ATTEMPTS)) && backoff "$attempt"
  done
  die 1 "runner $name: registration failed $START_ATTEMPTS times; check gitlabUrl, the registration token and that registration tokens are allowed on the GitLab instance"
}

render_config() {
  local line path name value tmp="$CONFIG_FILE.tmp"
  : >"$tmp"
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^(.*)\"fleet-secret-file:([^\"]+)\"(.*)$ ]]; then
      path=${BASH_REMATCH[2]}
      value=$(read_secret_file "$path" "config.toml") || exit $?
      line="${BASH_REMATCH[1]}\"$(toml_escape "$value")\"${BASH_REMATCH[3]}"
    elif [[ $line =~ ^(.*)\"fleet-registered:([a-z0-9-]+)\"(.*)$ ]]; then
      name=${BASH_REMATCH[2]}
      value=$(<"$STATE_DIR/$name.token")
      line="${BASH_REMATCH[1]}\"$(toml_escape "$value")\"${BASH_REMATCH[3]}"
    fi
    printf '%s\n' "$line" >>"$tmp"
  done <"$CONFIG_TEMPLATE"
  mv -f "$tmp" "$CONFIG_FILE"
  log info "wrote $CONFIG_FILE"
}

# gitlab-runner verify exits non-zero only when GitLab answered 403 for the token (network
# errors count as valid there), so a failure here is a rejected token, not an outage.
verify_runner() {
  local name=$1 attempt
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    $stopping && exit 0
    if "$RUNNER_BIN" verify --config "$CONFIG_FILE" --name "$name" </dev/null; then
      log info "runner $name: token accepted by GitLab"
      return 0
    fi
    log error "runner $name: GitLab rejected the authentication token (attempt $attempt of $START_ATTEMPTS)"
    ((attempt < START_ATTEMPTS)) && backoff "$attempt"
  done
  die 1 "runner $name: GitLab rejected the authentication token $START_ATTEMPTS times; create the runner in GitLab and put its glrt- token in the Secret named by runners[].token"
}

unregister_after_drain() {
  local name
  if [[ $PERSISTENT != true ]]; then
    for name in $(runner_names registration); do
      log info "runner $name: unregistering the registered runner (its token is not persisted)"
      if "$RUNNER_BIN" unregister --config "$CONFIG_FILE" --name "$name" </dev/null; then
        rm -f "$STATE_DIR/$name.token"
      else
        log error "runner $name: unregister failed; remove the runner in GitLab by hand"
      fi
    done
  fi
  if [[ $UNREGISTER_MANAGER == true ]]; then
    for name in $(runner_names authentication); do
      log info "runner $name: deleting runner manager ${SYSTEM_ID}"
      "$RUNNER_BIN" unregister --config "$CONFIG_FILE" --name "$name" </dev/null ||
        log error "runner $name: deleting the runner manager failed"
    done
  fi
}

# shellcheck disable=SC2329 # invoked by the traps in main
on_stop() {
  local signal=$1
  if $stopping && [[ -n $runner_pid ]]; then
    log warning "second $signal: stopping gitlab-runner forcefully (running jobs are aborted)"
    kill -TERM "$runner_pid" 2>/dev/null || true
    # Not a bare return: in a trap handler that returns the status of the command the signal
    # interrupted (wait: 143), and under set -e the entrypoint would exit on the spot.
    return 0
  fi
  stopping=true
  if [[ -n $runner_pid ]]; then
    log info "$signal received: draining; running jobs finish before gitlab-runner exits"
    kill -QUIT "$runner_pid" 2>/dev/null || true
  else
    log info "$signal received before gitlab-runner started: exiting"
  fi
}

main() {
  trap 'on_stop SIGTERM' TERM
  trap 'on_stop SIGINT' INT
  trap 'on_stop SIGQUIT' QUIT
  SECRETS_DIR=${FLEET_SECRETS_DIR:-/var/run/secrets/gitlab-runner-fleet}
  mkdir -p "$CONFIG_DIR" "$STATE_DIR"
  write_system_id

  local name
  for name in $(runner_names registration); do
    register_runner "$name"
  done
  render_config
  if [[ $VERIFY == true ]]; then
    for name in $(runner_names authentication); do
      verify_runner "$name"
    done
  fi
  $stopping && exit 0

  log info "starting gitlab-runner"
  # Without job control bash starts background commands with SIGINT and SIGQUIT ignored, and an
  # ignored signal stays ignored across exec: reset them, SIGQUIT is the runner's graceful stop.
  (
    trap - INT QUIT
    exec "$RUNNER_BIN" run --config "$CONFIG_FILE" --working-directory "$WORK_DIR" </dev/null
  ) &
  runner_pid=$!
  # A stop signal that arrived while the runner was being started had no pid to go to. SIGTERM:
  # SIGQUIT may still be ignored this early, and a runner started just now runs no job yet.
  if $stopping; then
    log info "stop requested while gitlab-runner was starting: stopping it"
    kill -TERM "$runner_pid" 2>/dev/null || true
  fi
  local status
  # wait returns early whenever a trapped signal arrives; keep waiting until the runner is gone.
  while :; do
    if wait "$runner_pid"; then status=0; else status=$?; fi
    kill -0 "$runner_pid" 2>/dev/null || break
  done
  log info "gitlab-runner exited with status $status"
  if $stopping; then
    unregister_after_drain
    # A drained stop is a clean stop even when the runner reports the signal in its status.
    exit 0
  fi
  exit "$status"
}

main "$@"
