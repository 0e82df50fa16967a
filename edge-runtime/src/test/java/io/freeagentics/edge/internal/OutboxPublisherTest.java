package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.EdgeOutboxMessage;
import io.freeagentics.edge.EdgeOutgoing;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStoreConfig;
import io.freeagentics.edge.EdgeStoreException;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxPublisherTest {
  private static final int MAX_ATTEMPTS = 3;

  @TempDir
  Path dir;
  private EdgeStateStore store;
  private FakeSyncLink link;
  private OutboxFramer framer;

  @BeforeEach
  void open() throws EdgeStoreException {
    store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults().withMaxAttempts(MAX_ATTEMPTS));
    link = new FakeSyncLink();
    framer = new OutboxFramer("fleet-1", store.deviceId(), 256);
  }

  @AfterEach
  void close() throws EdgeStoreException {
    store.close();
  }

  static byte[] telemetryFrame(long sequence, long timestamp) {
    return WireCodec.encode(new Telemetry(new MessageHeader("producer", sequence, timestamp), OptionalInt.of(500),
        false, OptionalInt.empty(), 1000, 4, 0, 100, 1024, 4096));
  }

  @Test
  void acknowledgedMessagesLeaveTheOutboxStampedWithDeviceAndRowIdUnderTheirKind() throws Exception {
    store.enqueue(List.of(new EdgeOutgoing("telemetry", telemetryFrame(0, 1234), 1),
        new EdgeOutgoing("tick", "{\"tick\":1}".getBytes(StandardCharsets.UTF_8), 0)));
    List<EdgeOutboxMessage> rows = store.pending(10);
    link.connect("will", new byte[] {1});

    OutboxPublisher.Pass pass = new OutboxPublisher(store, link, framer, 10, 1000).publishBatch();

    assertThat(pass.delivered()).isEqualTo(2);
    assertThat(store.outboxStats().depth()).isZero();
    List<FakeSyncLink.Published> published = link.published();
    assertThat(published).extracting(FakeSyncLink.Published::topic).containsExactly(
        "fa/v1/fleet-1/" + store.deviceId() + "/telemetry", "fa/v1/fleet-1/" + store.deviceId() + "/tick");
    WireMessage telemetry = WireCodec.decode(published.get(0).payload());
    assertThat(telemetry.header()).isEqualTo(new MessageHeader(store.deviceId(), rows.get(0).id(), 1234));
    assertThat(new String(published.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"tick\":1}");
    assertThat(published).noneMatch(FakeSyncLink.Published::retained);
  }

  @Test
  void neverMoreInFlightThanTheLimitAndEveryMessageIsDeliveredInOrder() throws Exception {
    List<EdgeOutgoing> outgoing = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      outgoing.add(new EdgeOutgoing("telemetry", telemetryFrame(0, i), 0));
    }
    store.enqueue(outgoing);
    link.connect("will", new byte[] {1});
    OutboxPublisher publisher = new OutboxPublisher(store, link, framer, 4, 1000);

    int passes = 0;
    while (publisher.publishBatch().taken() > 0) {
      passes++;
    }

    assertThat(passes).isEqualTo(7);
    assertThat(link.maxOutstanding()).isEqualTo(4);
    assertThat(link.published()).hasSize(25);
    List<Long> sequences = new ArrayList<>();
    for (FakeSyncLink.Published p : link.published()) {
      sequences.add(WireCodec.decode(p.payload()).header().sequence());
    }
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aLostConnectionCountsNoAttemptAndKeepsTheMessagesForTheNextConnection() throws Exception {
    List<EdgeOutgoing> outgoing = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      outgoing.add(new EdgeOutgoing("telemetry", telemetryFrame(0, i), 0));
    }
    store.enqueue(outgoing);
    link.dropAfter(3).connect("will", new byte[] {1});
    OutboxPublisher publisher = new OutboxPublisher(store, link, framer, 10, 1000);

    OutboxPublisher.Pass broken = publisher.publishBatch();

    assertThat(broken.connectionFault()).isTrue();
    assertThat(broken.delivered()).isZero();
    assertThat(store.pending(10)).hasSize(6).allMatch(m -> m.attempts() == 0);
    link.connect("will", new byte[] {1});
    assertThat(publisher.publishBatch().delivered()).isEqualTo(6);
    assertThat(store.outboxStats().depth()).isZero();
    // The three sent before the drop went again with the same sequences: the cloud drops the copies.
    List<Long> sequences = new ArrayList<>();
    for (FakeSyncLink.Published p : link.published()) {
      sequences.add(WireCodec.decode(p.payload()).header().sequence());
    }
    assertThat(sequences.subList(0, 3)).isEqualTo(sequences.subList(3, 6));
  }

  @Test
  void poisonMessagesGoToTheDeadLettersAfterTheAttemptLimitWhileTheOthersAreDelivered() throws Exception {
    byte[] corrupt = telemetryFrame(0, 1);
    corrupt[corrupt.length - 1] ^= 0x55;
    store.enqueue(List.of(new EdgeOutgoing("bad#kind", new byte[] {1}, 2),
        new EdgeOutgoing("telemetry", corrupt, 2), new EdgeOutgoing("telemetry", new byte[300], 2),
        new EdgeOutgoing("refused", new byte[] {2}, 2), new EdgeOutgoing("telemetry", telemetryFrame(0, 2), 0)));
    link.refuseTopicsContaining("/refused").connect("will", new byte[] {1});
    OutboxPublisher publisher = new OutboxPublisher(store, link, framer, 10, 1000);

    int deadLettered = 0;
    for (int pass = 0; pass < MAX_ATTEMPTS; pass++) {
      deadLettered += publisher.publishBatch().deadLettered();
    }

    assertThat(deadLettered).isEqualTo(4);
    assertThat(store.outboxStats().depth()).isZero();
    assertThat(store.deadLetters()).extracting(d -> d.reason()).satisfiesExactly(
        r -> assertThat(r).contains("'bad#kind' is not a topic token"),
        r -> assertThat(r).contains("corrupt wire frame"),
        r -> assertThat(r).contains("300 bytes exceeds the limit of 256"),
        r -> assertThat(r).contains("refused topic"));
    assertThat(store.deadLetters()).allMatch(d -> d.message().attempts() == MAX_ATTEMPTS);
    assertThat(link.published()).hasSize(1);
  }

  @Test
  void reframingARowGivesTheSameBytes() throws Exception {
    store.enqueue(List.of(new EdgeOutgoing("telemetry", telemetryFrame(99, 5), 0)));
    EdgeOutboxMessage row = store.pending(1).get(0);
    assertThat(framer.frame(row).payload()).isEqualTo(framer.frame(row).payload());
  }

  @Test
  void anEventIsStampedWithItsRowIdLikeEveryFrameAndKeepsItsKindAndBody() throws Exception {
    byte[] event = WireCodec.encode(new DeviceEvent(new MessageHeader("producer", 0, 77), "error",
        "{\"event\":\"error\"}"));
    store.enqueue(List.of(new EdgeOutgoing("events", event, 5)));
    EdgeOutboxMessage row = store.pending(1).get(0);
    assertThat(WireCodec.decode(framer.frame(row).payload())).isEqualTo(new DeviceEvent(
        new MessageHeader(store.deviceId(), row.id(), 77), "error", "{\"event\":\"error\"}"));
  }

  @Test
  void aFrameThatDoesNotDecodeIsNamedInTheReason() {
    byte[] frame = telemetryFrame(1, 1);
    frame[3] = 0;
    EdgeOutboxMessage row = new EdgeOutboxMessage(1, "telemetry", frame, 0, 0, 0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> framer.frame(row))
        .isInstanceOf(OutboxFramer.PoisonMessage.class).hasMessageContaining("corrupt wire frame");
  }

  static long sequenceOf(byte[] frame) throws WireFormatException {
    return WireCodec.decode(frame).header().sequence();
  }
}
