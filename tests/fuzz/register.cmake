# Included from tests/CMakeLists.txt: registers the ctest fuzz_readers, which
# builds the separate clang project tests/fuzz/ into <build>/fuzz and runs
# each libFuzzer target (torch.save, tensor folder, IDX, CIFAR, run config)
# under ASan + UBSan for ZSQ_FUZZ_SECONDS seconds (run_fuzzers.sh).
option(ZSQ_FUZZ "Build and run the readers' libFuzzer targets (needs clang) as the ctest fuzz_readers" ON)
set(ZSQ_FUZZ_SECONDS 25 CACHE STRING "Seconds each fuzz target runs in the ctest fuzz_readers")
if(ZSQ_FUZZ)
  add_test(NAME fuzz_readers
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzzers.sh ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz
                   ${ZSQ_FUZZ_SECONDS})
  # Build (about a minute on 2 cores, ccache helps) plus five runs.
  set_tests_properties(fuzz_readers PROPERTIES TIMEOUT 900 LABELS fuzz)
endif()
