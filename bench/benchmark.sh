#!/usr/bin/env bash
# The one command behind docs/performance.md: a private PostgreSQL (bench/postgres.sh), the medium
# and large data sets (generated once), the Release build measured on both, Redmine beside the
# medium one when REDMINE_PORT names a running peer (../shared/peers/redmine/redmine-up.sh), and
# the growth from medium to large. Results go to artifacts/bench/.
#
# usage: bench/benchmark.sh          env: DURATION=10 CONNECTIONS=1,8 REDMINE_PORT=
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=artifacts/bench
mkdir -p "$out"
duration=${DURATION:-10}
connections=${CONNECTIONS:-1,8}

bench/postgres.sh up
dotnet build -c Release src/Liaison.Web -nologo -v q >/dev/null
dotnet build -c Release bench/Liaison.Bench -nologo -v q >/dev/null
tool=artifacts/bin/Liaison.Bench/release/Liaison.Bench

for scale in medium large; do
    db=$(bench/postgres.sh url "liaison_$scale")
    # The generator refuses a database that has data: a second run measures the same data again.
    "$tool" generate --scale "$scale" --provider postgres --connection "$db" >"$out/generate-$scale.log" 2>&1 \
        || grep -q "already has" "$out/generate-$scale.log" || { cat "$out/generate-$scale.log"; exit 1; }
    redmine=()
    if [[ $scale == medium && -n ${REDMINE_PORT:-} ]]; then
        redmine=(--redmine "$REDMINE_PORT")
    fi
    "$tool" measure --provider postgres --connection "$db" --duration "$duration" --connections "$connections" \
        "${redmine[@]}" --out "$out/$scale.md" | tee "$out/measure-$scale.log"
done

# Growth: the same reads at large (10× the time entries) against medium, one connection.
echo
echo "| work (1 connection) | medium p50 ms | large p50 ms | large/medium | medium p95 ms | large p95 ms |"
echo "|---|---:|---:|---:|---:|---:|"
for work in "Account overview" "Profitability of an account, 12 months" "Time entries of an engagement (100 a page)" "Workload, everyone, 8 weeks"; do
    m=$(awk -F'|' -v w=" $work " '$2 == w && $3 == " 1 " { print $5, $6 }' "$out/medium.md")
    l=$(awk -F'|' -v w=" $work " '$2 == w && $3 == " 1 " { print $5, $6 }' "$out/large.md")
    awk -v w="$work" -v m="$m" -v l="$l" 'BEGIN { split(m, a, " "); split(l, b, " ");
        printf "| %s | %s | %s | %.2f× | %s | %s |\n", w, a[1], b[1], (a[1] > 0 ? b[1] / a[1] : 0), a[2], b[2] }'
done | tee "$out/growth.md"
