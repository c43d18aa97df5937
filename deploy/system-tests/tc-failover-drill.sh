#!/usr/bin/env bash
# TC failover drill: two Seata TCs in db store mode (./tccmall up --tc db), checkout load through the gateway,
# one TC killed with SIGKILL mid-load and restarted later; then every order must converge and ./tccmall check
# must pass. Prints what it injected and the figures; exit 0 only when the checkouts went on while the TC was
# down and every invariant holds.
#
# Run it alone on the machine (it starts the stack on the default ports), from the repository root:
#   flock /tmp/tccmall-test.lock deploy/system-tests/tc-failover-drill.sh [--keep-up] [--victim seata-tc|seata-tc-2]
# Jars must be built (./mvnw -DskipTests package). Settings: DRILL_LOAD (load duration, default 75s),
# DRILL_KILL_AFTER (s into the load, default 20), DRILL_DOWN_FOR (s the TC stays dead, default 30),
# DRILL_CONVERGE (s to wait for ./tccmall check to pass, default 240).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

keep_up=0 victim=seata-tc
while (($#)); do
  case $1 in
  --keep-up) keep_up=1 ;;
  --victim) victim=$2 && shift ;;
  *) echo "unknown option $1" >&2 && exit 2 ;;
  esac
  shift
done
load=${DRILL_LOAD:-75s} kill_after=${DRILL_KILL_AFTER:-20} down_for=${DRILL_DOWN_FOR:-30}
converge=${DRILL_CONVERGE:-240}
db_client=$(command -v mariadb || command -v mysql)
sql() { "$db_client" -uroot -N -B -e "$1"; } # the local stack's databases (deploy/local.env: root, no password)
stamp() { date -u '+%F %T'; }
log() { printf '[drill %s] %s\n' "$(date -u +%T)" "$*"; }

log "starting the stack with two TCs in db store mode"
./tccmall up --no-build --tc db
if ((keep_up == 0)); then trap './tccmall down >/dev/null 2>&1 || true' EXIT; fi

summary=$(mktemp /tmp/tc-drill-bench.XXXXXX.json)
log "checkout load for $load at concurrency 8 (./tccmall bench)"
./tccmall bench --scenario checkout --duration "$load" --concurrency 8 --bound-duration 0 --summary "$summary" \
  >/tmp/tc-drill-bench.log 2>&1 &
bench=$!

sleep "$kill_after"
killed_at=$(stamp)
log "INJECT: kill -9 $victim (pid $(awk -v n="$victim" '$1 == n {print $3}' .run/parts))"
./tccmall kill "$victim"
sleep "$down_for"
restarted_at=$(stamp)
log "HEAL: starting $victim again"
./tccmall start "$victim"

bench_rc=0
wait "$bench" || bench_rc=$?
log "load finished (bench exit $bench_rc; its output: /tmp/tc-drill-bench.log)"

# orders placed while the victim was down, by status: checkouts that went through the surviving TC
during=$(sql "SELECT status, COUNT(*) FROM tccmall_order${TCCMALL_DB_SUFFIX:-}.orders WHERE created_at BETWEEN '$killed_at' AND '$restarted_at' GROUP BY status" | tr '\t\n' '= ')
paid_during=$(sql "SELECT COUNT(*) FROM tccmall_order${TCCMALL_DB_SUFFIX:-}.orders WHERE status = 'PAID' AND created_at BETWEEN '$killed_at' AND '$restarted_at'")
log "orders placed while $victim was down ($killed_at .. $restarted_at UTC): ${during:-none}"

log "waiting up to $converge s for every order to converge (./tccmall check)"
start=$SECONDS ok=0
while ((SECONDS - start < converge)); do
  if ./tccmall check >/tmp/tc-drill-check.log 2>&1; then
    ok=1
    break
  fi
  sleep 10
done
cat /tmp/tc-drill-check.log
open_orders=$(sql "SELECT COUNT(*) FROM tccmall_order${TCCMALL_DB_SUFFIX:-}.orders WHERE status IN ('TRYING', 'PAYING', 'CANCELLING')")
open_tc=$(sql "SELECT COUNT(*) FROM tccmall_seata${TCCMALL_DB_SUFFIX:-}.global_table WHERE status NOT IN (9, 11, 13)")
totals=$(sql "SELECT status, COUNT(*) FROM tccmall_order${TCCMALL_DB_SUFFIX:-}.orders GROUP BY status" | tr '\t\n' '= ')
log "converged after $((SECONDS - start)) s: check ok=$ok; orders by status: $totals; orders in flight: $open_orders; open TC sessions: $open_tc"
grep -E '"(requests|ok|ko|failed|throughput)' "$summary" 2>/dev/null | head -20 || true

if ((ok == 1 && paid_during > 0 && open_orders == 0)); then
  log "PASS: $paid_during checkouts paid while $victim was down; every invariant holds"
else
  log "FAIL: check ok=$ok, paid while down=$paid_during, orders in flight=$open_orders"
  exit 1
fi
