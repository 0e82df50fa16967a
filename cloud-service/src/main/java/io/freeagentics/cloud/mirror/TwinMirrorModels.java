package io.freeagentics.cloud.mirror;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.freeagentics.cloud.twin.AppliedModel;
import io.freeagentics.cloud.twin.AppliedModelSource;
import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.json.ModelJson;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MirrorModels} from the device twins: a device's model is the one of its latest MODEL_UPDATE command the
 * device acknowledged as APPLIED (the twin's reported model; the command's stored payload is the model file, read
 * with {@link ModelJson}); a device that applied none runs the configured model ({@link ConfiguredMirrorModels},
 * {@code fa.mirror.model}). A stored model file that cannot be read is logged once, naming the fleet, device and
 * command, and the device is not mirrored (its updates count in {@link MirrorStats#unknownModel()}).
 *
 * <p>Cheap per call, as the mirror asks for every stored batch: the device's applied model comes from
 * {@link AppliedModelSource} (cached per device, invalidated on every instance when an acknowledgement changes
 * it), and parsed models are kept by (name, version), so every device on one model shares one
 * {@link GenerativeModel} instance and so one mirrored population. A (name, version) names one model file: the
 * first file read for it serves every device reporting it. At most {@code fa.mirror.device-models.max-models}
 * (default 64) parsed models are kept, each until unused for an hour; a model evicted while devices still run it is
 * read again, and those devices move to a population of the new instance with their next beliefs. Thread-safe.
 */
@Singleton
@Primary
public class TwinMirrorModels implements MirrorModels {
  private static final Logger LOG = LoggerFactory.getLogger(TwinMirrorModels.class);
  /** Unreadable commands remembered, so a bad model file is read and logged once, not for every batch. */
  private static final int MAX_UNREADABLE = 10_000;

  /** A model's identity as commands and twins name it. */
  private record ModelKey(String name, @Nullable Long version) {
  }

  private final AppliedModelSource applied;
  private final ConfiguredMirrorModels fallback;
  private final Cache<ModelKey, GenerativeModel> parsed;
  private final Cache<Long, String> unreadable = Caffeine.newBuilder().maximumSize(MAX_UNREADABLE).build();
  private final Object reading = new Object();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong unreadableCount = new AtomicLong();

  /**
   * @param maxModels parsed models kept at most ({@code fa.mirror.device-models.max-models})
   */
  public TwinMirrorModels(AppliedModelSource applied, ConfiguredMirrorModels fallback,
      @Value("${fa.mirror.device-models.max-models:64}") int maxModels) {
    if (maxModels < 1) {
      throw new IllegalArgumentException("fa.mirror.device-models.max-models must be positive but was "
          + maxModels);
    }
    this.applied = applied;
    this.fallback = fallback;
    this.parsed = Caffeine.newBuilder().maximumSize(maxModels).expireAfterAccess(Duration.ofHours(1)).build();
  }

  @Override
  public Optional<GenerativeModel> model(String fleet, String device) {
    DeviceKey key = new DeviceKey(fleet, device);
    Optional<AppliedModel> model = applied.applied(key);
    if (model.isEmpty()) {
      return fallback.model(fleet, device);
    }
    ModelKey id = new ModelKey(model.get().name(), model.get().version());
    GenerativeModel known = parsed.getIfPresent(id);
    return known != null ? Optional.of(known) : read(key, model.get(), id);
  }

  /** Model files read so far (one per (name, version) while it stays cached). */
  public long reads() {
    return reads.get();
  }

  /** Applied model updates whose stored model file could not be read. */
  public long unreadable() {
    return unreadableCount.get();
  }

  private Optional<GenerativeModel> read(DeviceKey key, AppliedModel model, ModelKey id) {
    synchronized (reading) {
      GenerativeModel known = parsed.getIfPresent(id);
      if (known != null) {
        return Optional.of(known);
      }
      if (unreadable.getIfPresent(model.commandId()) != null) {
        return Optional.empty();
      }
      Optional<String> json = applied.modelJson(model);
      if (json.isEmpty()) {
        unreadable(key, model, "the command is no longer stored", null);
        return Optional.empty();
      }
      GenerativeModel read;
      try {
        read = ModelJson.parse(json.get(), "model " + model + " of " + key);
      } catch (ModelInputException e) {
        unreadable(key, model, e.getMessage(), e);
        return Optional.empty();
      }
      parsed.put(id, read);
      reads.incrementAndGet();
      LOG.info("mirror: read model {} (first applied by {}): factor sizes {}", model, key,
          java.util.Arrays.toString(read.numStates()));
      return Optional.of(read);
    }
  }

  private void unreadable(DeviceKey key, AppliedModel model, String problem, @Nullable Exception cause) {
    unreadable.put(model.commandId(), problem);
    unreadableCount.incrementAndGet();
    LOG.error("mirror: fleet {} device {} applied model {}, whose stored model file cannot be read, so the device is"
        + " not mirrored: {}", key.fleet(), key.device(), model, problem, cause);
  }
}
