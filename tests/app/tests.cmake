# app tests
add_library(modelforge_app_test_support STATIC ${CMAKE_CURRENT_LIST_DIR}/samplestore.cpp)
target_link_libraries(modelforge_app_test_support PUBLIC modelforge_core)
target_include_directories(modelforge_app_test_support PUBLIC ${CMAKE_CURRENT_LIST_DIR})

# Not a test: fills a workspace with the sample runs, for `modelforge --screenshot`.
add_executable(mf_sample_workspace ${CMAKE_CURRENT_LIST_DIR}/makesampleworkspace.cpp)
target_link_libraries(mf_sample_workspace PRIVATE modelforge_app_test_support)

modelforge_add_test(tst_runstablemodel SOURCES tst_runstablemodel.cpp
  LIBS modelforge_app modelforge_app_test_support TIMEOUT 60)
modelforge_add_test(tst_displayformat SOURCES tst_displayformat.cpp LIBS modelforge_app TIMEOUT 60)
modelforge_add_test(tst_newestrequestmailbox SOURCES tst_newestrequestmailbox.cpp
  LIBS modelforge_widgets TIMEOUT 60)
modelforge_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp
  LIBS modelforge_app modelforge_app_test_support TIMEOUT 120)
target_compile_definitions(tst_mainwindow PRIVATE MODELFORGE_PROJECT_VERSION="${PROJECT_VERSION}")
modelforge_add_test(tst_trainpage SOURCES tst_trainpage.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 240)
modelforge_add_test(tst_runspage SOURCES tst_runspage.cpp
  LIBS modelforge_app modelforge_app_test_support modelforge_core TIMEOUT 120)
modelforge_add_test(tst_runmetrics SOURCES tst_runmetrics.cpp LIBS modelforge_app TIMEOUT 60)
modelforge_add_test(tst_evaluationview SOURCES tst_evaluationview.cpp
  LIBS modelforge_app modelforge_app_test_support modelforge_test_support modelforge_core
  TIMEOUT 120)
modelforge_add_test(tst_thumbnailmodel SOURCES tst_thumbnailmodel.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 120)
modelforge_add_test(tst_datasetscan SOURCES tst_datasetscan.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 120)
modelforge_add_test(tst_datasetopener SOURCES tst_datasetopener.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 120)
modelforge_add_test(tst_datasetspage SOURCES tst_datasetspage.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 120)
# The Augment page: pipeline editing, the preview against the trainer's batches, the page.
modelforge_add_test(tst_augmentpipelinemodel SOURCES tst_augmentpipelinemodel.cpp
  LIBS modelforge_app modelforge_core TIMEOUT 120)
modelforge_add_test(tst_augmentpreview SOURCES tst_augmentpreview.cpp
  LIBS modelforge_app modelforge_core TIMEOUT 120)
modelforge_add_test(tst_augmentpage SOURCES tst_augmentpage.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 120)
modelforge_add_test(tst_augmenttext SOURCES tst_augmenttext.cpp
  LIBS modelforge_app modelforge_core modelforge_test_support TIMEOUT 120)
