#!/bin/bash
# Recording stand-in for gitlab-runner, for the unit tests of files/entrypoint.sh only (see
# harness.ts). Appends one line per invocation to $FAKE_CTL_DIR/calls.log:
#   call<TAB>argv...<TAB>--env--<TAB>KEY=VALUE...[<TAB>@config=present|absent]
# and "event<TAB>text" lines for what happens during `run` (signals, drain).
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

record_call "$@"
case ${1:-} in
  verify)
    name=$(option --name "$@")
    if [[ ${FAKE_VERIFY_BLOCK:-} == true ]]; then
      : >"$ctl/verify.started"
      until [[ -e $ctl/verify.release ]]; do sleep 0.02; done
    fi
    reject=" ${FAKE_VERIFY_REJECT:-} "
    if [[ $reject == " all " || $reject == *" $name "* ]]; then
      echo "fake verify: runner $name rejected (403 Forbidden)" >&2
      exit 1
    fi
    exit 0
    ;;
  register)
    count=0
    [[ -f $ctl/register.count ]] && count=$(<"$ctl/register.count")
    count=$((count + 1))
    printf '%s' "$count" >"$ctl/register.count"
    if ((count <= ${FAKE_REGISTER_FAILS:-0})); then
      echo "fake register: failure $count" >&2
      exit 1
    fi
    cat >"$(option --config "$@")" <<TOML
concurrent = 1
check_interval = 0

[[runners]]
  name = "${RUNNER_NAME:-unnamed}"
  url = "${CI_SERVER_URL:-https://gitlab.example.com}"
  id = 42
  token = "${FAKE_REGISTER_TOKEN-glrt-or-legacy-token}"
  token_obtained_at = 2024-01-01T00:00:00Z
  token_expires_at = 0001-01-01T00:00:00Z
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
  unregister)
    exit "${FAKE_UNREGISTER_EXIT:-0}"
    ;;
  *)
    echo "fake gitlab-runner: unexpected command $*" >&2
    exit 64
    ;;
esac
