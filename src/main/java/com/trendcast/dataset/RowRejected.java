package com.trendcast.dataset;

/** Thrown while interpreting a row that cannot be imported; caught per row and turned into a report line. */
final class RowRejected extends Exception {

    private final transient RowProblem problem;

    RowRejected(RowProblem problem) {
        super(problem.reasonKey(), null, false, false);
        this.problem = problem;
    }

    RowProblem problem() {
        return problem;
    }
}
