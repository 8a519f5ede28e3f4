package com.trendcast.forecast.engine.math;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearAlgebraTest {

    private static final double EPS = 1e-12;
    // X rows (1,0), (0,1), (1,1); y = (1, 2, 3)
    // XᵀX = [[2,1],[1,2]], Xᵀy = (1+3, 2+3) = (4, 5)
    private static final double[][] DESIGN = {{1, 0}, {0, 1}, {1, 1}};
    private static final double[] TARGET = {1, 2, 3};

    @Test
    void choleskySolvesSmallSystem() {
        // [[4,2],[2,3]] x = (2, 1): det 8, x1 = (3*2 - 2*1)/8 = 1/2, x2 = (4*1 - 2*2)/8 = 0
        double[] x = Cholesky.solve(new double[][]{{4, 2}, {2, 3}}, new double[]{2, 1});
        assertThat(x[0]).isCloseTo(0.5, within(EPS));
        assertThat(x[1]).isCloseTo(0, within(EPS));
    }

    @Test
    void choleskyRejectsIndefiniteMatrix() {
        assertThatThrownBy(() -> Cholesky.solve(new double[][]{{1, 2}, {2, 1}}, new double[]{1, 1}))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ridgeWithoutPenaltyIsLeastSquares() {
        // [[2,1],[1,2]] b = (4,5): det 3, b1 = (2*4 - 1*5)/3 = 1, b2 = (2*5 - 1*4)/3 = 2 (an exact fit)
        double[] beta = RidgeRegression.fit(DESIGN, TARGET, 0, new boolean[]{true, true});
        assertThat(beta[0]).isCloseTo(1, within(EPS));
        assertThat(beta[1]).isCloseTo(2, within(EPS));
    }

    @Test
    void ridgePenaltyShrinksPenalisedColumnsOnly() {
        // lambda 1 on both: [[3,1],[1,3]] b = (4,5): det 8, b1 = (3*4 - 5)/8 = 7/8, b2 = (3*5 - 4)/8 = 11/8
        double[] both = RidgeRegression.fit(DESIGN, TARGET, 1, new boolean[]{true, true});
        assertThat(both[0]).isCloseTo(7.0 / 8, within(EPS));
        assertThat(both[1]).isCloseTo(11.0 / 8, within(EPS));
        // lambda 1 on the second only: [[2,1],[1,3]] b = (4,5): det 5, b1 = (3*4 - 5)/5 = 7/5, b2 = (2*5 - 4)/5 = 6/5
        double[] second = RidgeRegression.fit(DESIGN, TARGET, 1, new boolean[]{false, true});
        assertThat(second[0]).isCloseTo(7.0 / 5, within(EPS));
        assertThat(second[1]).isCloseTo(6.0 / 5, within(EPS));
    }

    @Test
    void ridgeSurvivesAnAllZeroUnpenalisedColumn() {
        double[][] design = {{1, 0}, {1, 0}, {1, 0}};
        double[] beta = RidgeRegression.fit(design, new double[]{1, 2, 3}, 0, new boolean[]{false, false});
        assertThat(beta[0]).isCloseTo(2, within(1e-6));
        assertThat(beta[1]).isCloseTo(0, within(1e-6));
    }

    @Test
    void nelderMeadFindsMinimumOfShiftedQuadratic() {
        // f(x, y) = (x - 3)² + 10 (y + 1)², minimum 0 at (3, -1)
        NelderMead.Result result = NelderMead.minimize(
                p -> (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1),
                new double[]{0, 0}, 1, 1e-14, 2000);
        assertThat(result.point()[0]).isCloseTo(3, within(1e-4));
        assertThat(result.point()[1]).isCloseTo(-1, within(1e-4));
        assertThat(result.value()).isLessThan(1e-8);
    }

    @Test
    void nelderMeadMinimisesRosenbrock() {
        NelderMead.Result result = NelderMead.minimize(
                p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[]{-1.2, 1}, 0.5, 1e-15, 5000);
        assertThat(result.point()[0]).isCloseTo(1, within(1e-3));
        assertThat(result.point()[1]).isCloseTo(1, within(1e-3));
    }
}
