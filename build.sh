#!/usr/bin/env bash
# Build and test momento-token-vending.
#   ./build.sh test    restore, build and test the offline tier, then the cloud tier where the
#                      NuGet source serves its packages (skipped projects are named, with why)
#   ./build.sh build   the same, without running tests
#   ./build.sh bench   run the Core benchmarks (Release)
#   ./build.sh bench coldstart [--runs N] [publish args]
#                      the cold-start benchmark: the published vending function in fresh processes, hosted as Lambda
#                      does, beside the Node reference, against loopback servers (needs node, npm and moto_server)
#   ./build.sh bundle-size [publish args]
#                      publish both functions as the stack does, zip them as Pulumi does and print the sizes
#                      (extra dotnet publish arguments, e.g. -p:PublishReadyToRun=true, go after the stack's own)
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

OFFLINE_PROJECTS=(
  functions/Core/MomentoTokenVending.Core.csproj
  infra/Planning/MomentoTokenVending.Infra.Planning.csproj
  tests/TestSupport/MomentoTokenVending.TestSupport.csproj
  tests/Core.Benchmarks/MomentoTokenVending.Core.Benchmarks.csproj
  tests/TestSupport.Tests/MomentoTokenVending.TestSupport.Tests.csproj
  tests/Core.Tests/MomentoTokenVending.Core.Tests.csproj
  tests/Infra.Planning.Tests/MomentoTokenVending.Infra.Planning.Tests.csproj
)
CLOUD_PROJECTS=(
  functions/Lambda/MomentoTokenVending.Lambda.csproj
  functions/TokenVending/MomentoTokenVending.TokenVending.csproj
  functions/TokenRefresh/MomentoTokenVending.TokenRefresh.csproj
  infra/Stack/MomentoTokenVending.Infra.csproj
  tests/ColdStart.Host/MomentoTokenVending.ColdStart.Host.csproj
  tests/ColdStart.Benchmarks/MomentoTokenVending.ColdStart.Benchmarks.csproj
  tests/Functions.Tests/MomentoTokenVending.Functions.Tests.csproj
  tests/Infra.Tests/MomentoTokenVending.Infra.Tests.csproj
)
# Packages only the cloud tier uses; a restore that misses only these is a skip, not a failure.
CLOUD_PACKAGES='^(Pulumi|Pulumi\.Aws|Momento\.Sdk|Amazon\.Lambda\..+|AWSSDK\.SecretsManager)$'

passed=0 failed=0 skipped=0 status=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

is_test_project() { [[ $1 == *.Tests.csproj ]]; }

# Restores one project; returns 0 when restored, 2 when only cloud packages are missing
# (and prints the skip line), 1 on any other failure.
restore() {
  local project=$1 out="$log_dir/restore.log"
  if dotnet restore "$project" >"$out" 2>&1; then
    return 0
  fi
  local missing others
  missing=$(grep -oE 'error NU1101: Unable to find package [^ ]+\.' "$out" | sed -E 's/.* package ([^ ]+)\./\1/' | sort -u || true)
  others=$(grep -E ': error ' "$out" | grep -v 'error NU1101' || true)
  if [[ -n $missing && -z $others ]] && ! grep -qvE "$CLOUD_PACKAGES" <<<"$missing"; then
    echo "skipped $project: the NuGet source does not serve $(paste -sd, - <<<"$missing" | sed 's/,/, /g')"
    return 2
  fi
  cat "$out" >&2
  return 1
}

# Sums one counter ("Passed", "Failed", "Skipped") over dotnet test summary lines on stdin.
count() { grep -oE "$1: +[0-9]+" | awk '{ n += $2 } END { print n + 0 }'; }

# Runs one test project and adds its counts to the totals.
run_tests() {
  local project=$1 out="$log_dir/test.log" rc=0
  # A hung test host fails the run within minutes instead of stalling CI until its limit; a failing test prints
  # its assertion and stack (the quiet build verbosity alone prints only its name).
  dotnet test "$project" --no-build --nologo -v quiet --logger 'console;verbosity=minimal' --blame-hang-timeout 10m 2>&1 | tee "$out" || rc=$?
  local summary
  summary=$(grep -E '(Passed|Failed)!? +- +Failed: ' "$out" || true)
  if [[ -z $summary ]]; then
    echo "no test summary from $project" >&2
    failed=$((failed + 1))
    status=1
    return
  fi
  local f p s
  f=$(count Failed <<<"$summary") p=$(count Passed <<<"$summary") s=$(count Skipped <<<"$summary")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  [[ $rc -eq 0 && $f -eq 0 ]] || status=1
}

build_tier() {
  local with_tests=$1; shift
  local project
  for project in "$@"; do
    dotnet build "$project" --no-restore --nologo -v quiet "-clp:NoSummary;ErrorsOnly" || { status=1; continue; }
    if [[ $with_tests == yes ]] && is_test_project "$project"; then
      run_tests "$project"
    fi
  done
}

main() {
  local command=${1:-test} with_tests=yes
  case $command in
    test) ;;
    build) with_tests=no ;;
    bench)
      if [[ ${2:-} == coldstart ]]; then
        dotnet run -c Release --project tests/ColdStart.Benchmarks/MomentoTokenVending.ColdStart.Benchmarks.csproj -- "${@:3}"
      else
        dotnet run -c Release --project tests/Core.Benchmarks/MomentoTokenVending.Core.Benchmarks.csproj -- "${@:2}"
      fi
      return ;;
    bundle-size)
      dotnet run tools/bundle-size.cs -- "${@:2}"
      return ;;
    *) echo "usage: $0 [test|build|bench [coldstart]|bundle-size]" >&2; return 64 ;;
  esac

  echo "== offline tier"
  local project
  for project in "${OFFLINE_PROJECTS[@]}"; do
    restore "$project" || { echo "restore failed: $project" >&2; return 1; }
  done
  build_tier "$with_tests" "${OFFLINE_PROJECTS[@]}"

  echo "== cloud tier"
  local restored=() rc
  for project in "${CLOUD_PROJECTS[@]}"; do
    rc=0
    restore "$project" || rc=$?
    case $rc in
      0) restored+=("$project") ;;
      2) ;;
      *) echo "restore failed: $project" >&2; status=1 ;;
    esac
  done
  [[ ${#restored[@]} -eq 0 ]] || build_tier "$with_tests" "${restored[@]}"

  if [[ $with_tests == yes ]]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  fi
  return $status
}

main "$@"
