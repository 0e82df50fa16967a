package io.freeagentics.cloud.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Authenticates HTTP Basic credentials against the API users (on the blocking executor: a first verification runs
 * PBKDF2 and a database query). The authenticated user carries the role names of its {@link ApiRole}.
 */
@Singleton
final class ApiUserAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
  private final ApiUsers users;

  ApiUserAuthenticationProvider(ApiUsers users) {
    this.users = users;
  }

  @Override
  public AuthenticationResponse authenticate(HttpRequest<B> request,
      AuthenticationRequest<String, String> authentication) {
    String username = authentication.getIdentity();
    String password = authentication.getSecret();
    if (username == null || password == null) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    return users.verify(username, password)
        .map(role -> AuthenticationResponse.success(username, role.grants()))
        .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
  }
}
