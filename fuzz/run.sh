#!/bin/sh
# Runs every fuzz target for SECONDS each (default 60) under a 1 GiB memory limit, starting
# from fuzz/seeds/ (real-shaped files), fuzz/regressions/ (every case that once failed) and
# fuzz/corpus/ (what earlier runs kept; `cargo +nightly fuzz cmin TARGET` keeps it small), adding
# what it finds to the corpus, then prints executions per target. `make test` replays all three.
# A failure stops its target and leaves the input in fuzz/artifacts/<target>/: once fixed, copy
# it into fuzz/regressions/<target>/ under a name that says what it was.
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#   fuzz/run.sh 3600                  one hour per target
#   fuzz/run.sh 60 peft_config        one target
#   fuzz/run.sh --runs 10000000       ten million executions per target
set -eu
cd "$(dirname "$0")"
if [ "${1:-}" = "--runs" ]; then
    limit="-runs=$2"
    shift 2
else
    limit="-max_total_time=${1:-60}"
    shift 2>/dev/null || true
fi
targets=${*:-$(ls fuzz_targets | sed 's/\.rs$//')}
cargo +nightly fuzz build >/dev/null
status=0
for target in $targets; do
    mkdir -p "corpus/$target" "regressions/$target"
    log=$(mktemp)
    if cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" "regressions/$target" -- "$limit" -rss_limit_mb=1024 \
        -max_len=262144 -print_final_stats=1 >"$log" 2>&1; then outcome=ok; else outcome=FAILED; status=1; fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    printf '%-22s %12s executions  %s\n' "$target" "${runs:-?}" "$outcome"
    [ "$outcome" = ok ] || tail -40 "$log"
    rm -f "$log"
done
exit $status
