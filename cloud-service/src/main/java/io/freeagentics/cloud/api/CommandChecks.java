package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.CommandKind;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.ModelProblem;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.wire.ModelUpdate;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a {@link CommandRequest} beyond its constraints: the fields its kind needs (and no others), the
 * profile's settings, and the model file, read and validated by {@link ModelJson} (every problem of the model is
 * reported, each under {@code modelJson.<array>}).
 */
@Singleton
final class CommandChecks {
  private final JsonMapper json;

  CommandChecks(JsonMapper json) {
    this.json = json;
  }

  /**
   * Checks the request and returns the model file's compact JSON bytes for a MODEL_UPDATE (null for a profile
   * override).
   *
   * @throws InvalidRequestException listing every problem
   */
  byte[] check(CommandRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    byte[] modelBytes = null;
    if (request.kind() == CommandKind.MODEL_UPDATE) {
      if (request.model() == null) {
        problems.add(new FieldProblem("model", "a MODEL_UPDATE needs the model's name and version"));
      }
      if (request.profile() != null) {
        problems.add(new FieldProblem("profile", "is for a PROFILE_OVERRIDE, not a MODEL_UPDATE"));
      }
      if (request.modelJson() == null) {
        problems.add(new FieldProblem("modelJson", "a MODEL_UPDATE needs the model file (docs/model-format.md)"));
      } else if (!request.modelJson().isObject()) {
        problems.add(new FieldProblem("modelJson", "must be a JSON object (a model file, docs/model-format.md)"));
      } else {
        modelBytes = bytes(request);
        checkModel(modelBytes, problems);
      }
    } else {
      if (request.profile() == null) {
        problems.add(new FieldProblem("profile", "a PROFILE_OVERRIDE needs the profile id and settings"));
      }
      if (request.model() != null) {
        problems.add(new FieldProblem("model", "is for a MODEL_UPDATE, not a PROFILE_OVERRIDE"));
      }
      if (request.modelJson() != null) {
        problems.add(new FieldProblem("modelJson", "is for a MODEL_UPDATE, not a PROFILE_OVERRIDE"));
      }
      ProfileChecks.check("profile", request.profile(), problems);
    }
    if (request.model() != null && request.model().name() != null
        && request.model().name().getBytes(StandardCharsets.UTF_8).length > ModelUpdate.MAX_NAME_BYTES) {
      problems.add(new FieldProblem("model.name", "has more than " + ModelUpdate.MAX_NAME_BYTES + " UTF-8 bytes"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return modelBytes;
  }

  private byte[] bytes(CommandRequest request) {
    try {
      return json.writeValueAsBytes(request.modelJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write back a parsed JSON tree", e);
    }
  }

  private static void checkModel(byte[] bytes, List<FieldProblem> problems) {
    if (bytes.length > ModelUpdate.MAX_MODEL_BYTES) {
      problems.add(new FieldProblem("modelJson", "has " + bytes.length + " bytes as compact JSON, at most "
          + ModelUpdate.MAX_MODEL_BYTES + " fit in a command"));
      return;
    }
    try {
      ModelJson.parse(new String(bytes, StandardCharsets.UTF_8), "modelJson");
    } catch (ModelValidationException e) {
      for (ModelProblem problem : e.problems()) {
        problems.add(new FieldProblem("modelJson." + problem.array(),
            problem.location().isEmpty() ? problem.message() : problem.location() + ": " + problem.message()));
      }
    } catch (ModelInputException e) {
      problems.add(new FieldProblem("modelJson", e.getMessage()));
    }
  }
}
