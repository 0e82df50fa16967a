package io.freeagentics.edge;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.analog.AnalogInput;
import com.pi4j.io.gpio.analog.AnalogOutput;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.analog.MockAnalogInput;
import com.pi4j.plugin.mock.provider.gpio.analog.MockAnalogInputProvider;
import com.pi4j.plugin.mock.provider.gpio.analog.MockAnalogOutputProvider;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.sim.SimulatedWorld;
import java.util.Arrays;

/**
 * Off-device sensors and actuators: Pi4J's mock platform, with one mock analog input per agent and modality
 * (its value is the outcome index) and one mock analog output per agent and control factor (its value is the
 * action). A {@link SimulatedWorld} of the agents' own model drives the inputs at the start of each tick and moves
 * by the values the agents wrote to the outputs at its end, so what the agents do changes what they observe next:
 * the runtime's loop runs through the same Pi4J I/O objects as on a board.
 */
public final class EdgeSimulatedIo implements EdgeIo {
  private final Context pi4j;
  private final SimulatedWorld world;
  private final int modalities;
  private final int factors;
  private final MockAnalogInput[] inputs;
  private final AnalogOutput[] outputs;
  private final int[] observations;
  private final int[] actions;
  /** Whether each agent wrote its actuators in the current tick: agents that did not, stay where they are. */
  private final boolean[] wrote;

  /** @throws IllegalArgumentException when the model or agent count is unusable (see {@link SimulatedWorld}) */
  public EdgeSimulatedIo(GenerativeModel model, int agents, long seed) {
    this.world = new SimulatedWorld(model, agents, seed);
    this.modalities = model.numModalities();
    this.factors = model.numFactors();
    this.pi4j = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
        .add(MockAnalogInputProvider.newInstance(), MockAnalogOutputProvider.newInstance()).build();
    this.inputs = new MockAnalogInput[agents * modalities];
    this.outputs = new AnalogOutput[agents * factors];
    for (int agent = 0; agent < agents; agent++) {
      for (int m = 0; m < modalities; m++) {
        int at = agent * modalities + m;
        inputs[at] = (MockAnalogInput) pi4j.create(AnalogInput.newConfigBuilder(pi4j).id("obs-" + agent + "-" + m)
            .address(at).min(0).max(model.numObs(m) - 1).provider(MockAnalogInputProvider.ID));
      }
      for (int f = 0; f < factors; f++) {
        int at = agent * factors + f;
        outputs[at] = pi4j.create(AnalogOutput.newConfigBuilder(pi4j).id("act-" + agent + "-" + f)
            .address(inputs.length + at).min(0).max(model.numControls(f) - 1).provider(MockAnalogOutputProvider.ID));
      }
    }
    this.observations = new int[agents * modalities];
    this.actions = new int[agents * factors];
    this.wrote = new boolean[agents];
  }

  @Override
  public void beginTick(long tick) {
    world.observe(observations);
    for (int i = 0; i < inputs.length; i++) {
      inputs[i].mockValue(observations[i]);
    }
    Arrays.fill(actions, SimulatedWorld.NO_ACTION);
    Arrays.fill(wrote, false);
  }

  @Override
  public void read(int agent, int[] observationOut) throws EdgeIoException {
    for (int m = 0; m < modalities; m++) {
      Integer value = inputs[agent * modalities + m].value();
      if (value == null) {
        throw new EdgeIoException("sensor obs-" + agent + "-" + m + " returned no value");
      }
      observationOut[m] = value;
    }
  }

  @Override
  public void write(int agent, int[] action) throws EdgeIoException {
    for (int f = 0; f < factors; f++) {
      try {
        outputs[agent * factors + f].value(action[f]);
      } catch (RuntimeException e) {
        throw new EdgeIoException("actuator act-" + agent + "-" + f + " rejected " + action[f] + ": " + e.getMessage(), e);
      }
    }
    wrote[agent] = true;
  }

  @Override
  public void endTick(long tick) {
    for (int agent = 0; agent < world.agents(); agent++) {
      if (!wrote[agent]) {
        continue;
      }
      for (int f = 0; f < factors; f++) {
        actions[agent * factors + f] = outputs[agent * factors + f].value();
      }
    }
    world.act(actions);
  }

  @Override
  public String description() {
    return "Pi4J mock I/O (" + inputs.length + " analog inputs, " + outputs.length
        + " analog outputs) driven by a simulated world";
  }

  @Override
  public void close() {
    pi4j.shutdown();
  }

}
