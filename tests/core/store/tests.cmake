# tests for core/store
modelforge_add_test(tests_base tst_storeschema)
modelforge_add_test(tests_base tst_runstore)
modelforge_add_test(tests_base tst_workspace)
modelforge_add_test(tests_base tst_runexport)
modelforge_add_test(tests_base tst_scenariostore)
