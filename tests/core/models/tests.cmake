# tests for core/models
modelforge_add_test(tests_core tst_modelfactory TORCH)
modelforge_add_test(tests_core tst_residualblock TORCH)
modelforge_add_test(tests_core tst_syncablebatchnorm TORCH)
modelforge_add_test(tests_core tst_maxpool TORCH)
modelforge_add_test(tests_core tst_textmodels TORCH)
modelforge_add_test(tests_core tst_wordvectors TORCH)
