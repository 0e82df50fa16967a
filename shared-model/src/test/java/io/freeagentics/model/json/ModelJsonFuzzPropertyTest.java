package io.freeagentics.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Damaged model files (cut short, characters changed, numbers replaced by strings, NaN or huge values, keys
 * deleted) are either read or refused with a checked {@link ModelInputException}; nothing else escapes, and
 * reading always ends.
 */
class ModelJsonFuzzPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  /** Generous: reading one small file takes milliseconds; this only catches a reader that never returns. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** One change to the text; positions are fractions of its length so that they fit any text. */
  sealed interface Mutation {
    String apply(String text);
  }

  record Truncate(double at) implements Mutation {
    public String apply(String text) {
      return text.substring(0, (int) (at * text.length()));
    }
  }

  record ReplaceCharacter(double at, char with) implements Mutation {
    public String apply(String text) {
      if (text.isEmpty()) {
        return text;
      }
      int i = Math.min((int) (at * text.length()), text.length() - 1);
      return text.substring(0, i) + with + text.substring(i + 1);
    }
  }

  record DeleteCharacters(double at, int count) implements Mutation {
    public String apply(String text) {
      int i = (int) (at * text.length());
      return text.substring(0, i) + text.substring(Math.min(text.length(), i + count));
    }
  }

  record ReplaceNumber(double which, String with) implements Mutation {
    public String apply(String text) {
      List<int[]> spans = new ArrayList<>();
      Matcher matcher = NUMBER.matcher(text);
      while (matcher.find()) {
        spans.add(new int[] {matcher.start(), matcher.end()});
      }
      if (spans.isEmpty()) {
        return text;
      }
      int[] span = spans.get(Math.min((int) (which * spans.size()), spans.size() - 1));
      return text.substring(0, span[0]) + with + text.substring(span[1]);
    }
  }

  /** Deletes a key of the top-level object or of the model object; leaves text that is not JSON alone. */
  record DeleteKey(double which) implements Mutation {
    public String apply(String text) {
      JsonNode root;
      try {
        root = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        return text;
      }
      List<ObjectNode> objects = new ArrayList<>();
      if (root instanceof ObjectNode object) {
        objects.add(object);
        if (object.get("model") instanceof ObjectNode model) {
          objects.add(model);
        }
      }
      List<Runnable> deletions = new ArrayList<>();
      for (ObjectNode object : objects) {
        for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          deletions.add(() -> object.remove(key));
        }
      }
      if (deletions.isEmpty()) {
        return text;
      }
      deletions.get(Math.min((int) (which * deletions.size()), deletions.size() - 1)).run();
      return root.toString();
    }
  }

  @Provide
  Arbitrary<String> validFiles() {
    try {
      String tmaze = ModelJson.write(BuiltInModels.tmaze());
      String learning = Files.readString(SharedFixtures.pymdpDir().resolve("random-2f1m-learnAB-novelty.json"));
      String twoModalities = Files.readString(SharedFixtures.pymdpDir().resolve("random-1f1m-learnA.json"));
      return Arbitraries.of(tmaze, learning, twoModalities);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Character> characters = Arbitraries.oneOf(Arbitraries.of('"', '[', ']', '{', '}', ',', ':', '-', '.',
        'e', 'N', '0', '9', ' ', '\\', 'x', '\u0000', '\u00e9'), Arbitraries.chars());
    Arbitrary<String> replacements = Arbitraries.of("\"0.5\"", "NaN", "-Infinity", "1e400", "-1e308", "1e-400",
        "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "65536", "65537", "-1", "0", "0.0",
        "3.5", "null", "true", "[]", "{}", "[[]]", "[1]", "\"\"");
    Arbitrary<Mutation> mutation = Arbitraries.oneOf(
        at.map(Truncate::new),
        Combinators.combine(at, characters).as(ReplaceCharacter::new),
        Combinators.combine(at, Arbitraries.integers().between(1, 40)).as(DeleteCharacters::new),
        Combinators.combine(at, replacements).as(ReplaceNumber::new),
        Combinators.combine(at, replacements).as(ReplaceNumber::new),
        at.map(DeleteKey::new));
    return mutation.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 1000)
  void damagedFilesAreReadOrRefusedWithACheckedException(@ForAll("validFiles") String valid,
      @ForAll("mutations") List<Mutation> mutations) {
    String damaged = valid;
    for (Mutation mutation : mutations) {
      damaged = mutation.apply(damaged);
    }
    String text = damaged;

    String outcome = assertTimeoutPreemptively(HANG_GUARD, () -> {
      try {
        GenerativeModel model = ModelJson.parse(text, "damaged.json");
        assertThat(ModelJson.parse(ModelJson.write(model), "rewritten").numPolicies())
            .isEqualTo(model.numPolicies());
        return "read";
      } catch (ModelInputException refused) {
        assertThat(refused.getMessage()).startsWith("damaged.json");
        return "refused";
      }
    });

    assertThat(outcome).isIn("read", "refused");
    Statistics.collect(outcome);
  }
}
