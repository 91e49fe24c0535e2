# Generators of small datasets in the real file formats, shared by the tests.
add_library(modelforge_test_support STATIC
  ${CMAKE_CURRENT_LIST_DIR}/testdata.cpp
)
target_link_libraries(modelforge_test_support PUBLIC modelforge_core Qt6::Test PRIVATE ZLIB::ZLIB ${STB_LIBRARY})
target_include_directories(modelforge_test_support PUBLIC ${PROJECT_SOURCE_DIR})
target_precompile_headers(modelforge_test_support REUSE_FROM modelforge_test_pch)
