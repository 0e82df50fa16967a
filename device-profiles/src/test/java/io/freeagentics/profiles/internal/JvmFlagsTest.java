package io.freeagentics.profiles.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmFlagsTest {

    @Test
    void parsesTheJvmSizeSyntax() {
        assertThat(JvmFlags.parseSize("1024")).hasValue(1024);
        assertThat(JvmFlags.parseSize("256k")).hasValue(256L << 10);
        assertThat(JvmFlags.parseSize("64M")).hasValue(64L << 20);
        assertThat(JvmFlags.parseSize("2g")).hasValue(2L << 30);
        assertThat(JvmFlags.parseSize("1t")).hasValue(1L << 40);
    }

    @Test
    void rejectsMalformedZeroAndOverflowingSizes() {
        for (String bad : List.of("", "m", "12q", "-5m", "1.5g", "0", "0m", "9223372036854775807k",
                "99999999999999999999")) {
            assertThat(JvmFlags.parseSize(bad)).as(bad).isEmpty();
        }
    }

    @Property
    void megabytesScaleByTwoToTheTwenty(@ForAll @IntRange(min = 1, max = 1 << 20) int mb) {
        assertThat(JvmFlags.parseSize(mb + "m")).hasValue((long) mb << 20);
    }

    @Test
    void readsCollectorTieredLevelAndVectorModuleInEitherForm() {
        JvmFlags joined = JvmFlags.read(Arrays.asList("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-modules=jdk.incubator.vector", null));
        JvmFlags split = JvmFlags.read(List.of("-XX:+UseZGC", "--add-modules", "jdk.incubator.vector"));

        assertThat(joined.collectors()).extracting(JvmFlags.GcFlag::collector).containsExactly("SerialGC");
        assertThat(joined.c1Only()).isTrue();
        assertThat(joined.hasVectorModule()).isTrue();
        assertThat(split.collectors()).extracting(JvmFlags.GcFlag::collector).containsExactly("ZGC");
        assertThat(split.c1Only()).isFalse();
        assertThat(split.hasVectorModule()).isTrue();
    }

    @Test
    void aRepeatedOptionHasNoSingleValue() {
        JvmFlags read = JvmFlags.read(List.of("-Xmx64m", "-Xmx128m"));

        assertThat(read.sized().get("-Xmx")).hasSize(2);
        assertThat(read.bytes("-Xmx")).isEmpty();
        assertThat(read.indexOf("-Xmx")).isEmpty();
    }
}
