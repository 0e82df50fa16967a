package io.freeagentics.cloud.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.freeagentics.cloud.config.ApiConfig;
import io.freeagentics.cloud.config.CloudConfig;
import io.freeagentics.cloud.store.ApiUserRepository;
import io.freeagentics.cloud.store.ApiUserRow;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's users: verification of HTTP Basic credentials (remembering verified ones for
 * {@code fa.api.credential-cache}, so a request does not pay PBKDF2), creation, and the first user: when the service
 * starts with no user, it creates {@code fa.api.admin-user} (ADMIN) with {@code fa.api.admin-password}, or with a
 * random password written to {@code <fa.data-dir>/api-admin-password}.
 */
@Singleton
public class ApiUsers {
  /** The file the generated password of the first user goes to, under the data directory. */
  public static final String PASSWORD_FILE = "api-admin-password";

  private static final Logger LOG = LoggerFactory.getLogger(ApiUsers.class);

  private final ApiUserRepository users;
  private final ApiConfig config;
  private final CloudConfig cloud;
  private final PasswordHasher hasher;
  private final Cache<String, ApiRole> verified;

  ApiUsers(ApiUserRepository users, ApiConfig config, CloudConfig cloud) {
    this.users = users;
    this.config = config;
    this.cloud = cloud;
    this.hasher = new PasswordHasher(config.passwordIterations());
    this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.credentialCache()).build();
  }

  /** The role of the user when the password is theirs, else empty. */
  public Optional<ApiRole> verify(String username, String password) {
    String key = username + '\0' + PasswordHasher.sha256(password);
    ApiRole role = verified.getIfPresent(key);
    if (role != null) {
      return Optional.of(role);
    }
    Optional<ApiUserRow> user = users.findById(username);
    if (user.isEmpty() || !hasher.matches(password, user.get().passwordHash())) {
      return Optional.empty();
    }
    role = ApiRole.valueOf(user.get().role());
    if (!config.credentialCache().isZero()) {
      verified.put(key, role);
    }
    return Optional.of(role);
  }

  /**
   * Creates a user.
   *
   * @return false when a user of that name exists (nothing changed)
   */
  public boolean create(String username, String password, ApiRole role) {
    return users.insertIfAbsent(username, hasher.hash(password), role.name(), Instant.now()) == 1;
  }

  /** Every user, by name. */
  public List<ApiUserRow> list() {
    return users.findAllOrderByUsername();
  }

  /** Creates the first user when there is none. */
  @EventListener
  void onStartup(StartupEvent event) {
    if (users.count() > 0) {
      return;
    }
    String name = config.adminUser();
    if (config.adminPassword() != null) {
      if (create(name, config.adminPassword(), ApiRole.ADMIN)) {
        LOG.info("API user '{}' (ADMIN) created with the password of fa.api.admin-password", name);
      }
      return;
    }
    String password = PasswordHasher.randomPassword();
    Path file = cloud.dataPath().resolve(PASSWORD_FILE).toAbsolutePath();
    writeOwnerOnly(file, password + "\n");
    if (create(name, password, ApiRole.ADMIN)) {
      LOG.info("API user '{}' (ADMIN) created; its password is in {} (set fa.api.admin-password, env "
          + "FA_API_ADMIN_PASSWORD, to choose it)", name, file);
    }
  }

  private static void writeOwnerOnly(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // A file system without POSIX permissions (not Linux): the file gets the folder's default access.
        LOG.warn("{} cannot be made owner-only on this file system; protect its folder instead", file);
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the first API user's password to " + file + ": " + e, e);
    }
  }
}
