# Helpers that keep every module's CMakeLists.txt to a few declarative lines
# (after abseil's absl_cc_library and leveldb's leveldb_test).

# -Wno-restrict: g++ 12 reports false -Wrestrict overlaps inside libstdc++'s
# std::string assignment at -O3 (GCC bug 105329), which -Werror would turn
# into a failed build for correct code.
set(NEWSFUSE_WARNINGS -Wall -Wextra -Wno-unused-parameter -Wno-restrict)
if(NEWSFUSE_WERROR)
  list(APPEND NEWSFUSE_WARNINGS -Werror)
endif()
if(NEWSFUSE_SANITIZE)
  add_compile_options(-fsanitize=${NEWSFUSE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${NEWSFUSE_SANITIZE})
endif()

# nf_library(NAME text SRCS a.cc b.cc DEPS newsfuse::base ICU::uc)
#   -> static library newsfuse_text, alias newsfuse::text, includes rooted at src/ and include/.
function(nf_library)
  cmake_parse_arguments(NF "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(newsfuse_${NF_NAME} STATIC ${NF_SRCS})
  add_library(newsfuse::${NF_NAME} ALIAS newsfuse_${NF_NAME})
  # Installed (cmake/install.cmake), a library's users see only include/.
  target_include_directories(newsfuse_${NF_NAME} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src> $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<INSTALL_INTERFACE:include>)
  set_target_properties(newsfuse_${NF_NAME} PROPERTIES EXPORT_NAME ${NF_NAME})
  target_compile_options(newsfuse_${NF_NAME} PRIVATE ${NEWSFUSE_WARNINGS})
  target_link_libraries(newsfuse_${NF_NAME} PUBLIC ${NF_DEPS})
endfunction()

# nf_test(NAME text_test SRCS x_test.cc DEPS newsfuse::text [LABELS unit])
#   Every TEST becomes a ctest case (gtest_discover_tests), so `ctest -j2` uses both cores.
function(nf_test)
  if(NOT NEWSFUSE_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(NF "" "NAME" "SRCS;DEPS;LABELS" ${ARGN})
  if(NOT NF_LABELS)
    set(NF_LABELS unit)
  endif()
  add_executable(${NF_NAME} ${NF_SRCS})
  target_compile_options(${NF_NAME} PRIVATE ${NEWSFUSE_WARNINGS})
  target_compile_definitions(${NF_NAME} PRIVATE
      NEWSFUSE_SHARED_DIR="${NEWSFUSE_SHARED_DIR}" NEWSFUSE_SOURCE_DIR="${NEWSFUSE_SOURCE_DIR}"
      NEWSFUSE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  target_link_libraries(${NF_NAME} PRIVATE ${NF_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${NF_NAME} PROPERTIES LABELS "${NF_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# nf_benchmark(NAME text_benchmark SRCS x_benchmark.cc DEPS newsfuse::text)
#   Built, never registered with ctest: a benchmark prints figures, a test asserts behaviour.
function(nf_benchmark)
  if(NOT NEWSFUSE_BUILD_BENCHMARKS)
    return()
  endif()
  cmake_parse_arguments(NF "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${NF_NAME} ${NF_SRCS})
  target_compile_options(${NF_NAME} PRIVATE ${NEWSFUSE_WARNINGS})
  target_compile_definitions(${NF_NAME} PRIVATE
      NEWSFUSE_SHARED_DIR="${NEWSFUSE_SHARED_DIR}" NEWSFUSE_SOURCE_DIR="${NEWSFUSE_SOURCE_DIR}")
  target_link_libraries(${NF_NAME} PRIVATE ${NF_DEPS} benchmark::benchmark benchmark::benchmark_main)
endfunction()

# nf_module(NAME text DEPS newsfuse::base ICU::uc [TEST_DEPS ...] [EXCLUDE a.cc ...])
#   The usual module: every x.cc in the folder is the library, every x_test.cc the
#   module's one gtest binary (NAME_test), every x_benchmark.cc its benchmark
#   binary (NAME_benchmark). Files are globbed so that adding a file to a module
#   needs no edit here; CONFIGURE_DEPENDS re-globs on each build.
function(nf_module)
  cmake_parse_arguments(NF "" "NAME" "DEPS;TEST_DEPS;EXCLUDE;LABELS" ${ARGN})
  file(GLOB all_cc CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(lib_srcs)
  set(test_srcs)
  set(bench_srcs)
  foreach(f ${all_cc})
    get_filename_component(name ${f} NAME)
    if(name IN_LIST NF_EXCLUDE)
      continue()
    elseif(name MATCHES "_test\\.cc$")
      list(APPEND test_srcs ${f})
    elseif(name MATCHES "_benchmark\\.cc$")
      list(APPEND bench_srcs ${f})
    else()
      list(APPEND lib_srcs ${f})
    endif()
  endforeach()
  if(lib_srcs)
    nf_library(NAME ${NF_NAME} SRCS ${lib_srcs} DEPS ${NF_DEPS})
  else()
    # A module whose first source has not landed yet: headers only.
    add_library(newsfuse_${NF_NAME} INTERFACE)
    add_library(newsfuse::${NF_NAME} ALIAS newsfuse_${NF_NAME})
    target_include_directories(newsfuse_${NF_NAME} INTERFACE
        ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/include)
    target_link_libraries(newsfuse_${NF_NAME} INTERFACE ${NF_DEPS})
  endif()
  if(test_srcs)
    nf_test(NAME ${NF_NAME}_test SRCS ${test_srcs} DEPS newsfuse::${NF_NAME} ${NF_TEST_DEPS}
            LABELS ${NF_LABELS})
  endif()
  if(bench_srcs)
    nf_benchmark(NAME ${NF_NAME}_benchmark SRCS ${bench_srcs} DEPS newsfuse::${NF_NAME} ${NF_TEST_DEPS})
  endif()
endfunction()
