# tests for core/data
modelforge_add_test(tests_core tst_idxreader TORCH)
modelforge_add_test(tests_core tst_cifarreader TORCH)
modelforge_add_test(tests_core tst_imagefolderreader TORCH)
modelforge_add_test(tests_core tst_csvreader TORCH)
modelforge_add_test(tests_core tst_datasetloader TORCH)
modelforge_add_test(tests_core tst_datasetsplit TORCH)
modelforge_add_test(tests_core tst_datasetstats TORCH)
