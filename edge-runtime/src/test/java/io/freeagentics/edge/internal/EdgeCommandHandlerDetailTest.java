package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.wire.CommandAck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A command ack's detail is cut to the wire's limit on a character boundary, with an ellipsis. */
class EdgeCommandHandlerDetailTest {

  @Test
  void aShortDetailStaysAsItIs() {
    assertThat(EdgeCommandHandler.fit("model file invalid: A[0] has shape [2]")).isEqualTo(
        "model file invalid: A[0] has shape [2]");
  }

  @Test
  void aLongDetailIsCutOnACharacterBoundary() {
    String detail = "model file invalid: " + "ü€".repeat(400);
    String fitted = EdgeCommandHandler.fit(detail);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CommandAck.MAX_DETAIL_BYTES);
    assertThat(fitted).endsWith("...");
    assertThat(detail).startsWith(fitted.substring(0, fitted.length() - 3));
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(CommandAck.MAX_DETAIL_BYTES - 8);
  }
}
