# tests for core/train
