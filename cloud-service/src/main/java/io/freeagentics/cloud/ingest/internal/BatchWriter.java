package io.freeagentics.cloud.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread: takes what the MQTT callbacks queued, up to {@code maxBatch} messages at a time (whatever
 * arrived while the previous batch was being written, so batches grow with the load and the latency stays low at
 * light load), and hands each batch to the {@link IngestPipeline}.
 */
public final class BatchWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

  private final BlockingQueue<Inbound> queue;
  private final IngestPipeline pipeline;
  private final int maxBatch;
  private final Thread thread;
  private volatile boolean closed;

  public BatchWriter(BlockingQueue<Inbound> queue, IngestPipeline pipeline, int maxBatch, String threadName) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("fa.ingest.max-batch must be positive but was " + maxBatch);
    }
    this.queue = queue;
    this.pipeline = pipeline;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    List<Inbound> batch = new ArrayList<>(maxBatch);
    while (!closed) {
      try {
        Inbound first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
        }
        pipeline.process(batch);
      } catch (InterruptedException e) {
        LOG.info("ingest writer stopped; {} queued messages stay unacknowledged and are redelivered",
            queue.size() + batch.size());
        return;
      } catch (RuntimeException e) {
        // A bug, not bad input (bad input is counted inside): log it and leave these messages unacknowledged, so
        // the broker redelivers them after a reconnect rather than losing them.
        LOG.error("ingest writer failed on a batch of {} messages (left unacknowledged)", batch.size(), e);
      }
      batch.clear();
    }
  }

  @Override
  public void close() {
    closed = true;
    pipeline.stop();
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
