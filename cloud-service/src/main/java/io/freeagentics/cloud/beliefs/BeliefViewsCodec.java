package io.freeagentics.cloud.beliefs;

import io.freeagentics.cloud.cache.ValueCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How cached belief lists are stored in Redis: a compact binary form that keeps every probability exactly (a
 * double each), so a value read from Redis equals the one the database gave. A device's latest beliefs of 25 grid:5
 * agents take about 6.3 KB.
 *
 * <pre>
 * byte  version (1)
 * int   views
 * views x { UTF fleet, UTF device, int agent, long tick, long sequence, long edgeMillis, long persistedMillis,
 *           byte factors, factors x { int states, states x double } }
 * </pre>
 *
 * Bytes of another version or shape fail with an {@link IOException}, which the cache counts and reloads.
 */
final class BeliefViewsCodec implements ValueCodec<List<AgentBeliefView>> {
  private static final int VERSION = 1;
  private static final int MAX_VIEWS = 1_000_000;
  private static final int MAX_FACTORS = 255;
  private static final int MAX_STATES = 1 << 16;

  @Override
  public byte[] encode(List<AgentBeliefView> views) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + views.size() * 256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(views.size());
      for (AgentBeliefView view : views) {
        out.writeUTF(view.fleet());
        out.writeUTF(view.device());
        out.writeInt(view.agent());
        out.writeLong(view.tick());
        out.writeLong(view.sequence());
        out.writeLong(view.edgeMillis());
        out.writeLong(view.persistedMillis());
        out.writeByte(view.numFactors());
        for (int f = 0; f < view.numFactors(); f++) {
          int states = view.numStates(f);
          out.writeInt(states);
          for (int s = 0; s < states; s++) {
            out.writeDouble(view.probability(f, s));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array stream cannot fail, but did", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public List<AgentBeliefView> decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    int version = in.readUnsignedByte();
    if (version != VERSION) {
      throw new IOException("cached beliefs have version " + version + ", expected " + VERSION);
    }
    int count = in.readInt();
    if (count < 0 || count > MAX_VIEWS) {
      throw new IOException("cached beliefs hold " + count + " views; 0 to " + MAX_VIEWS + " allowed");
    }
    List<AgentBeliefView> views = new ArrayList<>(Math.min(count, 1024));
    for (int v = 0; v < count; v++) {
      String fleet = in.readUTF();
      String device = in.readUTF();
      int agent = in.readInt();
      long tick = in.readLong();
      long sequence = in.readLong();
      long edgeMillis = in.readLong();
      long persistedMillis = in.readLong();
      int factors = in.readUnsignedByte();
      if (factors > MAX_FACTORS) {
        throw new IOException("view " + v + " has " + factors + " factors");
      }
      List<double[]> beliefs = new ArrayList<>(factors);
      for (int f = 0; f < factors; f++) {
        int states = in.readInt();
        if (states < 1 || states > MAX_STATES || states * 8L > in.available()) {
          throw new IOException("view " + v + " factor " + f + " has " + states + " states but "
              + in.available() + " bytes are left");
        }
        double[] p = new double[states];
        for (int s = 0; s < states; s++) {
          p[s] = in.readDouble();
        }
        beliefs.add(p);
      }
      try {
        views.add(new AgentBeliefView(fleet, device, agent, tick, sequence, edgeMillis, persistedMillis, beliefs));
      } catch (IllegalArgumentException e) {
        throw new IOException("view " + v + " is not a valid belief view: " + e.getMessage(), e);
      }
    }
    if (in.available() != 0) {
      throw new IOException("cached beliefs have " + in.available() + " trailing bytes");
    }
    return List.copyOf(views);
  }
}
