# tests for core/store
modelforge_add_test(tst_storeschema SOURCES tst_storeschema.cpp LIBS modelforge_core)
modelforge_add_test(tst_runstore SOURCES tst_runstore.cpp LIBS modelforge_core)
modelforge_add_test(tst_workspace SOURCES tst_workspace.cpp LIBS modelforge_core)
modelforge_add_test(tst_runexport SOURCES tst_runexport.cpp LIBS modelforge_core)
