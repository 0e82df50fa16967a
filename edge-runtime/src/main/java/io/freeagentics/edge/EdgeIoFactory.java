package io.freeagentics.edge;

import io.freeagentics.edge.internal.Pi4jPlatforms;
import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.edge.internal.WiringFit;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.ProfileException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and opens the runtime's I/O ({@link EdgeIoSelection}): {@link EdgeSimulatedIo} for {@code simulated} and,
 * under {@code auto}, for the {@code sim} profile, a model that does not fit the profile's wiring, or a wiring whose
 * Pi4J providers are absent (off the board, where only mock inputs nobody drives would stand in for them);
 * {@link EdgeProfileIo} for {@code profile} and, under {@code auto}, on the board when the model fits. The choice
 * and its reason are logged in one start-up line ({@code I/O: ...}); the runtime's own start-up line repeats the
 * I/O's description.
 */
public final class EdgeIoFactory {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeIoFactory.class);
  /** The built-in profile of the development machine: its I/O is always simulated under {@code auto}. */
  static final String SIM_PROFILE = "sim";

  private EdgeIoFactory() {}

  /**
   * Opens the I/O for {@code agents} agents of {@code model} on the device {@code profile} describes; the wiring is
   * read from the profile itself ({@code profile.spec()}), only when the selection needs it.
   *
   * @throws IllegalArgumentException under {@code profile} when the model does not fit the profile's wiring (the
   *     message names every mismatch, the model and the profile)
   * @throws ProfileException when the profile's wiring cannot be read
   * @throws EdgeIoException when Pi4J cannot open the wiring
   */
  public static EdgeIo open(EdgeIoSelection selection, EdgeProfileSettings profile, GenerativeModel model, int agents,
      long seed) throws ProfileException, EdgeIoException {
    if (selection == null || profile == null || model == null) {
      throw new IllegalArgumentException("selection, profile and model must not be null");
    }
    return switch (selection) {
      case SIMULATED -> simulated(model, agents, seed, "--io simulated");
      case PROFILE -> profileIo(ProfileSupport.load(profile.spec()), model, agents, "--io profile");
      case AUTO -> auto(profile, model, agents, seed);
    };
  }

  /**
   * Opens {@link EdgeProfileIo} on the Pi4J platform the profile's wiring needs (hardware providers on the board,
   * Pi4J's mock providers standing in for them elsewhere).
   *
   * @throws IllegalArgumentException when the model does not fit the wiring
   * @throws EdgeIoException when Pi4J cannot open the wiring
   */
  public static EdgeProfileIo openProfileIo(DeviceProfile profile, GenerativeModel model, int agents)
      throws EdgeIoException {
    List<String> problems = WiringFit.problems(profile, model);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(WiringFit.describe(profile, model, problems));
    }
    return new EdgeProfileIo(profile, model, agents, Pi4jPlatforms.forProfile(profile).context());
  }

  private static EdgeIo auto(EdgeProfileSettings settings, GenerativeModel model, int agents, long seed)
      throws ProfileException, EdgeIoException {
    if (settings.id().equals(SIM_PROFILE)) {
      return simulated(model, agents, seed, "the sim profile; --io profile would read its mock wiring instead");
    }
    if (!onLinuxArm()) {
      // Checked before the profile's wiring is read: reading it loads the JSON and schema libraries (about 8 MB of
      // resident memory), which a device JVM off the board has no use for.
      return simulated(model, agents, seed, "not on an ARM Linux board (os.arch " + System.getProperty("os.arch")
          + "); --io profile runs the wiring on Pi4J mock providers, whose inputs nothing drives");
    }
    DeviceProfile profile = ProfileSupport.load(settings.spec());
    List<String> problems = WiringFit.problems(profile, model);
    if (!problems.isEmpty()) {
      return simulated(model, agents, seed, WiringFit.describe(profile, model, problems).replace(":\n  ", ": ")
          .replace("\n  ", "; "));
    }
    Pi4jPlatforms.Platform platform = Pi4jPlatforms.forProfile(profile);
    if (platform.mock()) {
      platform.context().shutdown();
      return simulated(model, agents, seed, "Pi4J has no " + Pi4jPlatforms.providers(profile) + " here (off the "
          + "board); --io profile runs the wiring on Pi4J mock providers, whose inputs nothing drives");
    }
    EdgeProfileIo io = new EdgeProfileIo(profile, model, agents, platform.context());
    LOG.info("I/O: {} (the model fits the wiring of profile {})", io.description(), profile.id());
    return io;
  }

  /** Whether this JVM runs on ARM Linux, where the profiles' boards are; anywhere else no wiring can be real. */
  static boolean onLinuxArm() {
    String arch = System.getProperty("os.arch", "");
    return System.getProperty("os.name", "").equals("Linux")
        && (arch.equals("aarch64") || arch.equals("arm") || arch.startsWith("armv"));
  }

  private static EdgeIo profileIo(DeviceProfile profile, GenerativeModel model, int agents, String reason)
      throws EdgeIoException {
    EdgeProfileIo io = openProfileIo(profile, model, agents);
    LOG.info("I/O: {} ({})", io.description(), reason);
    return io;
  }

  private static EdgeIo simulated(GenerativeModel model, int agents, long seed, String reason) {
    LOG.info("I/O: simulated world ({})", reason);
    return new EdgeSimulatedIo(model, agents, seed);
  }
}
