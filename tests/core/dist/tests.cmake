# tests for core/dist: data-parallel training on c10d (Gloo over loopback)
modelforge_add_test(tests_base tst_distenvironment)
modelforge_add_test(tests_core tst_distributedshard TORCH)
modelforge_add_test(tests_core tst_gradientreducer TORCH)
