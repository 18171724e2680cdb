#!/bin/bash
# Entrypoint of a gitlab-runner-fleet manager pod.
#
# 1. Writes a .runner_system_id derived from seed, namespace, release and pod name, so a restarted
#    pod is the same runner manager in GitLab instead of a new one per start.
# 2. Builds config.toml from the chart's template, replacing secret placeholders with the content
#    of mounted Secret files. Tokens are never put in the environment or printed. With orphan
#    cleanup on, the job pod label naming this manager gets the pod's name (FLEET_POD_NAME_PLACEHOLDER).
# 3. Registers legacy (registration-token) entries once, reusing a stored runner token when the
#    config directory is persistent; verifies authentication tokens with bounded retries, telling
#    a rejected token, a config.toml the runner cannot load and an unreachable GitLab apart.
# 4. Keeps tokens the runner rotated (config.toml written by gitlab-runner) in the state directory,
#    so a restart does not bring back a token GitLab has already replaced.
# 5. Runs gitlab-runner and turns the kubelet's SIGTERM into SIGQUIT, the runner's graceful stop:
#    running jobs finish. Only after that drain are runners unregistered, where configured.
set -euo pipefail
shopt -s extglob
umask 077

RUNNER_BIN=${FLEET_RUNNER_BIN:-gitlab-runner}
CONFIG_TEMPLATE=${FLEET_CONFIG_TEMPLATE:-/opt/gitlab-runner-fleet/config.template.toml}
SCRIPTS_DIR=${FLEET_SCRIPTS_DIR:-/opt/gitlab-runner-fleet}
CONFIG_DIR=${FLEET_CONFIG_DIR:-/etc/gitlab-runner}
CONFIG_FILE="$CONFIG_DIR/config.toml"
STATE_DIR="$CONFIG_DIR/fleet-state"
WORK_DIR=${FLEET_WORK_DIR:-$CONFIG_DIR}
# "name:kind:token-file" words in config order: kind = authentication | registration, token-file =
# where the chart mounted the entry's token. The chart names every path; this script builds none.
RUNNERS=${FLEET_RUNNERS:?FLEET_RUNNERS must list the runner entries as name:kind:token-file}
VERIFY=${FLEET_VERIFY_TOKENS:-true}
START_ATTEMPTS=${FLEET_START_ATTEMPTS:-5}
BACKOFF_BASE=${FLEET_BACKOFF_BASE_SECONDS:-5}
BACKOFF_MAX=${FLEET_BACKOFF_MAX_SECONDS:-300}
PERSISTENT=${FLEET_PERSISTENT:-false}
# Set while orphan cleanup is on: the config template's quoted token for this pod's name.
POD_NAME_PLACEHOLDER=${FLEET_POD_NAME_PLACEHOLDER:-}
UNREGISTER_MANAGER=${FLEET_UNREGISTER_MANAGER_ON_STOP:-false}

