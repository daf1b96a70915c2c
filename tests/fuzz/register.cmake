# Included from tests/CMakeLists.txt: registers the ctest fuzz_readers, which
# builds the separate clang project tests/fuzz/ into <build>/fuzz and runs
# each libFuzzer target (torch.save, tensor folder, IDX, CIFAR, run config)
# under ASan + UBSan for ZSQ_FUZZ_SECONDS seconds (run_fuzzers.sh).
option(ZSQ_FUZZ "Build and run the readers' libFuzzer targets (needs clang) as the ctest fuzz_readers" ON)
set(ZSQ_FUZZ_SECONDS 25 CACHE STRING "Seconds each fuzz target runs in the ctest fuzz_readers")
set(ZSQ_FUZZ_SEED 20261202 CACHE STRING "libFuzzer seed of the ctest fuzz_readers (0: a new one every run)")
if(ZSQ_FUZZ)
  add_test(NAME fuzz_readers
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzzers.sh ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz
                   ${ZSQ_FUZZ_SECONDS})
  # Build (about a minute on 2 cores, ccache helps) plus five runs. A fixed
  # seed: the suite is a gate and must not fail at random on an input that
  # one run happened to reach; new findings come from longer runs by hand
  # (docs/fuzzing.md), each then fixed and kept in tests/data/malformed.
  set_tests_properties(fuzz_readers PROPERTIES TIMEOUT 900 LABELS fuzz ENVIRONMENT "ZSQ_FUZZ_SEED=${ZSQ_FUZZ_SEED}")
endif()
