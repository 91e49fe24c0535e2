# tests for core/models
modelforge_add_test(tst_modelfactory SOURCES tst_modelfactory.cpp LIBS modelforge_core)
modelforge_add_test(tst_residualblock SOURCES tst_residualblock.cpp LIBS modelforge_core)
modelforge_add_test(tst_maxpool SOURCES tst_maxpool.cpp LIBS modelforge_core)
