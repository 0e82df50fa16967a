package io.freeagentics.profiles;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeCodingPropertyTest {

    @Property
    void thresholdCodingIsMonotoneAndInRange(
            @ForAll @Size(min = 1, max = 10) @UniqueElements List<@DoubleRange(min = -1e6, max = 1e6) Double> raw,
            @ForAll @DoubleRange(min = -2e6, max = 2e6) double a,
            @ForAll @DoubleRange(min = -2e6, max = 2e6) double b) {
        OutcomeCoding.Thresholds coding = new OutcomeCoding.Thresholds(raw.stream().sorted().toList());
        double low = Math.min(a, b);
        double high = Math.max(a, b);

        assertThat(coding.outcomeOf(low)).isBetween(0, coding.outcomes() - 1);
        assertThat(coding.outcomeOf(high)).isBetween(0, coding.outcomes() - 1);
        assertThat(coding.outcomeOf(low)).isLessThanOrEqualTo(coding.outcomeOf(high));
    }

    @Property
    void eachThresholdStartsTheNextOutcome(
            @ForAll @Size(min = 1, max = 10) @UniqueElements List<@DoubleRange(min = -1e6, max = 1e6) Double> raw) {
        List<Double> thresholds = raw.stream().sorted().toList();
        OutcomeCoding.Thresholds coding = new OutcomeCoding.Thresholds(thresholds);

        for (int k = 0; k < thresholds.size(); k++) {
            assertThat(coding.outcomeOf(thresholds.get(k))).isEqualTo(k + 1);
        }
    }

    @Property
    void digitalCodingFollowsTheActiveLevel(@ForAll boolean activeHigh, @ForAll boolean high) {
        OutcomeCoding.Digital coding = new OutcomeCoding.Digital(activeHigh);

        assertThat(coding.outcomeOf(high ? 1 : 0)).isEqualTo(high == activeHigh ? 1 : 0);
    }
}
