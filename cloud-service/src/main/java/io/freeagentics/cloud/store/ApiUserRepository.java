package io.freeagentics.cloud.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users of the REST API. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiUserRepository extends GenericRepository<ApiUserRow, String> {

  Optional<ApiUserRow> findById(String username);

  long count();

  List<ApiUserRow> findAllOrderByUsername();

  /** @return 1 when created, 0 when the user exists already */
  @Query("INSERT INTO api_user (username, password_hash, role, created_at)"
      + " VALUES (:username, :passwordHash, :role, :createdAt) ON CONFLICT DO NOTHING")
  int insertIfAbsent(String username, String passwordHash, String role, Instant createdAt);
}
