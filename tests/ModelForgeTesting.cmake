# modelforge_add_test(<name> SOURCES <files...> [LIBS <targets...>] [TIMEOUT <s>])
# Builds tst_<name>-style Qt Test executables. Tests that link modelforge_core reuse one
# precompiled torch + QtTest header, so each test costs seconds, not a torch parse.
add_library(modelforge_test_pch OBJECT ${CMAKE_CURRENT_LIST_DIR}/support/pchstub.cpp)
target_link_libraries(modelforge_test_pch PRIVATE Qt6::Test modelforge_core)
target_precompile_headers(modelforge_test_pch PRIVATE
  <torch/torch.h> <nlohmann/json.hpp> <QtTest/QtTest>)

# GUI tests link Qt Widgets, whose definitions differ from the core tests': they get their own.
if(MODELFORGE_BUILD_GUI)
  add_library(modelforge_app_test_pch OBJECT ${CMAKE_CURRENT_LIST_DIR}/support/pchstub.cpp)
  target_link_libraries(modelforge_app_test_pch PRIVATE Qt6::Test modelforge_app modelforge_core)
  target_precompile_headers(modelforge_app_test_pch PRIVATE
    <torch/torch.h> <nlohmann/json.hpp> <QtTest/QtTest>)
endif()

function(modelforge_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
  list(TRANSFORM T_SOURCES PREPEND "${CMAKE_CURRENT_LIST_DIR}/" REGEX "^[^/]")
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  if("modelforge_app" IN_LIST T_LIBS)
    target_link_libraries(${name} PRIVATE modelforge_core)
    target_precompile_headers(${name} REUSE_FROM modelforge_app_test_pch)
  elseif("modelforge_core" IN_LIST T_LIBS OR "modelforge_test_support" IN_LIST T_LIBS)
    target_link_libraries(${name} PRIVATE modelforge_core)
    target_precompile_headers(${name} REUSE_FROM modelforge_test_pch)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MODELFORGE_TEST_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
