package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.edge.EdgeProfileSettings;
import io.freeagentics.profiles.DeviceProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSupportTest {
  @TempDir Path dir;

  @Test
  void aSnapshotReadsBackAsTheProfilesSettings() throws Exception {
    for (String id : DeviceProfiles.builtInIds()) {
      EdgeProfileSettings settings = ProfileSupport.settings(id, ProfileSupport.load(id));
      Path file = dir.resolve(id + ".snapshot");
      ProfileSupport.writeSnapshot(settings, file);
      assertThat(ProfileSupport.readSnapshot(file, id)).as(id).isEqualTo(settings);
    }
  }

  @Test
  void aSnapshotIsOnlyTrustedForItsOwnProfileAndWhenComplete() throws Exception {
    Path file = dir.resolve("sim.snapshot");
    ProfileSupport.writeSnapshot(ProfileSupport.settings("sim", ProfileSupport.load("sim")), file);
    assertThatThrownBy(() -> ProfileSupport.readSnapshot(file, "rpi-5")).isInstanceOf(IOException.class)
        .hasMessageContaining("is for profile 'sim', not 'rpi-5'");
    Files.writeString(file, Files.readString(file).replaceAll("(?m)^tick\\.maxMs=.*$", ""));
    assertThatThrownBy(() -> ProfileSupport.readSnapshot(file, "sim")).isInstanceOf(IOException.class)
        .hasMessageContaining("tick.maxMs");
  }
}
