# tests for core/deploy
modelforge_add_test(tests_core tst_modelbundle TORCH)
# Text models in bundles: the vocabulary travels with them; a typed sentence matches `eval`.
modelforge_add_test(tests_core tst_textbundle TORCH TIMEOUT 300)
