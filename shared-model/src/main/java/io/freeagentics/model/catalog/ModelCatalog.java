package io.freeagentics.model.catalog;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.json.ModelJson;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a model by the name a user gives on a command line or in a configuration: a built-in model
 * ({@code grid:N}, {@code tmaze}) or the path of a JSON model file ({@code docs/model-format.md}).
 */
public final class ModelCatalog {
  private static final String GRID_PREFIX = "grid:";
  private static final String TMAZE = "tmaze";

  private ModelCatalog() {}

  /** The names of the built-in models, as a help text shows them. */
  public static List<String> builtInNames() {
    return List.of(GRID_PREFIX + "N", TMAZE);
  }

  /**
   * The model a specification names: {@code grid:N} is the N x N grid world
   * ({@link BuiltInModels#grid(int)}, N from {@value BuiltInModels#MIN_GRID_SIDE} to
   * {@value BuiltInModels#MAX_GRID_SIDE}), {@code tmaze} pymdp's T-maze ({@link BuiltInModels#tmaze()}), anything
   * else the path of a JSON model file.
   *
   * @throws ModelInputException when the grid side is not a number in range, or the specification is neither a
   *     built-in name nor an existing file, or the file does not hold a valid model
   */
  public static GenerativeModel resolve(String spec) throws ModelInputException {
    if (spec == null || spec.isBlank()) {
      throw new ModelInputException("no model given; use one of " + describeBuiltIns() + " or a JSON model file");
    }
    if (spec.equals(TMAZE)) {
      return BuiltInModels.tmaze();
    }
    if (spec.startsWith(GRID_PREFIX)) {
      return BuiltInModels.grid(gridSide(spec));
    }
    Path file;
    try {
      file = Path.of(spec);
    } catch (InvalidPathException e) {
      throw new ModelInputException(unknown(spec, "it is not a valid file path (" + e.getReason() + ")"), e);
    }
    if (!Files.exists(file)) {
      throw new ModelInputException(unknown(spec, "no such file exists: " + file.toAbsolutePath()));
    }
    return ModelJson.read(file);
  }

  private static int gridSide(String spec) throws ModelInputException {
    String digits = spec.substring(GRID_PREFIX.length());
    int side;
    try {
      side = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new ModelInputException("model '" + spec + "': the grid side '" + digits + "' is not a whole number; use "
          + GRID_PREFIX + "N with N from " + BuiltInModels.MIN_GRID_SIDE + " to " + BuiltInModels.MAX_GRID_SIDE, e);
    }
    if (side < BuiltInModels.MIN_GRID_SIDE || side > BuiltInModels.MAX_GRID_SIDE) {
      throw new ModelInputException("model '" + spec + "': the grid side must be from " + BuiltInModels.MIN_GRID_SIDE
          + " to " + BuiltInModels.MAX_GRID_SIDE + " but is " + side);
    }
    return side;
  }

  private static String unknown(String spec, String reason) {
    return "unknown model '" + spec + "': it is not a built-in model (" + describeBuiltIns() + ") and " + reason;
  }

  private static String describeBuiltIns() {
    return GRID_PREFIX + "N with N from " + BuiltInModels.MIN_GRID_SIDE + " to " + BuiltInModels.MAX_GRID_SIDE
        + ", " + TMAZE;
  }
}
