package io.freeagentics.quant;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.RandomModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.sessions.JqwikSession;
import net.jqwik.api.RandomGenerator;

/** A reproducible sample of random valid models (from {@link RandomModels}) for plain JUnit tests. */
final class RandomModelSample {
  private RandomModelSample() {}

  static List<GenerativeModel> take(int count, long seed) {
    Random random = new Random(seed);
    List<GenerativeModel> models = new ArrayList<>();
    JqwikSession.start();
    try {
      RandomGenerator<GenerativeModel> generator = RandomModels.validModels().generator(1000);
      for (int i = 0; i < count; i++) {
        models.add(generator.next(random).value());
      }
    } finally {
      JqwikSession.finish();
    }
    return models;
  }
}
