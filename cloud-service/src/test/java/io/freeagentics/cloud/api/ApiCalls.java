package io.freeagentics.cloud.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * REST calls of the API tests: a JSON request with Basic auth, and its response (status, body, Location) whether
 * it succeeded or not, with the body read as a JSON object and its field problems.
 */
public final class ApiCalls {
  private ApiCalls() {}

  /**
   * Sends {@code request} as JSON, authenticated as {@code user} unless null.
   *
   * @return the response, an error status included
   */
  public static Reply call(HttpClient http, JsonMapper json, MutableHttpRequest<?> request, String user,
      String password) {
    if (user != null) {
      request.basicAuth(user, password);
    }
    request.contentType("application/json");
    try {
      HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
      return new Reply(json, response.code(), response.body(), response.header("Location"));
    } catch (HttpClientResponseException e) {
      return new Reply(json, e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""), null);
    }
  }

  /** A JSON object of a response, as read by {@link Reply#map()}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** A response: status, body, Location (null when none). */
  public static final class Reply {
    public final int status;
    public final String body;
    public final String location;
    private final JsonMapper json;

    Reply(JsonMapper json, int status, String body, String location) {
      this.json = json;
      this.status = status;
      this.body = body;
      this.location = location;
    }

    /** The body as a JSON object; AssertionError naming the status and body when it is not one. */
    public Map<String, Object> map() {
      try {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
      } catch (IOException e) {
        throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
      }
    }

    /** The {@code problems} of an error body, each with its field and problem. */
    public List<Map<String, Object>> problems() {
      Object problems = map().get("problems");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) problems;
      return list;
    }

    /** The fields named by the problems of an error body, each once. */
    public List<String> fields() {
      return problems().stream().map(p -> String.valueOf(p.get("field"))).distinct().toList();
    }
  }
}
