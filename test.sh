#!/usr/bin/env bash
# Runs every test suite of Liaison: installs what is missing (as root, with apt-get), builds the
# solution once, runs each test project's executable and ends with one line:
#   N passed, N failed[, N skipped]
# Exits non-zero if a test failed, a suite crashed or ran no test, or (with CI=true) a suite is missing.
#
# Environment:
#   CI=true            a missing test project is a failure, not a skip
#   LIAISON_ARTIFACTS  build output folder (default: ./artifacts); lets parallel builds stay apart
#   SUITE_TIMEOUT      seconds one suite may run before it is stopped (default: 1800)
#
# After the test suites, the bench tool (bench/Liaison.Bench) runs once at small scale as a smoke
# test: generate, verify and measure must work; how fast is for docs/performance.md, not for here.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root=$PWD
artifacts=${LIAISON_ARTIFACTS:-$repo_root/artifacts}
results=$artifacts/test-results
suite_timeout=${SUITE_TIMEOUT:-1800}
suites=(Liaison.Core.Tests Liaison.Web.Tests Liaison.E2E.Tests)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '==> %s\n' "$*"; }

rm -rf "$results"
mkdir -p "$results"

# --- 1. Prerequisites ----------------------------------------------------------------------------

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK (10.0, see global.json) is not installed; install it and run ./test.sh again." >&2
    exit 1
fi

is_installed() {
    case $1 in
        chromium) command -v chromium >/dev/null 2>&1 ;;
        postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null ;;
        libgdiplus) compgen -G '/usr/lib/libgdiplus.so*' >/dev/null || compgen -G '/usr/lib/*/libgdiplus.so*' >/dev/null ;;
        # The IMAP tests start their own dovecot (tests/Liaison.Web.Tests/Infrastructure/DovecotServer.cs); the system service is not used.
        wrk) command -v wrk >/dev/null 2>&1 ;;
        dovecot-imapd) dpkg-query -W -f='${Status}' dovecot-imapd 2>/dev/null | grep -q 'install ok installed' && [[ -x /usr/sbin/dovecot ]] ;;
        *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' ;;
    esac
}

missing=()
for package in chromium postgresql libgdiplus dovecot-imapd wrk; do
    is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them as root, then run ./test.sh again:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi

    say "Installing ${missing[*]}"
    apt_log=$results/apt.log
    # The tests run their own PostgreSQL and dovecot; a package must not start its system service
    # here (it could hold a port, or fail the install where there is no init system).
    policy=/usr/sbin/policy-rc.d
    own_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
    fi
    installed=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1 || installed=$?
    if ((own_policy)); then
        rm -f "$policy"
    fi
    if ((installed != 0)); then
        tail -n 40 "$apt_log" >&2
        echo "apt-get could not install: ${missing[*]} (full log: $apt_log)" >&2
        exit 1
    fi
fi

export LIAISON_CHROMIUM=${LIAISON_CHROMIUM:-$(command -v chromium)}

# --- 2. Build once -------------------------------------------------------------------------------

say "Restoring tools"
if ! dotnet tool restore >"$results/tool-restore.log" 2>&1; then
    cat "$results/tool-restore.log" >&2
    exit 1
fi

say "Building Liaison.slnx (warnings are errors)"
build_log=$results/build.log
if ! dotnet build Liaison.slnx -c Debug -nologo -p:TreatWarningsAsErrors=true -p:ArtifactsPath="$artifacts" >"$build_log" 2>&1; then
    # Errors first (they are what matters), then the tail for context.
    grep -E ': (error|warning) ' "$build_log" | sort -u >&2 || true
    tail -n 30 "$build_log" >&2
    echo "The build failed (full log: $build_log)." >&2
    # CI reads the closing line: a build that fails is one failure, not a run with no tests.
    echo "0 passed, 1 failed"
    exit 1
fi

# --- 3. Run each suite ---------------------------------------------------------------------------

# Reads one count from the <assembly …> element of an xUnit v2+ XML result file.
count() {
    sed -n "s/.*<assembly [^>]* $1=\"\([0-9]*\)\".*/\1/p" "$2" | awk '{ sum += $1 } END { print sum + 0 }'
}

