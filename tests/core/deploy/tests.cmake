# tests for core/deploy
modelforge_add_test(tests_core tst_modelbundle TORCH)
