# tests for core/text
modelforge_add_test(tst_textdataset SOURCES tst_textdataset.cpp LIBS modelforge_core modelforge_test_support TIMEOUT 60)
modelforge_add_test(tst_tokenizer SOURCES tst_tokenizer.cpp LIBS modelforge_core modelforge_test_support TIMEOUT 60)
modelforge_add_test(tst_wordnet SOURCES tst_wordnet.cpp LIBS modelforge_core modelforge_test_support TIMEOUT 60)
modelforge_add_test(tst_textaugment SOURCES tst_textaugment.cpp LIBS modelforge_core modelforge_test_support TIMEOUT 60)
