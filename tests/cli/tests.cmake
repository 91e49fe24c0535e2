# modelforge-cli end to end (runs the built executable).
# `roi --pdf` has the app draw the report; the CLI finds it beside itself in the build tree. A
# build without the GUI (MODELFORGE_BUILD_GUI=OFF) tests the rest.
if(TARGET modelforge)
  set(_mf_cli_app MODELFORGE_APP_BUILT=1)
else()
  set(_mf_cli_app MODELFORGE_APP_BUILT=0)
endif()
modelforge_add_test(tests_base tst_cli TIMEOUT 600
  DEFINITIONS MODELFORGE_CLI_PATH="$<TARGET_FILE:modelforge-cli>" ${_mf_cli_app})
add_dependencies(tests_base modelforge-cli)
if(TARGET modelforge)
  add_dependencies(tests_base modelforge)
endif()
modelforge_add_test(tests_base tst_clidistributed TIMEOUT 600
  DEFINITIONS MODELFORGE_CLI_PATH="$<TARGET_FILE:modelforge-cli>")
