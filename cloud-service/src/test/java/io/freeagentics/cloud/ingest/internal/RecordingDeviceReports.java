package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the ingest hands over; can be told to fail the next calls. */
public final class RecordingDeviceReports implements DeviceReports {
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final AtomicInteger failuresLeft = new AtomicInteger();

  private void maybeFail() {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("registry down (test)");
    }
  }

  @Override
  public void seen(String fleet, String device, long receivedAtMillis) {
    maybeFail();
    calls.add("seen " + fleet + "/" + device);
  }

  @Override
  public void telemetry(String fleet, String device, Telemetry telemetry, long receivedAtMillis) {
    calls.add("telemetry " + fleet + "/" + device + " " + telemetry.header().sequence());
  }

  @Override
  public void presence(String fleet, String device, Presence presence, long receivedAtMillis) {
    calls.add("presence " + fleet + "/" + device + " " + presence.online());
  }

  @Override
  public void commandAck(String fleet, String device, CommandAck ack, long receivedAtMillis) {
    calls.add("command-ack " + fleet + "/" + device + " " + ack.commandId() + " " + ack.status());
  }

  public long count(String prefix) {
    return calls.stream().filter(c -> c.startsWith(prefix)).count();
  }
}
