package dev.procgroups.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control and metrics endpoints over real HTTP on loopback, against a small in-memory backend:
 * tokens, methods, content types, loopback only, 503 until there is a node (the Jepsen module's
 * ControlClientTest has the calls as its client makes them; ControlServerLimitsTest the limits).
 */
class ControlServerTest {
  private static final String TOKEN = "0123456789abcdef-test";

  private final FakeBackend backend = new FakeBackend();
  private ControlServer server;

  @BeforeEach
  void start() throws Exception {
    server = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, backend);
  }

  @AfterEach
  void stop() {
    backend.release.countDown();
    server.close();
  }

  @Test
  void statusIsJsonAndMetricsPrometheusTextAlsoOnGet() throws Exception {
    HttpResponse<String> status = get("/status", TOKEN);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).startsWith("{\"ok\":true").contains("\"incarnation\":7");
    HttpResponse<String> metrics = get("/metrics", TOKEN);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue(MetricsServer.PROMETHEUS_TEXT);
    assertThat(metrics.body()).isEqualTo("procgroups_slots{node=\"n1\"} 0\n");
  }

  @Test
  void statusAndMetricsNeedTheTokenAndWritesNeedPost() throws Exception {
    assertThat(get("/status", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    assertThat(get("/spawn", TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void theMetricsEndpointServesOnlyMetricsToItsOwnToken() throws Exception {
    String metricsToken = "metrics-token-0123456789";
    try (MetricsServer metrics =
        MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), metricsToken, () -> "up 1\n")) {
      String base = "http://127.0.0.1:" + metrics.address().getPort();
      assertThat(get(base + "/metrics", metricsToken).body()).isEqualTo("up 1\n");
      assertThat(get(base + "/metrics", TOKEN).statusCode()).isEqualTo(401);
      assertThat(get(base + "/status", metricsToken).statusCode()).isEqualTo(404);
      assertThat(get(base + "/metrics", null).statusCode()).isEqualTo(401);
    }
  }

  /** GET {@code target} (a path on the control server, or a URL) with {@code token}, if any. */
  private HttpResponse<String> get(String target, String token) throws Exception {
    String url =
        target.startsWith("http")
            ? target
            : "http://127.0.0.1:" + server.address().getPort() + target;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void boundBeforeTheNodeItAnswers503UntilServing() throws Exception {
    server.close();
    server = ControlServer.bind(new InetSocketAddress("127.0.0.1", 0), TOKEN);
    assertThat(get("/health", TOKEN).statusCode()).isEqualTo(503);
    assertThat(get("/health", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    server.serve(backend);
    assertThat(get("/health", TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThatThrownBy(
            () -> ControlServer.start(new InetSocketAddress("0.0.0.0", 0), TOKEN, backend))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }
}
