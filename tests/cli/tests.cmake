# modelforge-cli end to end (runs the built executable).
modelforge_add_test(tests_base tst_cli TIMEOUT 600
  DEFINITIONS MODELFORGE_CLI_PATH="$<TARGET_FILE:modelforge-cli>")
add_dependencies(tests_base modelforge-cli)
# `roi --pdf` has the app draw the report; the CLI finds it beside itself in the build tree.
add_dependencies(tests_base modelforge)
