package io.freeagentics.edge;

import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.ProfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import io.freeagentics.cli.ProductVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa edge jvm-flags --profile P [--snapshot FILE]}: the profile's JVM flags, one per line, for the launcher
 * that starts the runtime's JVM with them (a JVM's heap, metaspace and compiler cannot change after it started);
 * with {@code --snapshot} it also writes the profile snapshot the device JVM reads instead of the profile JSON
 * (see {@link EdgeProfileSettings}).
 */
@Command(name = "jvm-flags", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class,
    description = "Prints the JVM flags of a device profile, one per line (used by ./fa edge run).")
public final class EdgeJvmFlagsCommand implements Callable<Integer> {
  @Option(names = "--profile", required = true, paramLabel = "PROFILE",
      description = "Built-in profile id or a profile JSON file.")
  private String profileName;

  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "Also write the validated profile's runtime settings to FILE (a properties file).")
  private Path snapshot;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try {
      DeviceProfile profile = ProfileSupport.load(profileName);
      if (snapshot != null) {
        ProfileSupport.writeSnapshot(ProfileSupport.settings(profileName, profile), snapshot);
      }
      profile.jvm().flags().forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (ProfileException e) {
      spec.commandLine().getErr().println("fa edge jvm-flags: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      spec.commandLine().getErr().println("fa edge jvm-flags: cannot write the snapshot " + snapshot + ": " + e);
      return 1;
    }
  }
}
