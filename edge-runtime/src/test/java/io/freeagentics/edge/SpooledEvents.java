package io.freeagentics.edge;

import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/** The device events a runtime spooled, decoded from its outbox (tests). */
final class SpooledEvents {
  private SpooledEvents() {}

  /** The pending {@code events} rows of {@code store} (up to 1,000) whose kind is {@code kind}, oldest first. */
  static List<DeviceEvent> of(EdgeStateStore store, String kind) throws EdgeStoreException, WireFormatException {
    List<DeviceEvent> events = new ArrayList<>();
    for (EdgeOutboxMessage message : store.pending(1000)) {
      if (message.topic().equals(EdgeRuntime.EVENTS_KIND)
          && WireCodec.decode(message.payload()) instanceof DeviceEvent event && event.kind().equals(kind)) {
        events.add(event);
      }
    }
    return events;
  }
}
