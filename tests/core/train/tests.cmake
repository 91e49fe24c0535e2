# tests for core/train
modelforge_add_test(tests_core tst_trainconfig)
modelforge_add_test(tests_core tst_optimizers TORCH)
modelforge_add_test(tests_core tst_plannedadam TORCH)
modelforge_add_test(tests_base tst_lrschedule)
modelforge_add_test(tests_base tst_devicename)
modelforge_add_test(tests_core tst_losses TORCH)
modelforge_add_test(tests_core tst_confusionmatrix TORCH)
# Training engine (trainer, checkpoints, run recording, sessions).
modelforge_add_test(tests_core tst_trainer TORCH)
modelforge_add_test(tests_core tst_checkpoint TORCH)
modelforge_add_test(tests_base tst_runrecorder)
modelforge_add_test(tests_base tst_outcomestatus)
modelforge_add_test(tests_core tst_trainingsession)
modelforge_add_test(tests_core tst_trainingisolation TORCH)
# Training with augmentation: the batch source and whole runs.
modelforge_add_test(tests_core tst_batchsource TORCH)
modelforge_add_test(tests_core tst_augmentedtraining TORCH)
modelforge_add_test(tests_core tst_traininghooks TORCH)
# Text datasets through the training session: vocabulary, split, stored runs.
modelforge_add_test(tests_core tst_texttraining TORCH)
# Self-supervised pre-training of text encoders, and fine-tuning from another run.
modelforge_add_test(tests_core tst_pretraining TORCH)
modelforge_add_test(tests_core tst_finetune TORCH)
modelforge_add_test(tests_core tst_mixedprecision TORCH)
