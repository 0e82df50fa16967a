package io.freeagentics.cloud.mqttauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoAuthFilesTest {

  @TempDir
  Path folder;

  @Test
  void writesOneHashedLinePerLoginAndAnOwnerOnlyPasswordFile() throws IOException {
    MosquittoAuthPaths paths = MosquittoAuthFiles.write(folder.resolve("auth"), new CloudCredentials("fa-cloud", "c"),
        new DeviceCredentials("f1", "d1", "p1"), new DeviceCredentials("f1", "d2", "p2"));

    List<String> lines = Files.readAllLines(paths.passwordFile());
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("fa-cloud:$7$1000$");
    assertThat(lines.get(1)).startsWith("f1/d1:$7$1000$");
    assertThat(lines.get(2)).startsWith("f1/d2:$7$1000$");
    assertThat(String.join("\n", lines)).doesNotContain(":p1", ":p2");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.passwordFile())))
        .isEqualTo("rw-------");
    assertThat(paths.aclFile()).content().contains("user f1/d1", "user f1/d2", "user fa-cloud");
    try (var leftovers = Files.list(paths.passwordFile().getParent())) {
      assertThat(leftovers.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("passwords", "acl");
    }
  }

  @Test
  void rewritingReplacesTheFiles() throws IOException {
    CloudCredentials cloud = new CloudCredentials("fa-cloud", "c");
    MosquittoAuthFiles.write(folder, cloud, new DeviceCredentials("f1", "gone", "p"));
    MosquittoAuthPaths paths = MosquittoAuthFiles.write(folder, cloud, new DeviceCredentials("f1", "d1", "p"));
    assertThat(paths.passwordFile()).content().doesNotContain("f1/gone");
    assertThat(paths.aclFile()).content().doesNotContain("f1/gone");
  }

  @Test
  void duplicateDevicesAreRejectedNamingThem() {
    assertThatThrownBy(() -> MosquittoAuthFiles.write(folder, new CloudCredentials("fa-cloud", "c"),
        new DeviceCredentials("f1", "d1", "a"), new DeviceCredentials("f1", "d1", "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("device f1/d1 is listed twice");
  }

  @Test
  void listenerConfigNamesBothFilesAndRefusesAnonymousClients() throws IOException {
    MosquittoAuthPaths paths = MosquittoAuthFiles.write(folder, new CloudCredentials("fa-cloud", "c"));
    String config = new MosquittoListenerConfig("127.0.0.1", 18_840, paths, Optional.of("alice")).render();
    assertThat(config.lines()).contains("allow_anonymous false", "password_file " + paths.passwordFile(),
        "acl_file " + paths.aclFile(), "user alice", "listener 18840 127.0.0.1", "per_listener_settings false");
    assertThatThrownBy(() -> new MosquittoListenerConfig("127.0.0.1", 0, paths, Optional.empty()))
        .hasMessage("port must be in 1..65535, got 0");
  }
}
