package io.freeagentics.model.json;

import static io.freeagentics.model.ModelAssertions.assertIdenticalModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.RandomModels;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Writing a model and reading the text back gives the identical model. */
class ModelJsonRoundTripPropertyTest {
  @Provide
  Arbitrary<GenerativeModel> models() {
    return RandomModels.validModels();
  }

  @Property(tries = 300)
  void writeThenParseGivesTheSameModel(@ForAll("models") GenerativeModel model) throws Exception {
    String json = ModelJson.write(model);
    GenerativeModel back = ModelJson.parse(json, "written");

    assertIdenticalModel(back, model);
    assertThat(ModelJson.write(back)).isEqualTo(json);
    Statistics.label("factors x modalities").collect(model.numFactors() + "x" + model.numModalities());
    Statistics.label("optional parts").collect((model.e().isPresent() ? "E " : "") + (model.pA().isPresent() ? "pA " : "")
        + (model.pB().isPresent() ? "pB " : "") + "policy_len " + model.policyLength());
  }

  @Example
  void builtInModelsRoundTrip() throws Exception {
    for (GenerativeModel model : new GenerativeModel[] {BuiltInModels.tmaze(), BuiltInModels.grid(4),
        BuiltInModels.grid(3, 0.25)}) {
      assertIdenticalModel(ModelJson.parse(ModelJson.write(model), "written"), model);
    }
  }
}
