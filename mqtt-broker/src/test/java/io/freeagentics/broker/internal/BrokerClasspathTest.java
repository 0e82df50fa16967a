package io.freeagentics.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerClasspathTest {

  @TempDir
  Path folder;

  @Test
  void systemPropertyWinsOverTheEnvironment() throws IOException {
    Path a = Files.createFile(folder.resolve("a.jar"));
    Path b = Files.createDirectory(folder.resolve("classes"));
    String classpath = BrokerClasspath.resolve(
        Map.of(BrokerClasspath.PROPERTY, a + File.pathSeparator + b)::get,
        Map.of(BrokerClasspath.ENV, "/nowhere.jar")::get);
    assertThat(classpath).isEqualTo(a + File.pathSeparator + b);
  }

  @Test
  void environmentIsUsedWhenThePropertyIsAbsent() throws IOException {
    Path a = Files.createFile(folder.resolve("a.jar"));
    String classpath = BrokerClasspath.resolve(Map.<String, String>of()::get,
        Map.of(BrokerClasspath.ENV, a.toString())::get);
    assertThat(classpath).isEqualTo(a.toString());
  }

  @Test
  void missingEntryIsNamedWithItsSourceAndTheFix() {
    String missing = folder.resolve("gone.jar").toString();
    assertThatThrownBy(() -> BrokerClasspath.resolve(Map.of(BrokerClasspath.PROPERTY, missing)::get,
        Map.<String, String>of()::get))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("system property fa.broker.classpath")
        .hasMessageContaining(missing)
        .hasMessageContaining("mvn -pl mqtt-broker install");
  }

  @Test
  void recordedListStartsWithTheModulesOwnClassesAndNamesExistingJars() throws IOException {
    // The Maven build of this module wrote the list next to BrokerClasspath (generate-resources).
    String classpath = BrokerClasspath.resolve(Map.<String, String>of()::get, Map.<String, String>of()::get);
    String[] entries = classpath.split(File.pathSeparator);
    assertThat(entries.length).isGreaterThan(1);
    assertThat(Path.of(entries[0], "io/freeagentics/broker/BrokerMain.class")).exists();
    assertThat(classpath).contains("hivemq-community-edition-embedded-2025.5.jar");
    assertThat(classpath).contains("picocli");
  }
}
