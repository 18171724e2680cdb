#!/bin/bash
# Recording stand-in for gitlab-runner, for the unit tests of files/entrypoint.sh only (see
# harness.ts). Appends one line per invocation to $FAKE_CTL_DIR/calls.log:
#   call<TAB>argv...<TAB>--env--<TAB>KEY=VALUE...[<TAB>@config=present|absent][<TAB>@log-format=F][<TAB>@log-level=L]
# (argv without the global flags, which are recorded as @log-format/@log-level) and
# "event<TAB>text" lines for what happens during `run` (signals, drain, token rotation).
# Its log lines imitate the pinned runner's (d79f3e7b, 19.4.0) in the three --log-format styles,
# with the messages the runner prints for verify (network/gitlab.go VerifyRunner,
# commands/verify.go): that output is what the entrypoint reads to tell the outcomes apart.
set -u
ctl=${FAKE_CTL_DIR:?FAKE_CTL_DIR is required}
calls="$ctl/calls.log"
# Registration variables the entrypoint must (or must not) pass on. The values are fake tokens.
recorded_env=(REGISTRATION_TOKEN REGISTER_NON_INTERACTIVE CI_SERVER_URL RUNNER_NAME RUNNER_EXECUTOR
  RUNNER_TAG_LIST REGISTER_RUN_UNTAGGED REGISTER_MAINTENANCE_NOTE lowercase_ignored)

option() {
  local wanted=$1 prev="" arg
  shift
  for arg in "$@"; do
    if [[ $prev == "$wanted" ]]; then
      printf '%s' "$arg"
      return
    fi
    prev=$arg
  done
}

# urfave/cli global flags come before the command: gitlab-runner --log-format json verify ...
log_format=runner
log_level=""
globals=()
while [[ ${1:-} == --log-format || ${1:-} == --log-level ]]; do
  globals+=("@${1#--}=${2:-}")
  [[ $1 == --log-format ]] && log_format=${2:-}
  [[ $1 == --log-level ]] && log_level=${2:-}
  shift 2
done

level_rank() {
  case $1 in debug) echo 5 ;; info) echo 4 ;; warn | warning) echo 3 ;; error) echo 2 ;; fatal) echo 1 ;; *) echo 0 ;; esac
}

