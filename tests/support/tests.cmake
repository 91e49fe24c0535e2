# Generators of small datasets in the real file formats, shared by the tests (no torch).
add_library(modelforge_test_support STATIC
  ${CMAKE_CURRENT_LIST_DIR}/readonlyfolder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/shotpath.cpp
  ${CMAKE_CURRENT_LIST_DIR}/testdata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workerprocesses.cpp
)
set_target_properties(modelforge_test_support PROPERTIES AUTOMOC OFF)
target_link_libraries(modelforge_test_support PUBLIC modelforge_base Qt6::Test PRIVATE ZLIB::ZLIB ${STB_LIBRARY})
target_include_directories(modelforge_test_support PUBLIC ${PROJECT_SOURCE_DIR})
