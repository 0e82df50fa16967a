package io.freeagentics.cloud.mqttauth.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Mosquitto 2's password hash, as {@code mosquitto_passwd -H sha512-pbkdf2} writes it:
 * {@code $7$ITERATIONS$BASE64(SALT)$BASE64(PBKDF2-HMAC-SHA512(password UTF-8, SALT, ITERATIONS, 64 bytes))}
 * with a 12-byte random salt (mosquitto's {@code pw__hash}, {@code SALT_LEN 12}, {@code HASH_LEN 64}).
 */
public final class MosquittoPasswordHash {

  /** Salt length of mosquitto_passwd. */
  public static final int SALT_BYTES = 12;
  /** Hash length: SHA-512's output. */
  public static final int HASH_BYTES = 64;
  /**
   * Iterations written by default: more than mosquitto_passwd 2.0's 101, still about a millisecond per CONNECT on
   * this machine; Mosquitto reads the count from each line.
   */
  public static final int DEFAULT_ITERATIONS = 1_000;

  private final SecureRandom random;
  private final int iterations;

  /** A hasher with {@code iterations} rounds (1..10,000,000) and salts from {@code random}. */
  public MosquittoPasswordHash(SecureRandom random, int iterations) {
    if (iterations < 1 || iterations > 10_000_000) {
      throw new IllegalArgumentException("iterations must be in 1..10000000, got " + iterations);
    }
    this.random = random;
    this.iterations = iterations;
  }

  /** The {@code $7$...} hash of {@code password} with a fresh random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return hash(password, salt, iterations);
  }

  /** The {@code $7$...} hash of {@code password} with the given salt and iterations (deterministic). */
  public static String hash(String password, byte[] salt, int iterations) {
    Base64.Encoder base64 = Base64.getEncoder();
    return "$7$" + iterations + "$" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(pbkdf2(password, salt, iterations));
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    // SunJCE's PBKDF2 turns the char[] into UTF-8 bytes, as mosquitto hashes the password's bytes.
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
