package io.freeagentics.cloud.beliefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.wire.BeliefCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StoredBeliefsPropertyTest {

  @Provide
  Arbitrary<List<BeliefCodes>> factors() {
    Arbitrary<BeliefCodes> factor = Arbitraries.integers().between(1, 300).flatMap(size -> Arbitraries
        .integers().between(0, 255).list().ofSize(size).map(codes -> {
          byte[] bytes = new byte[codes.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) codes.get(i);
          }
          bytes[bytes.length / 2] = 0;
          return BeliefCodes.ofCodes(bytes);
        }));
    Arbitrary<BeliefCodes> peaked = Arbitraries.integers().between(1, 300).flatMap(size -> Arbitraries.integers()
        .between(0, size - 1).map(peak -> {
          double[] p = new double[size];
          java.util.Arrays.fill(p, 1e-19);
          p[peak] = 1;
          return BeliefCodes.quantize(p);
        }));
    return Arbitraries.oneOf(factor, peaked).list().ofMinSize(1).ofMaxSize(16);
  }

  @Property(tries = 500)
  void decodesWhatItEncodes(@ForAll("factors") List<BeliefCodes> factors) throws Exception {
    assertThat(StoredBeliefs.decode(StoredBeliefs.encode(factors))).isEqualTo(factors);
  }

  @Property(tries = 300)
  void isNeverLargerThanTheDenseCodesPlusHeaders(@ForAll("factors") List<BeliefCodes> factors) {
    int dense = 1 + factors.stream().mapToInt(f -> 3 + 1 + f.size()).sum();
    assertThat(StoredBeliefs.encode(factors).length).isLessThanOrEqualTo(dense);
  }

  @Property(tries = 2000)
  void rejectsRandomBytesOnlyWithItsCheckedException(@ForAll @Size(max = 64) List<@IntRange(min = 0, max = 255)
      Integer> bytes) {
    byte[] stored = new byte[bytes.size()];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = (byte) (int) bytes.get(i);
    }
    try {
      List<BeliefCodes> decoded = StoredBeliefs.decode(stored);
      assertThat(StoredBeliefs.decode(StoredBeliefs.encode(decoded))).isEqualTo(decoded);
    } catch (StoredBeliefsException e) {
      assertThat(e.getMessage()).startsWith("stored beliefs field '");
    }
  }

  @Property(tries = 1000)
  void rejectsMutatedAndTruncatedFormsOnlyWithItsCheckedException(@ForAll("factors") List<BeliefCodes> factors,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll @IntRange(min = 1, max = 255) int flip,
      @ForAll boolean truncate) {
    byte[] stored = StoredBeliefs.encode(factors);
    int at = where % stored.length;
    byte[] bad = truncate ? java.util.Arrays.copyOf(stored, at) : stored.clone();
    if (!truncate) {
      bad[at] ^= (byte) flip;
    }
    try {
      StoredBeliefs.decode(bad);
    } catch (StoredBeliefsException e) {
      assertThat(e.getMessage()).contains("at byte");
    }
  }

  @Test
  void storesASettledGridBeliefInSevenBytes() {
    double[] p = new double[25];
    java.util.Arrays.fill(p, 4e-19);
    p[12] = 1;
    assertThat(StoredBeliefs.encode(List.of(BeliefCodes.quantize(p)))).hasSize(7);
  }

  @Test
  void namesTheFieldOfABadForm() {
    assertThatThrownBy(() -> StoredBeliefs.decode(new byte[] {1, 25, 0, 1, 2}))
        .isInstanceOf(StoredBeliefsException.class)
        .hasMessage("stored beliefs field 'factors[0].codes' at byte 3: needs 25 bytes but 2 are left");
    assertThatThrownBy(() -> StoredBeliefs.decode(new byte[] {1, 2, 0, 5, 6}))
        .hasMessageContaining("factors[0]").hasMessageContaining("code 0");
    assertThatThrownBy(() -> StoredBeliefs.decode(new byte[] {0})).hasMessageContaining("holds 0 factors");
  }

  @Test
  void roundTripsRealisticRandomBeliefs() throws Exception {
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      List<BeliefCodes> factors = new ArrayList<>();
      for (int f = 0; f < 1 + random.nextInt(3); f++) {
        double[] p = new double[1 + random.nextInt(64)];
        for (int s = 0; s < p.length; s++) {
          p[s] = Math.exp(-40 * random.nextDouble());
        }
        factors.add(BeliefCodes.quantize(p));
      }
      assertThat(StoredBeliefs.decode(StoredBeliefs.encode(factors))).isEqualTo(factors);
    }
  }
}
