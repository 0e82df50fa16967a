package io.freeagentics.cloud.twin;

/**
 * The desired state changed since the caller read it: its version is {@link #currentVersion()}, not the one the
 * caller expected. The API answers 409; the caller reads the twin again and decides.
 */
public final class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long expectedVersion;
  private final long currentVersion;

  public VersionConflictException(DeviceKey device, long expectedVersion, long currentVersion) {
    super("desired state of " + device + " is at version " + currentVersion + ", not " + expectedVersion
        + " as expected: read the twin again");
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
