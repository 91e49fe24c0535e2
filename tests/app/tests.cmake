# app tests
add_library(modelforge_app_test_support STATIC ${CMAKE_CURRENT_LIST_DIR}/samplestore.cpp)
set_target_properties(modelforge_app_test_support PROPERTIES AUTOMOC OFF)
target_link_libraries(modelforge_app_test_support PUBLIC modelforge_base)
target_include_directories(modelforge_app_test_support PUBLIC ${CMAKE_CURRENT_LIST_DIR})

# Not a test: fills a workspace with the sample runs, for `modelforge --screenshot`.
add_executable(mf_sample_workspace ${CMAKE_CURRENT_LIST_DIR}/makesampleworkspace.cpp)
set_target_properties(mf_sample_workspace PROPERTIES AUTOMOC OFF)
target_link_libraries(mf_sample_workspace PRIVATE modelforge_app_test_support)

modelforge_add_test_suite(tests_app
  LIBS modelforge_app modelforge_core modelforge_app_test_support modelforge_test_support)
modelforge_add_test(tests_app tst_runstablemodel TIMEOUT 60)
modelforge_add_test(tests_app tst_displayformat TIMEOUT 60)
modelforge_add_test(tests_app tst_newestrequestmailbox TIMEOUT 60)
modelforge_add_test(tests_app tst_processusage TIMEOUT 60)
# GPU usage through NVML, read from a stand-in library with the driver's entry points.
add_library(mf_fake_nvml SHARED ${CMAKE_CURRENT_LIST_DIR}/fakenvml.cpp)
set_target_properties(mf_fake_nvml PROPERTIES AUTOMOC OFF)
modelforge_add_test(tests_app tst_gpuusage TIMEOUT 60
  DEFINITIONS MODELFORGE_FAKE_NVML="$<TARGET_FILE:mf_fake_nvml>")
add_dependencies(tests_app mf_fake_nvml modelforge-cli)
modelforge_add_test(tests_app tst_mainwindow TIMEOUT 120
  DEFINITIONS MODELFORGE_PROJECT_VERSION="${PROJECT_VERSION}")
modelforge_add_test(tests_app tst_trainpage TIMEOUT 240)
modelforge_add_test(tests_app tst_trainconfigform TIMEOUT 60)
# Runs on several local processes from the Train section (modelforge-cli workers beside it).
modelforge_add_test(tests_app tst_trainparallel TIMEOUT 400)
modelforge_add_test(tests_app tst_translationcoverage TIMEOUT 120)
modelforge_add_test(tests_app tst_runspage TIMEOUT 120)
modelforge_add_test(tests_app tst_compresspage TIMEOUT 400)
modelforge_add_test(tests_app tst_roipage TIMEOUT 300)
modelforge_add_test(tests_app tst_roifill TORCH TIMEOUT 300)
modelforge_add_test(tests_app tst_runcomparisonview TIMEOUT 60)
modelforge_add_test(tests_app tst_launchoptions TIMEOUT 60)
modelforge_add_test(tests_app tst_runmetrics TIMEOUT 60)
modelforge_add_test(tests_app tst_evaluationview TIMEOUT 120)
# Typed text classified by a text run's model, in the Runs section.
modelforge_add_test(tests_app tst_textpredictionview TORCH TIMEOUT 120)
modelforge_add_test(tests_app tst_thumbnailmodel TIMEOUT 120)
modelforge_add_test(tests_app tst_datasetscan TORCH TIMEOUT 120)
modelforge_add_test(tests_app tst_datasetopener TIMEOUT 120)
modelforge_add_test(tests_app tst_datasetspage TORCH TIMEOUT 120)
# The Augment page: pipeline editing, the preview against the trainer's batches, the page.
modelforge_add_test(tests_app tst_augmentpipelinemodel TIMEOUT 120)
modelforge_add_test(tests_app tst_augmentpreview TORCH TIMEOUT 120)
modelforge_add_test(tests_app tst_augmentpage TORCH TIMEOUT 120)
modelforge_add_test(tests_app tst_augmenttext TIMEOUT 120)
# The ROI report (PDF read back with pdftotext when poppler-utils is installed) and presentation.
modelforge_add_test(tests_app tst_roipdfreport TIMEOUT 120)
modelforge_add_test(tests_app tst_roipresentation TIMEOUT 120)
