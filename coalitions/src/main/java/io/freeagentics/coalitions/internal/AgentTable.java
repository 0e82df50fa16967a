package io.freeagentics.coalitions.internal;

import io.freeagentics.coalitions.Agent;
import java.util.Arrays;

/**
 * The agents of a formation in slots (primitive arrays indexed by slot), with what the pair kernel needs cached:
 * capability bits, the distribution and its sum of p·ln p. Slots of agents that left are reused.
 */
final class AgentTable {
  final LongIntHashMap slotOfId;
  Agent[] agent;
  long[] id;
  long[] cell;
  /** The cell each agent reported (possibly finer than the index resolution). */
  long[] agentCell;
  long[] caps;
  /** Preferred-outcome distributions, {@code stride} values per slot. */
  double[] dist;
  int stride;
  double[] plogp;
  int[] bucket;
  boolean[] alive;
  private int[] free = new int[16];
  private int freeCount;
  int slots;
  int live;

  AgentTable(int capacity) {
    int c = Math.max(16, capacity);
    slotOfId = new LongIntHashMap(c);
    agent = new Agent[c];
    id = new long[c];
    cell = new long[c];
    agentCell = new long[c];
    caps = new long[c];
    dist = new double[0];
    plogp = new double[c];
    bucket = new int[c];
    alive = new boolean[c];
  }

  int capacity() {
    return id.length;
  }

  /** A slot for a new agent (reused or appended); grows the arrays when needed. */
  int allocate(long agentId) {
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (slots == id.length) {
        grow(id.length * 2);
      }
      s = slots++;
    }
    alive[s] = true;
    slotOfId.put(agentId, s);
    id[s] = agentId;
    live++;
    return s;
  }

  void release(int s) {
    slotOfId.remove(id[s]);
    alive[s] = false;
    agent[s] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = s;
    live--;
  }

  /** Stores the agent's attributes (its id is already the slot's). */
  void set(int s, Agent a, long indexedCell) {
    agent[s] = a;
    cell[s] = indexedCell;
    agentCell[s] = a.cell();
    caps[s] = a.capabilities();
    if (stride == 0) {
      stride = a.outcomes();
      dist = new double[id.length * stride];
    }
    double sum = 0;
    int base = s * stride;
    for (int o = 0; o < stride; o++) {
      double x = a.preferredOutcome(o);
      dist[base + o] = x;
      if (x > 0) {
        sum += x * Math.log(x);
      }
    }
    plogp[s] = sum;
  }

  private void grow(int c) {
    agent = Arrays.copyOf(agent, c);
    id = Arrays.copyOf(id, c);
    cell = Arrays.copyOf(cell, c);
    agentCell = Arrays.copyOf(agentCell, c);
    caps = Arrays.copyOf(caps, c);
    dist = Arrays.copyOf(dist, c * stride);
    plogp = Arrays.copyOf(plogp, c);
    bucket = Arrays.copyOf(bucket, c);
    alive = Arrays.copyOf(alive, c);
  }
}
