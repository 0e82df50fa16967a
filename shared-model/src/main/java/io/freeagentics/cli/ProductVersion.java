package io.freeagentics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The product version from the build, for every command's {@code --version}. */
public final class ProductVersion implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  /** The version the build stamped into the jar, for example {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build of " + ProductVersion.class);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"FreeAgentics Edge " + version() + " (Java " + Runtime.version() + ", "
        + System.getProperty("java.vm.name") + ")"};
  }
}
