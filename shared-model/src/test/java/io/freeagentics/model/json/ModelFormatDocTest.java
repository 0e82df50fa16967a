package io.freeagentics.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example in {@code docs/model-format.md} is a valid model and means what the text says. */
class ModelFormatDocTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  private static List<String> jsonBlocks() throws Exception {
    Path doc = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/model-format.md")
        .normalize();
    Matcher matcher = JSON_BLOCK.matcher(Files.readString(doc));
    List<String> blocks = new ArrayList<>();
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  @Test
  void theExampleIsAValidModel() throws Exception {
    List<String> blocks = jsonBlocks();
    assertThat(blocks).hasSize(1);

    GenerativeModel model = ModelJson.parse(blocks.get(0), "docs/model-format.md");

    assertThat(model.name()).isEqualTo("switch");
    assertThat(model.a(0).get(0, 1)).isEqualTo(0.2);
    assertThat(model.b(0).get(1, 0, 1)).isEqualTo(1.0);
    assertThat(model.b(0).get(0, 0, 0)).isEqualTo(1.0);
    assertThat(model.policies()).isEqualTo(Policies.enumerate(new int[] {2}, 1, null));
  }
}
