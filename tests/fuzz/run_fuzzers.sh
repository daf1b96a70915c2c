#!/usr/bin/env bash
# Builds the readers' libFuzzer targets (tests/fuzz/CMakeLists.txt) with
# clang under ASan + UBSan and runs each one for a bounded time on its seed
# corpus; the ctest test fuzz_readers runs it (tests/fuzz/register.cmake).
#
#   run_fuzzers.sh SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to $ZSQ_FUZZ_SECONDS or 25. ZSQ_FUZZ_SEED (the
# ctest sets it) fixes libFuzzer's random seed, so that a CI run explores the
# same inputs on every machine (up to how many it gets through in the time);
# unset, every run picks its own seed and explores further. Each target's
# growing corpus is kept in BUILD_DIR/corpus/<target> (later runs start from
# it); the seeds come from tests/data/fuzz/<target>/ (and, for the torch.save
# reader, tests/data/malformed/). A crash, sanitizer report, leak, timeout or
# unexpected exception leaves its input in BUILD_DIR/findings/ and fails the
# run (exit 1); the summary names it and how to replay it.
set -uo pipefail

if (($# < 2)); then
  echo "usage: $0 SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
build=$2
seconds=${3:-${ZSQ_FUZZ_SECONDS:-25}}
shift $(($# < 3 ? $# : 3))
targets=("$@")
((${#targets[@]})) || targets=(fuzz_torch_save fuzz_tensor_folder fuzz_idx fuzz_cifar fuzz_run_config)

cxx=${ZSQ_FUZZ_CXX:-clang++}
if ! command -v "${cxx}" >/dev/null; then
  echo "fuzz_readers: ${cxx} not found; run installer/install-deps.sh (it installs clang and libFuzzer)," \
       "or configure with -DZSQ_FUZZ=OFF" >&2
  exit 1
fi

mkdir -p "${build}"
build=$(cd "${build}" && pwd)
start=${SECONDS}
echo "== configure + build ${build} (${cxx}, -fsanitize=fuzzer,address,undefined)"
if ! cmake -S "${src}/tests/fuzz" -B "${build}" -G Ninja -DCMAKE_CXX_COMPILER="${cxx}" \
       >"${build}/configure.log" 2>&1; then
  tail -30 "${build}/configure.log"
  echo "fuzz_readers: configuring tests/fuzz failed (${build}/configure.log)" >&2
  exit 1
fi
if ! cmake --build "${build}" >"${build}/build.log" 2>&1; then
  grep -E "error|Error" "${build}/build.log" | head -30
  echo "fuzz_readers: building tests/fuzz failed (${build}/build.log)" >&2
  exit 1
fi
echo "   built in $((SECONDS - start)) s"

# Per target: the largest input libFuzzer makes (a CIFAR record alone is
# 3073 bytes; torch.save files of a few small tensors are 1-3 KB).
max_len() {
  case $1 in
    fuzz_cifar) echo 8192 ;;
    fuzz_torch_save | fuzz_tensor_folder) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

mkdir -p "${build}/findings"
# halt_on_error etc. are ASan's defaults; detect_leaks makes a leak a finding.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
summary=()
for t in "${targets[@]}"; do
  corpus=${build}/corpus/${t}
  mkdir -p "${corpus}"
  seeds=("${src}/tests/data/fuzz/${t}")
  [[ ${t} == fuzz_torch_save ]] && seeds+=("${src}/tests/data/malformed")
  log=${build}/${t}.log
  echo "== ${t}: ${seconds} s"
  t0=${SECONDS}
  "${build}/${t}" -seed="${ZSQ_FUZZ_SEED:-0}" -max_total_time="${seconds}" -max_len="$(max_len "${t}")" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="${build}/findings/${t}-" "${corpus}" "${seeds[@]}" >"${log}" 2>&1
  rc=$?
  elapsed=$((SECONDS - t0))
  stat() { sed -n "s/^stat::$1: *//p" "${log}" | tail -1; }
  execs=$(stat number_of_executed_units)
  cov=$(grep -oE 'cov: [0-9]+' "${log}" | tail -1 | cut -d' ' -f2)
  corpus_n=$(find "${corpus}" -type f | wc -l)
  line=$(printf '%-20s %9s execs in %3d s (%s/s), %s edges, corpus %s, peak RSS %s MB' "${t}" "${execs:-?}" \
         "${elapsed}" "$(stat average_exec_per_sec)" "${cov:-?}" "${corpus_n}" "$(stat peak_rss_mb)")
  if ((rc != 0)); then
    line+="  FAILED (rc ${rc})"
    failed+=("${t}")
    grep -E "ERROR:|runtime error|SUMMARY|Test unit written|deadly signal|uncaught|terminate" "${log}" | head -20
  fi
  echo "   ${line}"
  summary+=("${line}")
done

# Also in a file: ctest shows a passing test's output only with -V (and
# always in build/Testing/Temporary/LastTest.log).
{
  echo "== summary (ASan + UBSan, ${seconds} s per target, total $((SECONDS - start)) s with the build)"
  printf '   %s\n' "${summary[@]}"
} | tee "${build}/summary.txt"
if ((${#failed[@]})); then
  echo "findings in ${build}/findings/ (replay one: ${build}/<target> <file>): ${failed[*]}" >&2
  exit 1
fi
