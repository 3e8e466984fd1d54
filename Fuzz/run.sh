#!/usr/bin/env bash
# Builds one libFuzzer harness and runs it for a given time on one core
# (one process, no -jobs/-fork: the first crash ends the run).
#
#   Fuzz/run.sh HARNESS SECONDS [extra libFuzzer flags...]
#   Fuzz/run.sh yaml 600
#
# HARNESS is yaml, json, pipeline, stream or zonefile (Fuzz/<HARNESS>.swift). The
# library sources are compiled into the harness binary (not the kubezone
# executable's main.swift), with ASan and libFuzzer, into .build-fuzz/.
# The run starts from Fuzz/corpus/<HARNESS>/ (checked in, seeded from the
# tests and examples) and adds what it finds to .build-fuzz/corpus/<HARNESS>/;
# crashes land in .build-fuzz/crashes/<HARNESS>/. The last lines printed are
# libFuzzer's final stats (stat::number_of_executed_units) and the crash count.
set -euo pipefail
cd "$(dirname "$0")/.."

harness=${1:?usage: Fuzz/run.sh HARNESS SECONDS [libFuzzer flags]}
seconds=${2:?usage: Fuzz/run.sh HARNESS SECONDS [libFuzzer flags]}
shift 2
[ -f "Fuzz/$harness.swift" ] || { echo "run.sh: no harness Fuzz/$harness.swift" >&2; exit 2; }

out=.build-fuzz
# FUZZ_SANITIZERS=fuzzer drops ASan, for more executions where the code
# under test has no unsafe memory access of its own (see README).
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
# FUZZ_OPT=-Onone compiles in about a third of the time (CI builds every
# harness this way only to check that it compiles); FUZZ_JOBS sets swiftc -j.
opt=${FUZZ_OPT:--O}
binary=$out/$harness
[ "$sanitizers" = fuzzer,address ] || binary=$out/$harness-${sanitizers//,/-}
[ "$opt" = -O ] || binary=$binary$opt
mkdir -p "$out/corpus/$harness" "$out/crashes/$harness" "$out/logs"

# Rebuild when any source is newer than the binary.
if [ ! -x "$binary" ] || [ -n "$(find Sources/KubeZone Fuzz/FuzzCheck.swift Fuzz/ZoneTextCheck.swift "Fuzz/$harness.swift" \
  -name '*.swift' -newer "$binary" | head -1)" ]; then
  echo "run.sh: building $binary"
  # Compile a snapshot, so editing the sources during a build is harmless.
  snapshot=$out/src/$(basename "$binary")
  rm -rf "$snapshot" && mkdir -p "$snapshot"
  cp -R Sources/KubeZone Fuzz/*.swift "$snapshot/"
  mapfile -t sources < <(find "$snapshot/KubeZone" -name '*.swift' | sort)
  extra=()
  [ "$harness" = pipeline ] && extra=("$snapshot/ZoneTextCheck.swift")
  # The linker's "cannot export local symbol" chatter is noise; show the
  # whole log only when the build fails.
  if ! swiftc -sanitize="$sanitizers" -parse-as-library "$opt" -j"${FUZZ_JOBS:-1}" -module-name KubeZoneFuzz \
    "${sources[@]}" "$snapshot/FuzzCheck.swift" "${extra[@]}" "$snapshot/$harness.swift" -o "$binary" \
    >"$out/logs/build-$(basename "$binary").log" 2>&1; then
    # Name the files as they are in the repository, not the snapshot.
    grep -v 'Cannot export local symbol' "$out/logs/build-$(basename "$binary").log" |
      sed -e "s|$snapshot/KubeZone/|Sources/KubeZone/|g" -e "s|$snapshot/|Fuzz/|g" >&2
    exit 2
  fi
fi

# FUZZ_BUILD_ONLY=1 stops here, to build one harness while another runs.
[ "${FUZZ_BUILD_ONLY:-}" = 1 ] && exit 0

# Seeds: the checked-in corpus, the examples and the hostile test cases
# (for zonefile: the hostile zone files and the golden zones), plus the
# vendored YAML and JSON conformance suites (Tests/Conformance).
seeds=("Fuzz/corpus/$harness")
if [ "$harness" = zonefile ]; then
  seeds+=(Tests/KubeZoneTests/Hostile/zonefiles Tests/KubeZoneTests/Golden)
else
  seeds+=(examples Tests/KubeZoneTests/Hostile/cases)
fi
# The stream harness starts from the pipeline harness's checked-in seeds
# too; not its found corpus, whose 100,000 small inputs are not Lists.
[ "$harness" = stream ] && seeds+=(Fuzz/corpus/pipeline)
case $harness in
  yaml) seeds+=(Tests/Conformance/yaml-test-suite) ;;
  json) seeds+=(Tests/Conformance/json-test-suite/test_parsing) ;;
esac
existing=()
for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
seeds=("${existing[@]}")

# Kubernetes objects fit in a few KiB; longer inputs only slow the search.
case $harness in
  json) max_len=16384 ;;
  # Room for a List of a few kubectl-sized pods, whose chunks give pages back.
  stream) max_len=32768 ;;
  *) max_len=4096 ;;
esac

log=$out/logs/$harness-$(date -u +%Y%m%dT%H%M%SZ).log
echo "run.sh: running $harness for ${seconds}s, log $log"
set +e
# Swift's own crash backtracer fights ASan over the crashing process.
# ASan's own leak check at exit reports the same lazily built statics.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -print_final_stats=1 \
  -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -max_len="$max_len" \
  -artifact_prefix="$out/crashes/$harness/" \
  "$@" "$out/corpus/$harness" "${seeds[@]}" >"$log" 2>&1
status=$?
set -e
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" | sort -u || true
crashes=$(find "$out/crashes/$harness" -type f | wc -l)
echo "crashes in $out/crashes/$harness: $crashes"
exit $status
