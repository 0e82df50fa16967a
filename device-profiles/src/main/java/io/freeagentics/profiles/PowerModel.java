package io.freeagentics.profiles;

import java.util.Optional;

/**
 * How much power the board draws, and from what: used to estimate and simulate battery life.
 *
 * @param supplyVoltageV voltage at which the draws are given
 * @param idleDrawMa     current with the OS idle, in mA
 * @param activeDrawMa   current while the runtime works, in mA (at least the idle draw)
 * @param battery        the battery, or empty for a mains-powered board
 */
public record PowerModel(double supplyVoltageV, double idleDrawMa, double activeDrawMa, Optional<Battery> battery) {
    public PowerModel {
        Checks.positive(supplyVoltageV, "supplyVoltageV");
        Checks.positive(idleDrawMa, "idleDrawMa");
        Checks.positive(activeDrawMa, "activeDrawMa");
        if (activeDrawMa < idleDrawMa) {
            throw new IllegalArgumentException(
                    "activeDrawMa must be >= idleDrawMa (" + idleDrawMa + "), got " + activeDrawMa);
        }
        Checks.notNull(battery, "battery");
    }

    /** Mean power in watts when the runtime is busy for the given fraction of the time (0..1). */
    public double averagePowerW(double activeFraction) {
        if (!(activeFraction >= 0 && activeFraction <= 1)) {
            throw new IllegalArgumentException("activeFraction must be in [0, 1], got " + activeFraction);
        }
        double currentMa = idleDrawMa + activeFraction * (activeDrawMa - idleDrawMa);
        return supplyVoltageV * currentMa / 1000.0;
    }

    /**
     * Hours an ideal (lossless) battery lasts at the given busy fraction; empty for a mains-powered board.
     */
    public Optional<Double> batteryLifeHours(double activeFraction) {
        double watts = averagePowerW(activeFraction);
        return battery.map(b -> b.energyWh() / watts);
    }
}
