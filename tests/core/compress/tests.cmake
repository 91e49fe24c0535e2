# tests for core/compress
modelforge_add_test(tests_base tst_cubicschedule)
modelforge_add_test(tests_core tst_pruningmasks TORCH)
modelforge_add_test(tests_core tst_channelpruning TORCH)
modelforge_add_test(tests_core tst_distillationloss TORCH)
