package io.freeagentics.cloud.api;

import io.freeagentics.cloud.beliefs.AgentBeliefView;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One agent's beliefs at one tick, as stored from its device.
 *
 * @param edgeTime the device's clock at the belief tick
 * @param persistedTime the cloud's clock when it stored the message
 * @param beliefs one probability distribution per factor
 */
@Serdeable
@Schema(description = "One agent's beliefs at one tick: a probability distribution per factor")
public record AgentBeliefs(int agent, long tick, long sequence, Instant edgeTime, Instant persistedTime,
    List<double[]> beliefs) {

  static AgentBeliefs of(AgentBeliefView view) {
    return new AgentBeliefs(view.agent(), view.tick(), view.sequence(), Instant.ofEpochMilli(view.edgeMillis()),
        Instant.ofEpochMilli(view.persistedMillis()), view.beliefs());
  }
}