# A top-level setting of the config template (key = "value" before the first table).
template_setting() {
  local key=$1 line
  [[ -r $CONFIG_TEMPLATE ]] || return 0
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*\[ ]] && return 0
    if [[ $line =~ ^[[:space:]]*${key}[[:space:]]*=[[:space:]]*\"([a-z]+)\" ]]; then
      printf '%s' "${BASH_REMATCH[1]}"
      return 0
    fi
  done <"$CONFIG_TEMPLATE"
}

LOG_FORMAT=${FLEET_LOG_FORMAT:-$(template_setting log_format)}
LOG_LEVEL=${FLEET_LOG_LEVEL:-$(template_setting log_level)}

EX_CONFIG=78
stopping=false
runner_pid=""

# gitlab-runner reads log_format/log_level from config.toml only in `run`; every other command
# takes them as global flags, which urfave/cli wants before the command name.
runner_flags() {
  local level=${1:-$LOG_LEVEL}
  RUNNER_FLAGS=()
  [[ -n $LOG_FORMAT ]] && RUNNER_FLAGS+=(--log-format "$LOG_FORMAT")
  [[ -n $level ]] && RUNNER_FLAGS+=(--log-level "$level")
  return 0
}
runner_flags

runner_cmd() {
  "$RUNNER_BIN" "${RUNNER_FLAGS[@]}" "$@"
}

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
  local word name kind
  for word in $RUNNERS; do
    IFS=: read -r name kind _ <<<"$word"
    if [[ $1 == any || $kind == "$1" ]]; then
      printf '%s\n' "$name"
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

digest() {
  local sum
  sum=$(printf '%s' "$1" | sha256sum)
  printf '%s' "${sum%% *}"
}

# Lines "id = 42", "token_obtained_at = <TOML date-time>", "token_expires_at = ..." from a
# config.toml the runner wrote: the runner rotates a token only when it knows its expiry.
is_token_meta() {
  [[ $1 =~ ^(id\ =\ [0-9]+|token_(obtained|expires)_at\ =\ [0-9][0-9TZ:.+-]*)$ ]]
}

# Runner-level credentials of every [[runners]] entry in a config.toml the runner wrote, as
# calls of the function named $2: <function> NAME TOKEN META (TOKEN in its TOML-escaped form).
each_runner_credentials() {
  local file=$1 callback=$2 line name="" token="" meta="" in_runner=false key value
  [[ -f $file ]] || return 0
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*\[\[runners\]\] ]]; then
      [[ -n $name ]] && "$callback" "$name" "$token" "$meta"
      in_runner=true name="" token="" meta=""
    elif [[ $line =~ ^[[:space:]]*\[ ]]; then
      in_runner=false
    elif $in_runner && [[ $line =~ ^[[:space:]]*([a-z_]+)[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]]; then
      key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
      case $key in
        name) [[ $value =~ ^\"(.*)\"$ ]] && name=${BASH_REMATCH[1]} ;;
        token) [[ $value =~ ^\"(.*)\"$ ]] && token=${BASH_REMATCH[1]} ;;
        id | token_obtained_at | token_expires_at) is_token_meta "$key = $value" && meta+="$key = $value"$'\n' ;;
      esac
    fi
  done <"$file"
  [[ -n $name ]] && "$callback" "$name" "$token" "$meta"
  return 0
}

# Field kind or token-file of runner entry $1; fails for an unknown entry.
runner_field() {
  local word name kind file
  for word in $RUNNERS; do
    IFS=: read -r name kind file <<<"$word"
    if [[ $name == "$1" ]]; then
      if [[ $2 == kind ]]; then printf '%s' "$kind"; else printf '%s' "$file"; fi
      return 0
    fi
  done
  return 1
}

runner_kind() {
  runner_field "$1" kind
}

# The runner entry whose token is mounted at file $1; fails when it is no entry's token file.
runner_with_token_file() {
  local word name file
  for word in $RUNNERS; do
    IFS=: read -r name _ file <<<"$word"
    if [[ $file == "$1" ]]; then
      printf '%s' "$name"
      return 0
    fi
  done
  return 1
}

# A token that differs from the one this script wrote at the last start was rotated by gitlab-runner.
# shellcheck disable=SC2329 # called through each_runner_credentials
keep_rotated_token() {
  local name=$1 token=$2 meta=$3 kind expires
  [[ -n $token && -s $STATE_DIR/$name.written ]] || return 0
  kind=$(runner_kind "$name") || return 0
  [[ $(digest "$token") != "$(<"$STATE_DIR/$name.written")" ]] || return 0
  if [[ $kind == registration ]]; then
    printf '%s' "$token" >"$STATE_DIR/$name.token"
  else
    printf '%s' "$token" >"$STATE_DIR/$name.rotated"
  fi
  printf '%s' "$meta" >"$STATE_DIR/$name.meta"
  expires=$(sed -n 's/^token_expires_at = //p' <<<"$meta")
  log info "runner $name: gitlab-runner rotated the token (new one expires ${expires:-at an unknown time}); keeping it in $STATE_DIR"
}

# gitlab-runner saves config.toml itself when it rotates a token nearing its expiry (`run`, at 75 %
# of the token's lifetime; GitLab revokes the old token). Read what it saved before rendering again.
keep_rotated_tokens() {
  each_runner_credentials "$CONFIG_FILE" keep_rotated_token
}

# The token for an authentication entry: the one gitlab-runner rotated from the Secret's token, as
# long as the Secret still holds that token; once the user puts another token in the Secret, that one.
# Sets TOKEN and TOKEN_META (no subshell: the caller needs both).
choose_authentication_token() {
  local name=$1 secret=$2 origin
  origin=$(digest "$secret")
  TOKEN=$secret
  TOKEN_META=""
  if [[ -s $STATE_DIR/$name.rotated ]]; then
    if [[ -s $STATE_DIR/$name.origin && $(<"$STATE_DIR/$name.origin") == "$origin" ]]; then
      TOKEN=$(<"$STATE_DIR/$name.rotated")
      [[ -f $STATE_DIR/$name.meta ]] && TOKEN_META=$(<"$STATE_DIR/$name.meta")
      log info "runner $name: using the token gitlab-runner rotated (the Secret still holds the token it replaced)"
    else
      rm -f "$STATE_DIR/$name.rotated" "$STATE_DIR/$name.meta"
      log info "runner $name: the Secret holds a new token; using it instead of the token gitlab-runner rotated earlier"
    fi
  fi
  printf '%s' "$origin" >"$STATE_DIR/$name.origin"
}

# Legacy registration: one POST /runners per entry, ever, when the state directory persists.
register_runner() {
  local name=$1
  local stored="$STATE_DIR/$name.token" scratch="$STATE_DIR/$name.registered.toml"
  local env_file="$SCRIPTS_DIR/register-$name.env" attempt token line
  if [[ -s $stored ]]; then
    log info "runner $name: reusing the runner registered earlier (token kept in $STATE_DIR)"
    return 0
  fi
  [[ -r $env_file ]] || die "$EX_CONFIG" "runner $name: $env_file is missing"
  token=$(read_secret_file "$(runner_field "$name" token-file)" "runner $name registration token")
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    $stopping && stop_before_run
    rm -f "$scratch"
    log info "runner $name: registering with the registration token (attempt $attempt of $START_ATTEMPTS)"
    if (
      while IFS= read -r line; do
        [[ $line =~ ^[A-Z_]+= ]] && export "${line%%=*}=${line#*=}"
      done <"$env_file"
      REGISTRATION_TOKEN=$token exec "$RUNNER_BIN" "${RUNNER_FLAGS[@]}" register --non-interactive --config "$scratch" </dev/null
    ); then
      registered_token=""
      each_runner_credentials "$scratch" take_registered_token
      if [[ -n $registered_token ]]; then
        printf '%s' "$registered_token" >"$stored"
        printf '%s' "$registered_meta" >"$STATE_DIR/$name.meta"
        # The scratch config stays until gitlab-runner runs: a stop before that unregisters with it.
        log info "runner $name: registered"
        return 0
      fi
      log error "runner $name: register succeeded but wrote no token"
    fi
    ((attempt < START_ATTEMPTS)) && backoff "$attempt"
  done
  die 1 "runner $name: registration failed $START_ATTEMPTS times; check gitlabUrl, the registration token and that registration tokens are allowed on the GitLab instance"
}

# shellcheck disable=SC2329 # called through each_runner_credentials
take_registered_token() {
  registered_token=$2
  registered_meta=$3
}

# The pod's name as it replaces POD_NAME_PLACEHOLDER: it becomes a job pod label value
# (templates/_orphan_cleanup.tpl), so it must be a lowercase DNS name of at most 63 characters.
pod_name_value() {
  [[ $POD_NAME_PLACEHOLDER =~ ^[a-z0-9-]+$ ]] ||
    die "$EX_CONFIG" "FLEET_POD_NAME_PLACEHOLDER must be lowercase letters, digits and dashes"
  [[ ${#POD_NAME} -le 63 && $POD_NAME =~ ^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$ ]] ||
    die "$EX_CONFIG" "pod name $POD_NAME cannot be a label value (at most 63 characters, [a-z0-9.-])"
  printf '%s' "$POD_NAME"
}

render_config() {
  local line path name value indent meta tmp="$CONFIG_FILE.tmp" pod_name=""
  [[ -n $POD_NAME_PLACEHOLDER ]] && pod_name=$(pod_name_value)
  : >"$tmp"
  while IFS= read -r line || [[ -n $line ]]; do
    name=""
    # Only the exact quoted token, and in the template line before any secret is put into it.
    [[ -n $pod_name ]] && line=${line//"\"$POD_NAME_PLACEHOLDER\""/"\"$pod_name\""}
    if [[ $line =~ ^(.*)\"fleet-secret-file:([^\"]+)\"(.*)$ ]]; then
      path=${BASH_REMATCH[2]}
      value=$(read_secret_file "$path" "config.toml") || exit $?
      TOKEN=$(toml_escape "$value")
      TOKEN_META=""
      # The runner's own token (runners[].token, kind authentication) may have been rotated.
      if [[ ${BASH_REMATCH[1]} =~ ^[[:space:]]*token\ =\ $ ]] && name=$(runner_with_token_file "$path"); then
        [[ $(runner_kind "$name") == authentication ]] && choose_authentication_token "$name" "$TOKEN"
      fi
      [[ $line =~ ^(.*)\"fleet-secret-file:([^\"]+)\"(.*)$ ]]
      line="${BASH_REMATCH[1]}\"$TOKEN\"${BASH_REMATCH[3]}"
    elif [[ $line =~ ^(.*)\"fleet-registered:([a-z0-9-]+)\"(.*)$ ]]; then
      name=${BASH_REMATCH[2]}
      TOKEN=$(<"$STATE_DIR/$name.token")
      TOKEN_META=""
      [[ -f $STATE_DIR/$name.meta ]] && TOKEN_META=$(<"$STATE_DIR/$name.meta")
      line="${BASH_REMATCH[1]}\"$TOKEN\"${BASH_REMATCH[3]}"
    fi
    printf '%s\n' "$line" >>"$tmp"
    if [[ -n $name ]]; then
      digest "$TOKEN" >"$STATE_DIR/$name.written"
      indent=${line%%[![:space:]]*}
      while IFS= read -r meta; do
        is_token_meta "$meta" && printf '%s%s\n' "$indent" "$meta" >>"$tmp"
      done <<<"$TOKEN_META"
    fi
  done <"$CONFIG_TEMPLATE"
  mv -f "$tmp" "$CONFIG_FILE"
  log info "wrote $CONFIG_FILE"
}

# A field of a gitlab-runner log line in any of its formats: json ("key":"value"), text
# (key="value" or key=value) and runner (key=value, which for status is the rest of the line).
log_field() {
  local line=$1 key=$2 value
  if [[ $line =~ \"$key\":\"(([^\"\\]|\\.)*)\" ]]; then
    value=${BASH_REMATCH[1]}
  elif [[ $line =~ (^|[[:space:]])$key=\"(([^\"\\]|\\.)*)\" ]]; then
    value=${BASH_REMATCH[2]}
  elif [[ $line =~ (^|[[:space:]])$key=(.*)$ ]]; then
    value=${BASH_REMATCH[2]}
  fi
  value=${value//\\\"/\"}
  printf '%s' "${value%"${value##*[![:space:]]}"}"
}

# The message of gitlab-runner's FATAL line (logrus.Fatalln), in any log format.
fatal_message() {
  local line
  while IFS= read -r line; do
    if [[ $line =~ \"level\":\"fatal\" || $line =~ (^|[[:space:]])level=fatal ]]; then
      log_field "$line" msg
      return 0
    elif [[ $line =~ FATAL:\ (.*)$ ]]; then
      line=${BASH_REMATCH[1]}
      printf '%s' "${line%"${line##*[![:space:]]}"}"
      return 0
    fi
  done <<<"$1"
}

# `gitlab-runner verify` (commands/verify.go, network/gitlab.go at 19.4.0) exits 1 both when
# GitLab answers 403 and when config.toml does not load, and exits 0 after a network or TLS error
# ("Verifying runner... failed"). Its log lines say which: they are read here, in every log format.
# "is not valid" is an info line, so verify runs at info level at least.
verify_runner() {
  local name=$1 attempt output status plain line detail level=$LOG_LEVEL
  case $level in debug | trace | info) ;; *) level=info ;; esac
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    $stopping && stop_before_run
    runner_flags "$level"
    if output=$(runner_cmd verify --config "$CONFIG_FILE" --name "$name" </dev/null 2>&1); then status=0; else status=$?; fi
    runner_flags
    [[ -n $output ]] && printf '%s\n' "$output" >&2
    plain=${output//$'\e'\[*([0-9;])m/}
    line=$(grep -m1 -F 'Verifying runner...' <<<"$plain" || true)
    case $line in
      *"Verifying runner... is valid"* | *"Verifying runner... is alive"*)
        if ((status == 0)); then
          log info "runner $name: token accepted by GitLab"
          return 0
        fi
        ;;
      *"Verifying runner... is not valid"* | *"Verifying runner... is removed"*)
        log error "runner $name: GitLab rejected the authentication token (attempt $attempt of $START_ATTEMPTS)"
        ((attempt < START_ATTEMPTS)) && backoff "$attempt"
        continue
        ;;
      *"Verifying runner... failed"* | *"Verifying runner... client error"*)
        # Not retried: an outage must neither crash-loop the managers nor eat the startup probe's
        # budget (one verify may take minutes of dial timeouts); gitlab-runner keeps retrying itself.
        detail=$(log_field "$line" status)
        log warning "runner $name: GitLab did not answer the token check (${detail:-no detail}); the token is not verified"
        log warning "runner $name: starting without a verified token; check gitlabUrl, DNS, the network path (proxy, NetworkPolicy) and gitlabCA if this persists"
        return 0
        ;;
    esac
    if ((status != 0)); then
      detail=$(fatal_message "$plain")
      die "$EX_CONFIG" "runner $name: gitlab-runner could not load $CONFIG_FILE: ${detail:-exit status $status, no message}; this is a configuration error, not a token problem"
    fi
    log warning "runner $name: gitlab-runner verify gave no verdict; starting without a verified token"
    return 0
  done
  die 1 "runner $name: GitLab rejected the authentication token $START_ATTEMPTS times; create the runner in GitLab and put its glrt- token in the Secret named by runners[].token"
}

# Removes a runner registered with a legacy token from GitLab and forgets its state here.
unregister_registered() {
  local name=$1 config=$2 why=$3
  log info "runner $name: unregistering the registered runner ($why)"
  if runner_cmd unregister --config "$config" --name "$name" </dev/null; then
    rm -f "$STATE_DIR/$name".*
  else
    log error "runner $name: unregister failed; remove the runner in GitLab by hand"
  fi
}

# A stop before `run`: nothing to drain, but a runner registered in GitLab whose token lives in a
# directory that goes away with the pod would be left behind for good; unregister it.
stop_before_run() {
  local name config
  if [[ $PERSISTENT != true ]]; then
    for name in $(runner_names registration); do
      [[ -s $STATE_DIR/$name.token ]] || continue
      config="$STATE_DIR/$name.registered.toml"
      [[ -s $config ]] || config=$CONFIG_FILE
      unregister_registered "$name" "$config" "stopped before gitlab-runner ran; its token is not persisted"
    done
  fi
  exit 0
}

unregister_after_drain() {
  local name
  if [[ $PERSISTENT != true ]]; then
    for name in $(runner_names registration); do
      unregister_registered "$name" "$CONFIG_FILE" "its token is not persisted"
    done
  fi
  if [[ $UNREGISTER_MANAGER == true ]]; then
    for name in $(runner_names authentication); do
      log info "runner $name: deleting runner manager ${SYSTEM_ID}"
      runner_cmd unregister --config "$CONFIG_FILE" --name "$name" </dev/null ||
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
  mkdir -p "$CONFIG_DIR" "$STATE_DIR"
  write_system_id

  local name
  keep_rotated_tokens
  for name in $(runner_names registration); do
    register_runner "$name"
  done
  $stopping && stop_before_run
  render_config
  if [[ $VERIFY == true ]]; then
    for name in $(runner_names authentication); do
      verify_runner "$name"
    done
  fi
  $stopping && stop_before_run
  rm -f "$STATE_DIR"/*.registered.toml

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
