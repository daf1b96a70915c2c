#!/usr/bin/env bash
# Builds core, the CLI and the non-GUI test suites under AddressSanitizer and
# UndefinedBehaviorSanitizer (CMake option ZSQ_SANITIZE) and runs them with
# ctest. LibTorch, Qt and OpenCV stay uninstrumented: ASan still sees every
# access the project's own code makes (and heap blocks LibTorch allocates
# through malloc), UBSan every undefined operation in the project's code.
#
#   tools/run_sanitized_tests.sh [BUILD_DIR] [ctest arguments...]
#
# BUILD_DIR defaults to build-asan. A sanitizer report aborts the test that
# triggers it (halt_on_error, -fno-sanitize-recover), so a finding is a failed
# test whose output holds the report. Leak checking is off: LibTorch's and
# Qt's process-lifetime allocations would drown the project's own.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
shift $(($# > 0 ? 1 : 0))
cmake -S . -B "${build}" -G Ninja -DZSQ_SANITIZE=address,undefined -DZSQ_BUILD_GUI=OFF >/dev/null
cmake --build "${build}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# fuzz_readers builds its own sanitized targets with clang; it is not repeated here.
ctest --test-dir "${build}" --output-on-failure -E '^fuzz_readers$' "$@"
