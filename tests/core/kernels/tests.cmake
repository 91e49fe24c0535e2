# tests for core/kernels
modelforge_add_test(tests_base tst_kernelchooser)
modelforge_add_test(tests_core tst_kernelplanner TORCH)
