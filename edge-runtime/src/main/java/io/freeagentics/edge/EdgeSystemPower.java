package io.freeagentics.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's real power state from Linux sysfs: the first {@code /sys/class/power_supply/*} of type
 * {@code Battery} gives the state of charge ({@code capacity}) and charging ({@code status}); without one the
 * board is on mains (charging, full). The temperature is {@code /sys/class/thermal/thermal_zone0/temp}
 * (millidegrees), unknown ({@code NaN}) without it. A battery or thermal file that stops being readable is logged
 * once and then treated as absent.
 */
public final class EdgeSystemPower implements EdgePowerSource {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeSystemPower.class);

  private final Optional<Path> battery;
  private final Path thermal;
  private boolean batteryWarned;
  private boolean thermalWarned;

  public EdgeSystemPower(Path sysRoot) {
    this.battery = findBattery(sysRoot.resolve("class/power_supply"));
    this.thermal = sysRoot.resolve("class/thermal/thermal_zone0/temp");
  }

  /** The real {@code /sys}. */
  public static EdgeSystemPower ofSystem() {
    return new EdgeSystemPower(Path.of("/sys"));
  }

  /** A battery was found and is still readable. */
  @Override
  public boolean hasBattery() {
    return battery.isPresent() && !batteryWarned;
  }

  @Override
  public EdgePowerState read(int outboxDepth, int outboxCapacity) {
    double soc = 1;
    boolean charging = true;
    if (battery.isPresent() && !batteryWarned) {
      try {
        soc = Math.max(0, Math.min(1, Integer.parseInt(readLine(battery.get().resolve("capacity"))) / 100.0));
        String status = readLine(battery.get().resolve("status"));
        charging = status.equals("Charging") || status.equals("Full");
      } catch (IOException | NumberFormatException e) {
        batteryWarned = true;
        LOG.warn("cannot read the battery at {} ({}): treating the board as mains-powered from now on", battery.get(),
            e.toString());
        soc = 1;
        charging = true;
      }
    }
    double temperature = Double.NaN;
    if (Files.exists(thermal) && !thermalWarned) {
      try {
        temperature = Integer.parseInt(readLine(thermal)) / 1000.0;
      } catch (IOException | NumberFormatException e) {
        thermalWarned = true;
        LOG.warn("cannot read the temperature at {} ({}): temperature unknown from now on", thermal, e.toString());
      }
    }
    return new EdgePowerState(soc, charging, temperature, outboxDepth, outboxCapacity);
  }

  @Override
  public void consumed(double intervalMs, double activeMs) {
    // A real battery drains by itself.
  }

  @Override
  public String description() {
    return battery.map(b -> "battery " + b).orElse("mains power (no battery in /sys/class/power_supply)")
        + (Files.exists(thermal) ? ", temperature " + thermal : ", temperature unknown");
  }

  private static Optional<Path> findBattery(Path supplies) {
    if (!Files.isDirectory(supplies)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(supplies)) {
      for (Path supply : entries) {
        Path type = supply.resolve("type");
        if (Files.exists(type) && readLine(type).equals("Battery") && Files.exists(supply.resolve("capacity"))) {
          return Optional.of(supply);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot list {} ({}): assuming mains power", supplies, e.toString());
    }
    return Optional.empty();
  }

  private static String readLine(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
  }
}
