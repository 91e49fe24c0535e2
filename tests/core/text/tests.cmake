# tests for core/text
modelforge_add_test(tests_base tst_textdataset TIMEOUT 60)
modelforge_add_test(tests_base tst_tokenizer TIMEOUT 60)
modelforge_add_test(tests_base tst_wordnet TIMEOUT 60)
modelforge_add_test(tests_base tst_textaugment TIMEOUT 60)
modelforge_add_test(tests_base tst_unicodetext TIMEOUT 60)
