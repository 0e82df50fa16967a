package io.freeagentics.edge;

/**
 * The runtime's sensors and actuators, per agent. In each tick the runtime calls {@link #beginTick}, then
 * {@link #read} for every agent, then {@link #write} for every agent that acted, then {@link #endTick}. A failing
 * read skips that agent's observation for the tick (logged and reported), a failing write is logged and reported;
 * neither stops the runtime.
 */
public interface EdgeIo extends AutoCloseable {

  /** Called at the start of a tick, before any read. */
  void beginTick(long tick) throws EdgeIoException;

  /** Reads the agent's observation, one outcome index per modality, into {@code observationOut}. */
  void read(int agent, int[] observationOut) throws EdgeIoException;

  /** Drives the agent's actuators with its action, one index per control factor. */
  void write(int agent, int[] action) throws EdgeIoException;

  /** Called after the writes of a tick. */
  void endTick(long tick) throws EdgeIoException;

  /** What the I/O is, for log lines. */
  String description();

  @Override
  void close();
}
