package io.freeagentics.profiles;

/**
 * A battery feeding the board.
 *
 * @param capacityMah nominal capacity in mAh
 * @param voltageV    nominal voltage in volts
 * @param simulated   true when the battery exists only in simulation (the {@code sim} profile)
 */
public record Battery(int capacityMah, double voltageV, boolean simulated) {
    public Battery {
        Checks.atLeast(capacityMah, 1, "capacityMah");
        Checks.positive(voltageV, "voltageV");
    }

    /** Nominal stored energy in watt-hours. */
    public double energyWh() {
        return capacityMah * voltageV / 1000.0;
    }
}
