#!/usr/bin/env bash
# Simulated workers on one shared study (issue 15): for W in the given worker counts, W processes of
# `tune4j minimize --storage URL --name scale-W-PID --ask-timing` run a 2-d quadratic behind a sleep
# ($SLEEP s, default 1.5), calls = $CALLS or 4 x W (at least 8). Prints per W:
#  - throughput from the objective's own start/end stamps (first start to last end): finished trials
#    per minute, against the linear W x 60 / SLEEP;
#  - the asks' latency (median, p90, from each worker's --ask-timing lines: snapshot + proposal + lock
#    wait + work under the lock), overall and around 100, 500 and 1,000 finished trials when reached;
#  - conflicts (proposals dropped because a trial became pending meanwhile) and proposals made under the lock;
#  - batches: asks that proposed several points at once, and asks that claimed a queued batch point
#    (outcome "batch": no proposal, no study lock); these count among the asks above;
#  - background refills of the queue (pipelined batches, round 4): how many, the points they queued,
#    their proposal's mean time, and the refills that found the lock busy or the queue deep enough;
#  - the asks' phases: means of the unlocked read, the proposal, the wait for the study lock and the
#    work under it (a lock-free claim of a queued point counts as "locked");
#  - the best value the study found (the sanity check of the proposals; the quadratic's minimum is 0);
#  - database round trips per finished trial: counted by the workers (statements + commits, all of
#    each worker's life: start-up, asks, heartbeats, results) and, when psql is found, the server's
#    committed transactions (pg_stat_database xact_commit, all sessions of the database) per trial.
# Usage: bench/shared-study/run.sh postgresql://USER@HOST[:PORT]/DB [W ...]   (password: PGPASSWORD or ~/.pgpass)
# Environment: SLEEP, CALLS, TUNE4J (the launcher; default this checkout's), ASK_TIMING=0 for a tune4j
# without --ask-timing, BATCH=K passes --batch K (unset: the workers' default, automatic), DEPTH=D passes --queue-depth D (unset: auto), TUNE4J_JAVA_OPTS (default -Xmx128m: 32 worker JVMs must fit), KEEP=DIR keeps the logs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:?give the storage URL}"; shift
counts=("${@:-1 2 4 8 16 32}")
tune4j="${TUNE4J:-$here/../../tune4j}"
export SLEEP="${SLEEP:-1.5}" TUNE4J_JAVA_OPTS="${TUNE4J_JAVA_OPTS:--Xmx128m}"
timing=(--ask-timing); [ "${ASK_TIMING:-1}" = 0 ] && timing=()
[ -n "${BATCH:-}" ] && timing+=(--batch "$BATCH")
[ -n "${DEPTH:-}" ] && timing+=(--queue-depth "$DEPTH")
work="${KEEP:-$(mktemp -d)}"; mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
"$tune4j" --help >/dev/null  # builds the launcher's jar once, before the workers start
commits() {  # committed transactions of the study's database so far, or nothing without psql
  command -v psql >/dev/null || return 0
  local rest="${url#postgresql://}"; local user="${rest%%@*}"; rest="${rest#*@}"
  local hostport="${rest%%/*}"; local db="${rest#*/}"; local host="${hostport%%:*}" port=5432
  [[ "$hostport" == *:* ]] && port="${hostport#*:}"
  psql -qtA -h "$host" -p "$port" -U "$user" -d "$db" -c "SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()" 2>/dev/null | tail -1
}
for W in ${counts[@]}; do
  C="${CALLS:-$((4 * W))}"; [ "$C" -lt 8 ] && C=8
  export TIMES="$work/times-$W.txt"; : > "$TIMES"
  before="$(commits)"
  pids=()
  for i in $(seq "$W"); do
    nice -n 10 "$tune4j" minimize --storage "$url" --name "scale-$W-$$" --space "$here/space.json" \
      --calls "$C" --initial-points 5 "${timing[@]}" -- sh "$here/objective.sh" > "$work/w$W-$i.log" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
  after="$(commits)"
  awk -v W="$W" -v C="$C" -v S="$SLEEP" 'NR==1{lo=$1;hi=$2} {if($1<lo)lo=$1; if($2>hi)hi=$2; n++}
    END {lin = W * 60 / S; printf "workers %d calls %d evaluated %d span %.1f s trials/min %.1f linear %.1f ratio %.2f\n",
         W, C, n, hi-lo, n/(hi-lo)*60, lin, (n/(hi-lo)*60)/lin}' "$TIMES"
  cat "$work"/w"$W"-*.log | awk -v C="$C" -v before="$before" -v after="$after" '
    function pct(a, k, p,   i, j, t, m) { m = k; for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return m ? a[int((m - 1) * p + 1.5) > m ? m : int((m - 1) * p + 1.5)] : 0 }
    /ask trial [0-9]+ (claim|batch):/ {
      f = $6 + 0; for (k = 1; k <= NF; k++) { if ($k == "total") tot = $(k + 1); if ($k == "conflicts" || $k == "conflicts;" || $k == "conflicts," || $k == "conflicts(proposed") c += $(k - 1); if ($k == "proposed;" && $(k - 1) > 1) batches++ }
      if ($5 == "batch:") claimed++
      for (k = 1; k < NF; k++) { if ($k == "snapshot") ps += $(k + 1); if ($k == "propose") pp += $(k + 1); if ($k == "wait") pw += $(k + 1); if ($k == "locked") pl += $(k + 1) }
      if ($0 ~ /under the lock/) locked++
      all[++na] = tot
      if (f >= 75 && f < 125) b1[++n1] = tot; if (f >= 450 && f < 550) b5[++n5] = tot; if (f >= 900 && f <= 1000) bk[++nk] = tot }
    $5 == "refill:" || $5 == "refill-skipped:" {
      if ($5 == "refill:") { rf++; for (k = 2; k <= NF; k++) if ($k == "proposed;") rpts += $(k - 1) } else rs++
      for (k = 1; k < NF; k++) { if ($k == "propose") rpp += $(k + 1); if ($k == "wait") rpw += $(k + 1); if ($k == "locked") rpl += $(k + 1) } }
    /database round trips:/ { trips += $NF }
    /^Best value / { v = $3 + 0; if (best == "" || v < best) best = v }
    END {
      printf "  asks %d: median %.1f ms, p90 %.1f ms; conflicts %d, proposed under the lock %d; batches proposed %d, queued points claimed %d; best value %s\n", na, pct(all, na, 0.5), pct(all, na, 0.9), c, locked, batches, claimed, best
      if (na) printf "  phases (means over those asks): snapshot %.1f ms, proposal %.1f ms, lock wait %.1f ms, locked %.1f ms\n", ps / na, pp / na, pw / na, pl / na
      if (n1) printf "  around 100 finished (75-124, %d asks): median %.1f ms, p90 %.1f ms\n", n1, pct(b1, n1, 0.5), pct(b1, n1, 0.9)
      if (n5) printf "  around 500 finished (450-549, %d asks): median %.1f ms, p90 %.1f ms\n", n5, pct(b5, n5, 0.5), pct(b5, n5, 0.9)
      if (nk) printf "  around 1,000 finished (900-999, %d asks): median %.1f ms, p90 %.1f ms\n", nk, pct(bk, nk, 0.5), pct(bk, nk, 0.9)
      if (rf + rs) printf "  background refills (pipelined batches): %d queued %d points (proposal %.1f ms, lock try %.1f ms, rest %.1f ms: means), %d found the lock busy or the queue deep enough\n", rf, rpts, rf ? rpp / rf : 0, rpw / (rf + rs), rpl / (rf + rs), rs
      if (trips) printf "  round trips counted by the workers: %d, %.1f per finished trial\n", trips, trips / C
      if (before != "" && after != "") printf "  committed transactions (server, whole database): %d, %.1f per finished trial\n", after - before, (after - before) / C
    }'
done
