package io.freeagentics.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void zeroGivesAFreePort() throws IOException {
    int port = PortCheck.freePort("127.0.0.1", 0);
    assertThat(port).isBetween(1, 65_535);
  }

  @Test
  void takenPortIsNamedWithTheHintToChooseAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> PortCheck.freePort("127.0.0.1", port))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
          .hasMessageContaining("--port");
    }
  }

  @Test
  void unknownHostIsNamed() {
    assertThatThrownBy(() -> PortCheck.freePort("no-such-host.invalid", 0))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("--host 'no-such-host.invalid' is not a known host name or address");
  }
}
