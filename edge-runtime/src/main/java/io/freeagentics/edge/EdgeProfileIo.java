package io.freeagentics.edge;

import com.pi4j.context.Context;
import io.freeagentics.edge.internal.ActionVote;
import io.freeagentics.edge.internal.ActuatorChannel;
import io.freeagentics.edge.internal.SensorChannel;
import io.freeagentics.edge.internal.WiringFit;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.profiles.ActuatorMapping;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.SensorMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The device's own sensors and actuators, as its profile wires them, through Pi4J: GPIO sensors as digital inputs,
 * I2C sensors as 16-bit register reads, each coded to an outcome by the profile's coding; GPIO actuators as digital
 * outputs and PWM actuators as duty cycles, set to the profile's value for the chosen action.
 *
 * <p>The device has one set of sensors and actuators, and every agent it hosts shares them: the sensors are read
 * once per tick ({@link #beginTick}) into one observation vector that every agent observes, and each actuator is
 * driven at the end of the tick by the action most of the agents that acted chose for its factor (a tie goes to the
 * lowest action index); when no agent acted, the outputs stay as they were. A sensor that fails fails the tick's
 * observation for every agent (one error per tick, naming the sensors). Actuators are off (low, 0 %) until the
 * first action and after {@link #close()}.
 *
 * <p>The model must fit the wiring ({@link WiringFit}): its modalities are the profile's sensor modalities with the
 * same outcome counts, and each factor with more than one control is followed by actuators with one value per
 * action.
 */
public final class EdgeProfileIo implements EdgeIo {
  private final Context pi4j;
  private final String profileId;
  private final int agents;
  private final List<SensorChannel> sensors;
  private final List<ActuatorChannel> actuators;
  private final int[] observation;
  private final ActionVote vote;
  /** The action each actuator last carried out, or -1 before its first successful write. */
  private final int[] applied;
  private final boolean[] wrote;
  private boolean observed;

  /**
   * Opens the profile's sensors and actuators in {@code pi4j}, which this I/O then owns and shuts down on
   * {@link #close()} (also when opening fails).
   *
   * @throws IllegalArgumentException when the model does not fit the profile's wiring (the message names every
   *     mismatch, the model and the profile) or {@code agents < 1}
   * @throws EdgeIoException when Pi4J cannot open a sensor or actuator (named)
   */
  public EdgeProfileIo(DeviceProfile profile, GenerativeModel model, int agents, Context pi4j) throws EdgeIoException {
    if (profile == null || model == null || pi4j == null) {
      throw new IllegalArgumentException("profile, model and pi4j must not be null");
    }
    boolean opened = false;
    try {
      if (agents < 1) {
        throw new IllegalArgumentException("agents must be at least 1 but was " + agents);
      }
      List<String> problems = WiringFit.problems(profile, model);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(WiringFit.describe(profile, model, problems));
      }
      this.pi4j = pi4j;
      this.profileId = profile.id();
      this.agents = agents;
      List<SensorChannel> openedSensors = new ArrayList<>();
      for (SensorMapping sensor : profile.sensors()) {
        openedSensors.add(SensorChannel.open(pi4j, sensor));
      }
      List<ActuatorChannel> openedActuators = new ArrayList<>();
      for (ActuatorMapping actuator : profile.actuators()) {
        openedActuators.add(ActuatorChannel.open(pi4j, actuator));
      }
      this.sensors = List.copyOf(openedSensors);
      this.actuators = List.copyOf(openedActuators);
      this.observation = new int[model.numModalities()];
      this.vote = new ActionVote(profile.controlActions());
      this.applied = new int[actuators.size()];
      Arrays.fill(applied, -1);
      this.wrote = new boolean[agents];
      opened = true;
    } finally {
      if (!opened) {
        pi4j.shutdown();
      }
    }
  }

  /** Reads every sensor once: the observation of every agent in this tick. */
  @Override
  public void beginTick(long tick) throws EdgeIoException {
    observed = false;
    vote.clear();
    Arrays.fill(wrote, false);
    List<EdgeIoException> failures = new ArrayList<>();
    for (SensorChannel sensor : sensors) {
      try {
        observation[sensor.modality()] = sensor.readOutcome();
      } catch (EdgeIoException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw combined("tick " + tick + ": ", failures);
    }
    observed = true;
  }

  @Override
  public void read(int agent, int[] observationOut) throws EdgeIoException {
    checkAgent(agent);
    if (!observed) {
      throw new EdgeIoException("no observation this tick: the sensors of profile " + profileId + " were not read");
    }
    System.arraycopy(observation, 0, observationOut, 0, observation.length);
  }

  /** Casts the agent's action; the actuators move at {@link #endTick}. */
  @Override
  public void write(int agent, int[] action) {
    checkAgent(agent);
    if (wrote[agent]) {
      throw new IllegalStateException("agent " + agent + " already acted in this tick");
    }
    vote.cast(action);
    wrote[agent] = true;
  }

  /** Drives every actuator with its factor's majority action, when any agent acted. */
  @Override
  public void endTick(long tick) throws EdgeIoException {
    if (vote.voters() == 0) {
      return;
    }
    List<EdgeIoException> failures = new ArrayList<>();
    for (int i = 0; i < actuators.size(); i++) {
      ActuatorChannel actuator = actuators.get(i);
      int action = vote.winner(actuator.factor());
      if (action == applied[i]) {
        continue;
      }
      try {
        applied[i] = -1;
        actuator.apply(action);
        applied[i] = action;
      } catch (EdgeIoException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw combined("tick " + tick + ": ", failures);
    }
  }

  @Override
  public String description() {
    return "profile I/O of " + profileId + " through Pi4J (sensors " + sensors.stream().map(SensorChannel::label)
        .collect(Collectors.joining(", ")) + "; actuators " + actuators.stream().map(ActuatorChannel::label)
        .collect(Collectors.joining(", "))
        + "; " + agents + " agents share them: one reading per tick, majority action)";
  }

  @Override
  public void close() {
    pi4j.shutdown();
  }

  private void checkAgent(int agent) {
    if (agent < 0 || agent >= agents) {
      throw new IllegalArgumentException("agent must be in 0.." + (agents - 1) + " but was " + agent);
    }
  }

  private static EdgeIoException combined(String prefix, List<EdgeIoException> failures) {
    EdgeIoException first = failures.get(0);
    EdgeIoException combined = new EdgeIoException(prefix + failures.stream().map(Throwable::getMessage)
        .collect(Collectors.joining("; ")), first);
    failures.stream().skip(1).forEach(combined::addSuppressed);
    return combined;
  }
}
