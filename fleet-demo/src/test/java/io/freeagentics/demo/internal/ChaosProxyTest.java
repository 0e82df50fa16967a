package io.freeagentics.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChaosProxyTest {
  private ServerSocket echo;
  private Thread echoThread;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0);
    echoThread = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket socket = echo.accept();
          Thread worker = new Thread(() -> {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException e) {
              // the proxy cut the connection: what this test provokes
            }
          });
          worker.setDaemon(true);
          worker.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    echoThread.setDaemon(true);
    echoThread.start();
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  @Test
  void forwardsLargeTransfersBothWaysUnchanged() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start("127.0.0.1", echo.getLocalPort());
        Socket socket = new Socket("127.0.0.1", proxy.port())) {
      byte[] sent = new byte[1_000_000];
      new Random(7).nextBytes(sent);
      Thread writer = new Thread(() -> {
        try {
          socket.getOutputStream().write(sent);
          socket.getOutputStream().flush();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      writer.start();
      byte[] received = new byte[sent.length];
      new DataInputStream(socket.getInputStream()).readFully(received);
      writer.join();
      assertThat(received).isEqualTo(sent);
      assertThat(proxy.accepted()).isEqualTo(1);
    }
  }

  @Test
  void dropCutsEveryConnectionAndNewOnesStillWork() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start("127.0.0.1", echo.getLocalPort());
        Socket first = new Socket("127.0.0.1", proxy.port());
        Socket second = new Socket("127.0.0.1", proxy.port())) {
      roundTrip(first, 1);
      roundTrip(second, 2);
      proxy.drop(1.0, new Random(1));
      first.setSoTimeout(5000);
      second.setSoTimeout(5000);
      assertThatThrownBy(() -> {
        for (int i = 0; i < 100; i++) {
          roundTrip(first, 3);
        }
      }).isInstanceOf(IOException.class);
      assertThat(proxy.dropped()).isEqualTo(2);
      try (Socket third = new Socket("127.0.0.1", proxy.port())) {
        roundTrip(third, 4);
      }
    }
  }

  @Test
  void dropOfNothingCutsNothing() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start("127.0.0.1", echo.getLocalPort());
        Socket socket = new Socket("127.0.0.1", proxy.port())) {
      roundTrip(socket, 1);
      proxy.drop(0.0, new Random(1));
      roundTrip(socket, 2);
      assertThat(proxy.dropped()).isZero();
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ChaosProxy.start("127.0.0.1", 0)).hasMessageContaining("targetPort");
    assertThatThrownBy(() -> ChaosProxy.start(" ", 80)).hasMessageContaining("targetHost");
  }

  private static void roundTrip(Socket socket, int value) throws IOException {
    socket.getOutputStream().write(value);
    socket.getOutputStream().flush();
    int back = socket.getInputStream().read();
    if (back < 0) {
      throw new IOException("connection closed");
    }
    assertThat(back).isEqualTo(value);
  }
}
