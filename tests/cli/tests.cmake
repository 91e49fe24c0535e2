# modelforge-cli end to end (runs the built executable).
modelforge_add_test(tst_cli SOURCES tst_cli.cpp LIBS modelforge_test_support TIMEOUT 600)
target_compile_definitions(tst_cli PRIVATE MODELFORGE_CLI_PATH="$<TARGET_FILE:modelforge-cli>")
add_dependencies(tst_cli modelforge-cli)
