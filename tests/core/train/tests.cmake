# tests for core/train
modelforge_add_test(tst_trainconfig SOURCES tst_trainconfig.cpp LIBS modelforge_test_support)
modelforge_add_test(tst_optimizers SOURCES tst_optimizers.cpp LIBS modelforge_core)
modelforge_add_test(tst_lrschedule SOURCES tst_lrschedule.cpp LIBS modelforge_core)
modelforge_add_test(tst_losses SOURCES tst_losses.cpp LIBS modelforge_core)
modelforge_add_test(tst_confusionmatrix SOURCES tst_confusionmatrix.cpp LIBS modelforge_core)
# Training engine (trainer, checkpoints, run recording, sessions).
modelforge_add_test(tst_trainer SOURCES tst_trainer.cpp LIBS modelforge_test_support)
modelforge_add_test(tst_checkpoint SOURCES tst_checkpoint.cpp LIBS modelforge_test_support)
modelforge_add_test(tst_runrecorder SOURCES tst_runrecorder.cpp LIBS modelforge_test_support)
modelforge_add_test(tst_trainingsession SOURCES tst_trainingsession.cpp LIBS modelforge_test_support)
# Training with augmentation: the batch source and whole runs.
modelforge_add_test(tst_batchsource SOURCES tst_batchsource.cpp LIBS modelforge_test_support)
modelforge_add_test(tst_augmentedtraining SOURCES tst_augmentedtraining.cpp
  LIBS modelforge_test_support)
