package io.freeagentics.cloud;

import io.micronaut.runtime.Micronaut;

/** Starts the cloud service: MQTT ingest, device twins, the population mirror and the REST API. */
public final class CloudApplication {
  private CloudApplication() {
  }

  public static void main(String[] args) {
    Micronaut.run(CloudApplication.class, args);
  }
}
