#!/usr/bin/env bash
# Self-check of the stock gRPC interop peers: runs each client (python grpcio, node grpc-js)
# against each server (python grpcio, node grpc-js) with every scenario except reflection (the
# peer servers do not serve reflection), then checks that each server exits on stdin EOF and on
# SIGTERM. Exit code 0 only if everything passed.
#
# Usage: bash tests/peers/selfcheck.sh     (runs .ci/setup.sh first; idempotent)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peers="$root/tests/peers"
PY=/usr/bin/python3
SKIP=reflection_v1,reflection_v1alpha

bash "$root/.ci/setup.sh" || { echo "selfcheck: .ci/setup.sh failed" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/danvan-peers-selfcheck.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do
    kill -TERM "$p" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

server_cmd() {
  case "$1" in
    python) echo "$PY $peers/python/interop_server.py --port 0" ;;
    node) echo "node $peers/node/interop_server.js --port 0" ;;
  esac
}
client_cmd() {
  case "$1" in
    python) echo "$PY $peers/python/interop_client.py" ;;
    node) echo "node $peers/node/interop_client.js" ;;
  esac
}

# wait_ready NAME PID OUTFILE: waits for "READY <port>", sets $port.
wait_ready() {
  local i
  for ((i = 0; i < 200; i++)); do
    if [ -s "$3" ] && read -r word port < "$3" && [ "$word" = READY ] && [ -n "$port" ]; then
      return 0
    fi
    if ! kill -0 "$2" 2>/dev/null; then
      echo "selfcheck: $1 server died before READY:" >&2
      cat "$work/$1.err" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "selfcheck: $1 server not READY after 20 s" >&2
  return 1
}

# wait_exit PID SECONDS: true if PID is gone within SECONDS.
wait_exit() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

failures=0
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}

for server in python node; do
  # stdin is a FIFO we hold open on fd 7: closing it is how the server is told to exit.
  fifo="$work/$server.stdin"
  mkfifo "$fifo"
  $(server_cmd "$server") < "$fifo" > "$work/$server.out" 2> "$work/$server.err" &
  spid=$!
  pids+=("$spid")
  exec 7> "$fifo"
  if ! wait_ready "$server" "$spid" "$work/$server.out"; then
    fail "$server server did not start"
    exec 7>&-
    continue
  fi
  for client in python node; do
    out="$work/$client-vs-$server.jsonl"
    $(client_cmd "$client") --target "127.0.0.1:$port" --scenario all --skip "$SKIP" > "$out" 2> "$out.err"
    rc=$?
    total=$(grep -c '"scenario"' "$out")
    passed=$(grep -Ec '"ok": ?true' "$out")
    skipped=$(grep -c '"skipped"' "$out")
    if [ "$rc" -eq 0 ] && [ "$total" -gt 0 ] && [ "$passed" -eq "$total" ]; then
      echo "PASS $client client -> $server server: $((passed - skipped))/$total passed, $skipped skipped"
    else
      fail "$client client -> $server server (exit $rc): $passed/$total ok"
      grep -Ev '"ok": ?true' "$out" | sed 's/^/     /'
      sed 's/^/     stderr: /' "$out.err"
    fi
  done
  exec 7>&-  # stdin EOF
  if wait_exit "$spid" 10; then
    wait "$spid"
    rc=$?
    if [ "$rc" -eq 0 ]; then
      echo "PASS $server server exited 0 on stdin EOF"
    else
      fail "$server server exited $rc on stdin EOF"
    fi
  else
    fail "$server server still running 10 s after stdin EOF"
    kill -KILL "$spid" 2>/dev/null
  fi

  # SIGTERM, with stdin not a pipe (so only the signal can stop it).
  $(server_cmd "$server") < /dev/null > "$work/$server.term.out" 2> "$work/$server.err" &
  spid=$!
  pids+=("$spid")
  if wait_ready "$server" "$spid" "$work/$server.term.out"; then
    kill -TERM "$spid"
    if wait_exit "$spid" 10; then
      wait "$spid"
      rc=$?
      if [ "$rc" -eq 0 ]; then
        echo "PASS $server server exited 0 on SIGTERM"
      else
        fail "$server server exited $rc on SIGTERM"
      fi
    else
      fail "$server server still running 10 s after SIGTERM"
      kill -KILL "$spid" 2>/dev/null
    fi
  else
    fail "$server server did not start (SIGTERM check)"
  fi
done

if [ "$failures" -eq 0 ]; then
  echo "selfcheck: all passed"
  exit 0
fi
echo "selfcheck: $failures failure(s)"
exit 1
