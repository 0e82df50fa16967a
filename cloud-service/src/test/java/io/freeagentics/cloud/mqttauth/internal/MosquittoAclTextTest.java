package io.freeagentics.cloud.mqttauth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.mqttauth.CloudCredentials;
import io.freeagentics.cloud.mqttauth.DeviceCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

class MosquittoAclTextTest {

  @Test
  void deviceBlockGrantsExactlyItsOwnTopics() {
    String acl = MosquittoAclText.render(new CloudCredentials("fa-cloud", "c"),
        List.of(new DeviceCredentials("f1", "d1", "p")));

    String deviceBlock = acl.substring(acl.indexOf("user f1/d1"));
    assertThat(deviceBlock.strip().lines()).containsExactly(
        "user f1/d1",
        "topic write fa/v1/f1/d1/beliefs",
        "topic write fa/v1/f1/d1/telemetry",
        "topic write fa/v1/f1/d1/presence",
        "topic write fa/v1/f1/d1/command-ack",
        "topic write fa/v1/f1/d1/events",
        "topic read fa/v1/f1/d1/command",
        "topic read fa/v1/f1/d1/ack");
  }

  @Test
  void cloudReadsEveryUplinkAndWritesEveryDownlink() {
    String acl = MosquittoAclText.render(new CloudCredentials("fa-cloud", "c"), List.of());

    assertThat(acl.lines().filter(line -> !line.startsWith("#") && !line.isBlank())).containsExactly(
        "user fa-cloud",
        "topic read fa/v1/+/+/beliefs",
        "topic read fa/v1/+/+/telemetry",
        "topic read fa/v1/+/+/presence",
        "topic read fa/v1/+/+/command-ack",
        "topic read fa/v1/+/+/events",
        "topic write fa/v1/+/+/command",
        "topic write fa/v1/+/+/ack");
  }

  @Test
  void noPatternOrDeviceWildcardIsEverWritten() {
    String acl = MosquittoAclText.render(new CloudCredentials("fa-cloud", "c"),
        List.of(new DeviceCredentials("f1", "d1", "p"), new DeviceCredentials("f2", "d9", "q")));
    assertThat(acl).doesNotContain("pattern", "%u", "%c", "#\n");
    assertThat(acl.lines().filter(line -> line.startsWith("topic") && line.contains("+")))
        .allMatch(line -> line.contains("fa/v1/+/+/")).hasSize(7);
  }
}
