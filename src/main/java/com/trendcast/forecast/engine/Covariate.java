package com.trendcast.forecast.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric driver aligned period by period with a series, e.g. price, promotion depth or traffic.
 *
 * @param name           unique name within the series
 * @param values         one value per period of the series
 * @param knownInAdvance true when future values are planned and can be supplied for the forecast horizon
 *                       (price plans, promotion calendars); models that need future values only use these
 */
public record Covariate(String name, double[] values, boolean knownInAdvance) {

    public Covariate {
        Objects.requireNonNull(name, "name");
        values = values.clone();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Covariate " + name + " contains a non-finite value");
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public double valueAt(int index) {
        return values[index];
    }

    /** The periods {@code [from, to)} of this covariate. */
    public Covariate slice(int from, int to) {
        return new Covariate(name, Arrays.copyOfRange(values, from, to), knownInAdvance);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Covariate that
                && name.equals(that.name)
                && knownInAdvance == that.knownInAdvance
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, knownInAdvance, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Covariate[" + name + ", n=" + values.length + (knownInAdvance ? ", known in advance]" : "]");
    }
}