# Prints each failed test (or error outside a test) with its message and the top of its stack.
show_failures() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$1" <<'PY' >&2
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
failures = [(t.get("name"), t.find("failure")) for t in root.iter("test") if t.get("result") == "Fail"]
failures += [(e.get("name") or e.get("type"), e.find("failure")) for e in root.iter("error")]
for name, failure in failures:
    message = (failure.findtext("message") or "").strip() if failure is not None else ""
    stack = (failure.findtext("stack-trace") or "").strip().splitlines() if failure is not None else []
    print(f"  FAILED {name}")
    for line in message.splitlines()[:15] + stack[:3]:
        print(f"      {line}")
PY
    else
        grep -A 12 -E '\[FAIL\]' "$2" >&2 || tail -n 40 "$2" >&2
    fi
}

total_passed=0 total_failed=0 total_skipped=0
broken=0
summaries=()

for suite in "${suites[@]}"; do
    if [[ ! -f tests/$suite/$suite.csproj ]]; then
        if [[ ${CI:-} == true ]]; then
            summaries+=("$suite: MISSING (tests/$suite/$suite.csproj does not exist)")
            total_failed=$((total_failed + 1))
            broken=1
        else
            summaries+=("$suite: not present, skipped")
        fi
        continue
    fi

    executable=$artifacts/bin/$suite/debug/$suite
    xml=$results/$suite.xml
    log=$results/$suite.log
    say "Running $suite"
    started=$SECONDS
    status=0
    if [[ -x $executable ]]; then
        # Console output (the app's logs too) goes to the log; the XML file carries counts and failures.
        timeout --kill-after=30 "$suite_timeout" "$executable" -noLogo -noColor -noAutoReporters -reporter quiet -result-xml "$xml" \
            >"$log" 2>&1 || status=$?
    else
        echo "No test executable at $executable" >"$log"
        status=127
    fi
    elapsed=$((SECONDS - started))

    if [[ ! -s $xml ]]; then
        tail -n 40 "$log" >&2
        summaries+=("$suite: CRASHED (exit $status, no results; log: $log)")
        total_failed=$((total_failed + 1))
        broken=1
        continue
    fi

    passed=$(count passed "$xml")
    failed=$(count failed "$xml")
    skipped=$(count skipped "$xml")
    errors=$(count errors "$xml")
    total=$(count total "$xml")
    # Errors are failures outside a test (a fixture or class set-up that threw): count them as failed.
    failed=$((failed + errors))
    if ((failed > 0)); then
        show_failures "$xml" "$log"
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))

    line="$suite: $passed passed, $failed failed, $skipped skipped (${elapsed}s)"
    if ((total == 0)); then
        line="$suite: RAN NO TESTS (log: $log)"
        total_failed=$((total_failed + 1))
        broken=1
    elif ((status != 0 && failed == 0)); then
        line="$line, but the runner exited with $status (log: $log)"
        total_failed=$((total_failed + 1))
        broken=1
    fi
    summaries+=("$line")
done

# --- 4. Bench smoke run ---------------------------------------------------------------------------

# Each step counts as one test: the generator, its consistency check, and the runner (1 s per
# measurement, the Debug build of the app: this proves the tools work, it measures nothing).
bench=$artifacts/bin/Liaison.Bench/debug/Liaison.Bench
bench_dir=$(mktemp -d)
bench_db="Data Source=$bench_dir/bench.db"
bench_log=$results/bench-smoke.log
say "Running the bench tool at small scale (smoke)"
started=$SECONDS
bench_passed=0 bench_failed=0
: >"$bench_log"
for step in "generate --scale small --provider sqlite" "verify --provider sqlite" \
    "measure --provider sqlite --duration 1 --connections 1,2 --app $artifacts/bin/Liaison.Web/debug/Liaison.Web.dll"; do
    # shellcheck disable=SC2086 # the step is a list of words
    if timeout --kill-after=30 600 "$bench" $step --connection "$bench_db" >>"$bench_log" 2>&1; then
        bench_passed=$((bench_passed + 1))
    else
        echo "  FAILED bench ${step%% *} (log: $bench_log)" >&2
        tail -n 20 "$bench_log" >&2
        bench_failed=$((bench_failed + 1))
    fi
done
rm -rf "$bench_dir"
total_passed=$((total_passed + bench_passed))
total_failed=$((total_failed + bench_failed))
summaries+=("Liaison.Bench (smoke): $bench_passed passed, $bench_failed failed, 0 skipped ($((SECONDS - started))s)")

# --- 5. Summary ----------------------------------------------------------------------------------

echo
printf '%s\n' "${summaries[@]}"
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"

if ((total_failed > 0 || broken)); then
    exit 1
fi