# rlog LEVEL MESSAGE [KEY=VALUE...]: one log line to stderr the way logrus prints it in the
# runner's formats (fields sorted by key, as logrus does).
rlog() {
  local level=$1 message=$2 now field key value line prefix=""
  shift 2
  (($(level_rank "$level") > $(level_rank "${log_level:-info}"))) && return 0
  now=$(date -u +%Y-%m-%dT%H:%M:%S.000000000Z)
  case $log_format in
    json)
      line="{"
      for field in "$@"; do
        key=${field%%=*} value=${field#*=}
        line+="\"$key\":\"${value//\"/\\\"}\","
      done
      line+="\"level\":\"$level\",\"msg\":\"${message//\"/\\\"}\",\"time\":\"$now\"}"
      ;;
    text)
      line="time=\"$now\" level=$level msg=\"${message//\"/\\\"}\""
      for field in "$@"; do
        key=${field%%=*} value=${field#*=}
        line+=" $key=\"${value//\"/\\\"}\""
      done
      ;;
    *)
      local color=""
      case $level in
        warning) prefix="WARNING: " color=$'\e[0;33m' ;;
        error) prefix="ERROR: " color=$'\e[31;1m' ;;
        fatal) prefix="FATAL: " color=$'\e[31;1m' ;;
      esac
      line=$(printf '%s%s%-*s\e[0;m ' "$color" "$prefix" $((50 - ${#prefix})) "$message")
      for field in "$@"; do line+=" ${field%%=*}=${field#*=}"; done
      ;;
  esac
  printf '%s\n' "$line" >&2
}

# config_value FILE RUNNER KEY: the raw value of KEY in the [[runners]] entry named RUNNER.
config_value() {
  local file=$1 wanted=$2 key=$3 line name="" in_runner=false found=""
  [[ -f $file ]] || return 0
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*\[\[runners\]\] ]]; then
      in_runner=true name=""
    elif [[ $line =~ ^[[:space:]]*\[ ]]; then
      in_runner=false
    elif $in_runner && [[ $line =~ ^[[:space:]]*name[[:space:]]*=[[:space:]]*\"(.*)\"[[:space:]]*$ ]]; then
      name=${BASH_REMATCH[1]}
    elif $in_runner && [[ $name == "$wanted" && $line =~ ^[[:space:]]*${key}[[:space:]]*=[[:space:]]*(.*)$ ]]; then
      found=${BASH_REMATCH[1]}
    fi
  done <"$file"
  printf '%s' "$found"
}

unquote() {
  local value=${1#\"}
  printf '%s' "${value%\"}"
}

# A JSON call to the mock GitLab at FAKE_GITLAB_URL; prints "<status> <body>", 000 when unreachable.
gitlab_call() {
  local method=$1 path=$2 body=$3 out status
  out=$(curl -sS -o - -w '\n%{http_code}' -X "$method" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data "$body" "${FAKE_GITLAB_URL%/}/api/v4/$path" 2>/dev/null) || true
  status=${out##*$'\n'}
  [[ $status =~ ^[0-9]{3}$ ]] || status=000
  printf '%s %s' "$status" "${out%$'\n'*}"
}
gitlab_post() { gitlab_call POST "$@"; }

toml_time() {
  local value=$1
  if [[ -z $value || $value == null ]]; then printf '0001-01-01T00:00:00Z'; else printf '%s' "$value"; fi
}

record_call() {
  local line=call arg key config
  for arg in "$@"; do line+=$'\t'"$arg"; done
  line+=$'\t--env--'
  for key in "${recorded_env[@]}"; do
    if [[ -v $key ]]; then line+=$'\t'"$key=${!key}"; fi
  done
  config=$(option --config "$@")
  if [[ -n $config ]]; then
    if [[ -e $config ]]; then line+=$'\t@config=present'; else line+=$'\t@config=absent'; fi
  fi
  for arg in "${globals[@]}"; do line+=$'\t'"$arg"; done
  printf '%s\n' "$line" >>"$calls"
}

event() { printf 'event\t%s\n' "$*" >>"$calls"; }

sleeper=""
# Sleeps without holding the entrypoint's stdout/stderr open; trapped signals interrupt the wait,
# the nap itself goes on.
nap() {
  sleep "$1" >/dev/null 2>&1 &
  sleeper=$!
  while kill -0 "$sleeper" 2>/dev/null; do wait "$sleeper" || true; done
  sleeper=""
}

# What `run` does when a token nears its expiry (commands/multi.go resetOneRunnerToken, at 75 % of
# token_expires_at - token_obtained_at, here at once): POST /runners/reset_authentication_token
# for every entry with a non-zero token_expires_at, then save the whole config.toml with the new
# token, token_obtained_at and token_expires_at (configfile.Save rewrites the file).
# With a second argument, what `gitlab-runner reset-token --name NAME` does: that entry, now.
rotate_tokens() {
  local config=$1 only=${2:-} tmp="$1.fake-save" line name="" in_runner=false token expires response body
  local -A new_token=() new_expires=()
  local expiring=()
  [[ -n $only ]] && expiring=("$only")
  [[ -n $only ]] || while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*name[[:space:]]*=[[:space:]]*\"(.*)\" ]]; then name=${BASH_REMATCH[1]}; fi
    if [[ $line =~ ^[[:space:]]*token_expires_at[[:space:]]*=[[:space:]]*(.*)$ && ${BASH_REMATCH[1]} != 0001-01-01T00:00:00Z ]]; then
      expiring+=("$name")
    fi
  done <"$config"
  for name in "${expiring[@]}"; do
    token=$(unquote "$(config_value "$config" "$name" token)")
    if [[ -n ${FAKE_GITLAB_URL:-} ]]; then
      response=$(gitlab_post runners/reset_authentication_token "{\"token\":\"$token\"}")
      if [[ ${response%% *} != 201 ]]; then
        event "token reset for $name failed: ${response%% *}"
        continue
      fi
      body=${response#* }
      new_token[$name]=$(jq -r .token <<<"$body")
      expires=$(toml_time "$(jq -r .token_expires_at <<<"$body")")
    else
      new_token[$name]="$token-rotated"
      expires=2099-01-01T00:00:00Z
    fi
    new_expires[$name]=$expires
    event "rotated the token of $name"
  done
  : >"$tmp"
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*\[\[runners\]\] ]]; then
      in_runner=true name=""
    elif [[ $line =~ ^[[:space:]]*\[ ]]; then
      in_runner=false
    elif $in_runner && [[ $line =~ ^[[:space:]]*name[[:space:]]*=[[:space:]]*\"(.*)\" ]]; then
      name=${BASH_REMATCH[1]}
    elif $in_runner && [[ -n ${new_token[$name]:-} && $line =~ ^([[:space:]]*)(token|token_obtained_at|token_expires_at)[[:space:]]*= ]]; then
      # Save writes every field, so the times appear even where config.toml had none.
      [[ ${BASH_REMATCH[2]} == token ]] || continue
      line="${BASH_REMATCH[1]}token = \"${new_token[$name]}\""
      line+=$'\n'"${BASH_REMATCH[1]}token_obtained_at = $(date -u +%Y-%m-%dT%H:%M:%SZ)"
      line+=$'\n'"${BASH_REMATCH[1]}token_expires_at = ${new_expires[$name]}"
    fi
    printf '%s\n' "$line" >>"$tmp"
  done <"$config"
  mv -f "$tmp" "$config"
}

record_call "$@"
case ${1:-} in
  verify)
    name=$(option --name "$@")
    config=$(option --config "$@")
    if [[ ${FAKE_VERIFY_BLOCK:-} == true ]]; then
      : >"$ctl/verify.started"
      until [[ -e $ctl/verify.release ]]; do sleep 0.02; done
    fi
    # commands/verify.go: a config that does not load is logrus.Fatalln(err), exit 1.
    if [[ -n ${FAKE_CONFIG_ERROR:-} ]]; then
      rlog fatal "$FAKE_CONFIG_ERROR"
      exit 1
    fi
    token=$(unquote "$(config_value "$config" "$name" token)")
    if [[ -z $token ]]; then
      rlog fatal "mutate config: no runner matches the filtering parameters"
      exit 1
    fi
    short=${token#glrt-}
    short=${short:0:9}
    fields=("correlation_id=0123456789abcdef0123456789abcdef" "runner=$short" "runner_name=$name")
    if [[ -n ${FAKE_GITLAB_URL:-} ]]; then
      response=$(gitlab_post runners/verify "{\"token\":\"$token\"}")
      status=${response%% *}
    else
      status=200
      reject=" ${FAKE_VERIFY_REJECT:-} "
      [[ $reject == " all " || $reject == *" $name "* ]] && status=403
      [[ ${FAKE_VERIFY_UNREACHABLE:-} == true ]] && status=000
    fi
    case $status in
      200)
        rlog info "Verifying runner... is valid" "${fields[@]}"
        exit 0
        ;;
      403)
        # glrt- tokens: "is not valid" at info level; legacy tokens: "is removed" at error level.
        if [[ $token == glrt-* ]]; then
          rlog info "Verifying runner... is not valid" "${fields[@]}"
        else
          rlog error "Verifying runner... is removed" "${fields[@]}" "status=403 Forbidden"
        fi
        rlog fatal "Failed to verify runners"
        exit 1
        ;;
      000)
        # Network and TLS errors: logged, then treated as verified (exit 0).
        rlog error "Verifying runner... failed" "${fields[@]}" \
          "status=execute JSON request: Post \"https://gitlab.example.com/api/v4/runners/verify\": dial tcp 10.0.0.1:443: connect: connection refused"
        exit 0
        ;;
      *)
        rlog error "Verifying runner... failed" "${fields[@]}" "status=$status"
        exit 0
        ;;
    esac
    ;;
  register)
    if [[ ${FAKE_REGISTER_BLOCK:-} == true ]]; then
      : >"$ctl/register.started"
      until [[ -e $ctl/register.release ]]; do sleep 0.02; done
    fi
    count=0
    [[ -f $ctl/register.count ]] && count=$(<"$ctl/register.count")
    count=$((count + 1))
    printf '%s' "$count" >"$ctl/register.count"
    if ((count <= ${FAKE_REGISTER_FAILS:-0})); then
      echo "fake register: failure $count" >&2
      exit 1
    fi
    id=42 token=${FAKE_REGISTER_TOKEN-glrt-or-legacy-token} expires=0001-01-01T00:00:00Z
    if [[ -n ${FAKE_GITLAB_URL:-} ]]; then
      response=$(gitlab_post runners "{\"token\":\"${REGISTRATION_TOKEN:-}\",\"description\":\"${RUNNER_NAME:-}\"}")
      if [[ ${response%% *} != 201 ]]; then
        rlog error "Registering runner... failed" "status=${response%% *}"
        exit 1
      fi
      body=${response#* }
      id=$(jq -r .id <<<"$body")
      token=$(jq -r .token <<<"$body")
      expires=$(toml_time "$(jq -r .token_expires_at <<<"$body")")
    fi
    cat >"$(option --config "$@")" <<TOML
concurrent = 1
check_interval = 0

[[runners]]
  name = "${RUNNER_NAME:-unnamed}"
  url = "${CI_SERVER_URL:-https://gitlab.example.com}"
  id = $id
  token = "$token"
  token_obtained_at = $(date -u +%Y-%m-%dT%H:%M:%SZ)
  token_expires_at = $expires
  executor = "kubernetes"
TOML
    exit 0
    ;;
  run)
    draining=false
    # shellcheck disable=SC2329 # invoked by the traps below
    on_quit() {
      event "QUIT received"
      draining=true
    }
    # shellcheck disable=SC2329
    on_term() {
      event "TERM received"
      if [[ -n $sleeper ]]; then kill "$sleeper" 2>/dev/null; fi
      exit 1
    }
    trap on_quit QUIT
    trap on_term TERM
    trap 'event "INT received"' INT
    [[ ${FAKE_ROTATE_TOKENS:-} == true ]] && rotate_tokens "$(option --config "$@")"
    : >"$ctl/run.started"
    if [[ -n ${FAKE_RUN_EXIT:-} ]]; then
      event "run exits by itself with status $FAKE_RUN_EXIT"
      exit "$FAKE_RUN_EXIT"
    fi
    while ! $draining; do nap 0.05; done
    # A job is still running; it finishes before the runner exits.
    nap "${FAKE_DRAIN_SECONDS:-0.3}"
    event "drained"
    exit 0
    ;;
  reset-token)
    rotate_tokens "$(option --config "$@")" "$(option --name "$@")"
    exit 0
    ;;
  unregister)
    if [[ -n ${FAKE_GITLAB_URL:-} ]]; then
      # commands/unregister.go: DELETE /runners for a legacy token, /runners/managers for glrt-.
      name=$(option --name "$@")
      token=$(unquote "$(config_value "$(option --config "$@")" "$name" token)")
      if [[ $token == glrt-* ]]; then
        response=$(gitlab_call DELETE runners/managers "{\"token\":\"$token\",\"system_id\":\"s_000000000000\"}")
      else
        response=$(gitlab_call DELETE runners "{\"token\":\"$token\"}")
      fi
      if [[ ${response%% *} != 204 ]]; then
        rlog fatal "failed to unregister runner" "error=unregister runner: failed to unregister runner \"$name\""
        exit 1
      fi
      rlog info "Unregistering runner from GitLab succeeded" "runner_name=$name"
      exit 0
    fi
    exit "${FAKE_UNREGISTER_EXIT:-0}"
    ;;
  *)
    echo "fake gitlab-runner: unexpected command $*" >&2
    exit 64
    ;;
esac
