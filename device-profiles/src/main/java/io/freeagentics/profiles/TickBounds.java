package io.freeagentics.profiles;

/**
 * The range the runtime's tick interval must stay in on this board.
 *
 * @param minMs shortest allowed interval in milliseconds
 * @param maxMs longest allowed interval in milliseconds, at least {@code minMs}
 */
public record TickBounds(int minMs, int maxMs) {
    public TickBounds {
        Checks.atLeast(minMs, 1, "minMs");
        if (maxMs < minMs) {
            throw new IllegalArgumentException("maxMs must be >= minMs (" + minMs + "), got " + maxMs);
        }
    }

    /** The requested interval moved into [minMs, maxMs]. */
    public long clamp(long requestedMs) {
        return Math.max(minMs, Math.min(maxMs, requestedMs));
    }
}
