# tests for core/util
modelforge_add_test(tests_base tst_atomicfile)
modelforge_add_test(tests_base tst_shapetext)
modelforge_add_test(tests_base tst_recordscanner)
