package io.freeagentics.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.broker.BrokerPersistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiveMqFoldersTest {

  @TempDir
  Path root;

  @Test
  void preparesTheThreeFoldersAndAConfigForTheHostAndPort() throws IOException {
    HiveMqFolders folders = HiveMqFolders.prepare(root, "127.0.0.1", 18_830, BrokerPersistence.FILE);

    assertThat(folders.config()).isDirectory().isEqualTo(root.resolve("conf"));
    assertThat(folders.data()).isDirectory();
    assertThat(folders.extensions()).isDirectory().isEmptyDirectory();
    String config = Files.readString(folders.config().resolve("config.xml"));
    assertThat(config).contains("<port>18830</port>", "<bind-address>127.0.0.1</bind-address>",
        "<mode>file</mode>", "<enabled>false</enabled>");
    assertThat(folders.config().resolve("logback.xml")).content().contains("ConsoleAppender");
  }

  @Test
  void rewritesTheConfigWhenThePortChanges() throws IOException {
    HiveMqFolders.prepare(root, "127.0.0.1", 1, BrokerPersistence.FILE);
    HiveMqFolders folders = HiveMqFolders.prepare(root, "127.0.0.1", 2, BrokerPersistence.MEMORY);
    assertThat(folders.config().resolve("config.xml")).content().contains("<port>2</port>")
        .contains("<mode>in-memory</mode>").doesNotContain("<port>1</port>", "<mode>file</mode>");
  }

  @Test
  void hostIsXmlEscaped() {
    assertThat(HiveMqFolders.configXml("a<b&c", 1, BrokerPersistence.FILE)).contains("<bind-address>a&lt;b&amp;c</bind-address>");
  }
}
