package io.freeagentics.cloud.ingest.internal;

/** Where the writer sends the acknowledgement of a stored beliefs message ({@code fa/v1/{fleet}/{device}/ack}). */
@FunctionalInterface
public interface AckSink {
  void acknowledge(String fleet, String device, long sequence);
}
