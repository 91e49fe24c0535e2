# The Qt Test classes are built into a few suite executables instead of one executable each:
# every executable costs a moc pass, a moc translation unit and a link, which took longer than
# most tests take to run. CTest still runs each class as a test of its own, under its old name.
#
# modelforge_add_test_suite(<suite> LIBS <targets>...)
#   A suite executable; tests/support/testsuitemain.cpp picks the class to run.
# modelforge_add_test(<suite> <name> [TORCH] [TIMEOUT <s>] [DEFINITIONS <d>...])
#   Adds <name>.cpp (next to the calling tests.cmake) to <suite> and registers the CTest test
#   <name>, which runs `<suite> <name>`. TORCH: the file uses torch and gets the precompiled
#   torch header; the suite's other files do without it.
# modelforge_finish_test_suites()
#   After every test is added: gives the torch files of each suite the precompiled header.

set(CMAKE_AUTOMOC ON)
set_property(GLOBAL PROPERTY MODELFORGE_TEST_SUITES "")

function(modelforge_add_test_suite suite)
  cmake_parse_arguments(S "" "" "LIBS" ${ARGN})
  add_executable(${suite} ${PROJECT_SOURCE_DIR}/tests/support/testsuitemain.cpp)
  target_link_libraries(${suite} PRIVATE Qt6::Test ${S_LIBS})
  set_property(GLOBAL APPEND PROPERTY MODELFORGE_TEST_SUITES ${suite})
  set_property(TARGET ${suite} PROPERTY MODELFORGE_TORCH_TESTS "")
endfunction()

function(modelforge_add_test suite name)
  cmake_parse_arguments(T "TORCH" "TIMEOUT" "DEFINITIONS" ${ARGN})
  set(source "${CMAKE_CURRENT_LIST_DIR}/${name}.cpp")
  target_sources(${suite} PRIVATE "${source}")
  if(T_TORCH)
    set_property(TARGET ${suite} APPEND PROPERTY MODELFORGE_TORCH_TESTS "${source}")
  endif()
  if(T_DEFINITIONS)
    set_property(SOURCE "${source}" TARGET_DIRECTORY ${suite}
      APPEND PROPERTY COMPILE_DEFINITIONS ${T_DEFINITIONS})
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  add_test(NAME ${name} COMMAND ${suite} ${name})
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MODELFORGE_TEST_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()

function(modelforge_finish_test_suites)
  get_property(suites GLOBAL PROPERTY MODELFORGE_TEST_SUITES)
  foreach(suite IN LISTS suites)
    get_target_property(torch ${suite} MODELFORGE_TORCH_TESTS)
    if(torch)
      modelforge_use_torch_pch(${suite} SOURCES ${torch})
    endif()
  endforeach()
endfunction()
