package com.trendcast.training;

/** Where a run should train: {@code AUTO} takes a GPU when ND4J has one, the CPU otherwise. */
public enum Backend {
    AUTO, CPU, GPU
}
