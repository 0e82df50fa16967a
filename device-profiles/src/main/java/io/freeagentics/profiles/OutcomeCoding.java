package io.freeagentics.profiles;

import java.util.List;

/** How a raw sensor reading becomes an outcome index of its observation modality. */
public sealed interface OutcomeCoding permits OutcomeCoding.Digital, OutcomeCoding.Thresholds {

    /** Number of outcomes this coding produces. */
    int outcomes();

    /** The outcome index for a raw reading. */
    int outcomeOf(double reading);

    /**
     * A digital level: outcome 1 when the pin is at its active level, else 0.
     *
     * @param activeHigh true when a high level (reading != 0) is the active one
     */
    record Digital(boolean activeHigh) implements OutcomeCoding {
        @Override
        public int outcomes() {
            return 2;
        }

        @Override
        public int outcomeOf(double reading) {
            boolean high = reading != 0;
            return high == activeHigh ? 1 : 0;
        }
    }

    /**
     * Binning by ascending thresholds: the outcome is the number of thresholds at or below the reading.
     *
     * @param thresholds strictly ascending finite values
     */
    record Thresholds(List<Double> thresholds) implements OutcomeCoding {
        public Thresholds {
            thresholds = List.copyOf(Checks.notNull(thresholds, "thresholds"));
            if (thresholds.isEmpty()) {
                throw new IllegalArgumentException("thresholds must not be empty");
            }
            for (int i = 0; i < thresholds.size(); i++) {
                double t = thresholds.get(i);
                if (!Double.isFinite(t) || (i > 0 && t <= thresholds.get(i - 1))) {
                    throw new IllegalArgumentException(
                            "thresholds must be finite and strictly ascending, got " + thresholds);
                }
            }
        }

        @Override
        public int outcomes() {
            return thresholds.size() + 1;
        }

        @Override
        public int outcomeOf(double reading) {
            if (Double.isNaN(reading)) {
                throw new IllegalArgumentException("reading must be a number, got NaN");
            }
            int k = 0;
            while (k < thresholds.size() && thresholds.get(k) <= reading) {
                k++;
            }
            return k;
        }
    }
}
