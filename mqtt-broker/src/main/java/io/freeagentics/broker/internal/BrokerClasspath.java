package io.freeagentics.broker.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the classpath of the broker's child JVM, in this order:
 * <ol>
 *   <li>system property {@value #PROPERTY}, else environment variable {@value #ENV}: the whole classpath, as given;
 *   <li>otherwise the folder or jar this class was loaded from (mqtt-broker's classes) followed by the jars listed
 *       in the resource {@value #RESOURCE} next to this class, which the mqtt-broker build writes
 *       (maven-dependency-plugin build-classpath: absolute paths into the local Maven repository).
 * </ol>
 * A module that depends on mqtt-broker for the launcher gets none of the broker's libraries (they are optional
 * dependencies there) yet can start the broker, because the list travels with mqtt-broker's classes. JDK-only.
 */
public final class BrokerClasspath {

  /** System property holding the child's whole classpath (overrides the recorded one). */
  public static final String PROPERTY = "fa.broker.classpath";
  /** Environment variable holding the child's whole classpath (overrides the recorded one). */
  public static final String ENV = "FA_BROKER_CLASSPATH";
  /** The classpath list the build writes next to this class. */
  public static final String RESOURCE = "broker-runtime.classpath";

  private BrokerClasspath() {}

  /**
   * The child's classpath, every entry checked to exist.
   *
   * @throws IOException naming the missing entry, or the missing list, and how to fix it
   */
  public static String resolve() throws IOException {
    return resolve(System::getProperty, System::getenv);
  }

  static String resolve(Function<String, String> properties, Function<String, String> environment)
      throws IOException {
    String given = properties.apply(PROPERTY);
    String source = "system property " + PROPERTY;
    if (given == null || given.isBlank()) {
      given = environment.apply(ENV);
      source = "environment variable " + ENV;
    }
    List<String> entries = new ArrayList<>();
    if (given != null && !given.isBlank()) {
      entries.addAll(split(given));
    } else {
      source = "the mqtt-broker build's " + RESOURCE + " (and " + ownLocation() + ")";
      entries.add(ownLocation().toString());
      entries.addAll(split(recordedList()));
    }
    for (String entry : entries) {
      if (!Files.exists(Path.of(entry))) {
        throw new IOException("the embedded broker's classpath from " + source + " names " + entry
            + ", which does not exist: rebuild the broker (mvn -pl mqtt-broker install, or ./fa broker --help)"
            + " or set " + ENV + " to its classpath (.fa/build/mqtt-broker.classpath after ./fa broker --help)");
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static List<String> split(String classpath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classpath.strip().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry.strip());
      }
    }
    return entries;
  }

  private static String recordedList() throws IOException {
    try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + RESOURCE + " next to " + BrokerClasspath.class.getName() + " in "
            + ownLocation() + ": mqtt-broker was not built by Maven (mvn -pl mqtt-broker install); or set "
            + PROPERTY + " / " + ENV + " to the broker's classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path ownLocation() throws IOException {
    CodeSource source = BrokerClasspath.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IOException("cannot tell where " + BrokerClasspath.class.getName() + " was loaded from; set "
          + PROPERTY + " or " + ENV + " to the embedded broker's classpath");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot use the location " + source.getLocation() + " of "
          + BrokerClasspath.class.getName() + " as a classpath entry; set " + PROPERTY + " or " + ENV, e);
    }
  }
}
