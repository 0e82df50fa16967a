package io.freeagentics.cloud.mqttauth;

import io.freeagentics.cloud.mqttauth.internal.AtomicFiles;
import io.freeagentics.cloud.mqttauth.internal.MosquittoAclText;
import io.freeagentics.cloud.mqttauth.internal.MosquittoPasswordHash;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes Mosquitto's password file ({@code passwords}, Mosquitto 2 {@code $7$} PBKDF2-SHA512 hashes, owner-only)
 * and ACL file ({@code acl}) into a folder, for the cloud user and a list of devices: a device may publish only
 * to {@code fa/v1/F/D/{beliefs,telemetry,presence,command-ack,events}} and receive only
 * {@code fa/v1/F/D/{command,ack}}; the cloud reads every up-link and writes every down-link. Each file is replaced
 * atomically, so a running Mosquitto can reload both with SIGHUP ({@code kill -HUP}) after a device was added.
 *
 * <p>Point Mosquitto at them with {@code password_file}, {@code acl_file} and {@code allow_anonymous false}
 * ({@link MosquittoListenerConfig} writes such a configuration). Mosquitto 2 opens the files after dropping root
 * privileges: run it as the files' owner ({@code user} option) or hand the files to its user.
 */
public final class MosquittoAuthFiles {

  /** File name of the password file in the folder. */
  public static final String PASSWORD_FILE = "passwords";
  /** File name of the ACL file in the folder. */
  public static final String ACL_FILE = "acl";

  private MosquittoAuthFiles() {}

  /** Writes both files into {@code folder} (created if missing) with {@link MosquittoPasswordHash#DEFAULT_ITERATIONS}. */
  public static MosquittoAuthPaths write(Path folder, CloudCredentials cloud, DeviceCredentials... devices)
      throws IOException {
    return write(folder, cloud, List.of(devices), MosquittoPasswordHash.DEFAULT_ITERATIONS);
  }

  /**
   * Writes both files into {@code folder} (created if missing), hashing each password with {@code iterations}
   * PBKDF2 rounds and a fresh random salt.
   *
   * @throws IllegalArgumentException when two devices share a user name
   * @throws IOException              when a file cannot be written (the message names it)
   */
  public static MosquittoAuthPaths write(Path folder, CloudCredentials cloud, List<DeviceCredentials> devices,
                                         int iterations) throws IOException {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(devices, "devices");
    Set<String> names = new HashSet<>();
    for (DeviceCredentials device : devices) {
      Objects.requireNonNull(device, "devices contains null");
      if (!names.add(device.username())) {
        throw new IllegalArgumentException("device " + device.username() + " is listed twice");
      }
    }
    MosquittoPasswordHash hasher = new MosquittoPasswordHash(new SecureRandom(), iterations);
    StringBuilder passwords = new StringBuilder(devices.size() * 140 + 140);
    passwords.append(cloud.username()).append(':').append(hasher.hash(cloud.password())).append('\n');
    for (DeviceCredentials device : devices) {
      passwords.append(device.username()).append(':').append(hasher.hash(device.password())).append('\n');
    }
    MosquittoAuthPaths paths = new MosquittoAuthPaths(folder.resolve(PASSWORD_FILE), folder.resolve(ACL_FILE));
    writeFile(paths.passwordFile(), passwords.toString(), true);
    writeFile(paths.aclFile(), MosquittoAclText.render(cloud, devices), false);
    return paths;
  }

  private static void writeFile(Path file, String text, boolean ownerOnly) throws IOException {
    try {
      AtomicFiles.write(file, text, ownerOnly);
    } catch (IOException e) {
      throw new IOException("cannot write the Mosquitto file " + file + ": " + e.getMessage(), e);
    }
  }
}
