package dev.procgroups.daemon.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The node's metrics endpoint for a Prometheus server on another host: {@code GET /metrics} only,
 * on any address, with a token of its own ({@code Authorization: Bearer}) that lets its holder read
 * meters and nothing else. The control endpoint serves the same text at {@code /metrics} on
 * loopback; this one exists because the control endpoint must stay on loopback.
 */
public final class MetricsServer implements AutoCloseable, HttpExchange.Routes {

  /** Prometheus' text exposition format. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final BearerToken token;
  private final Supplier<String> scrape;
  private HttpListener listener;

  private MetricsServer(BearerToken token, Supplier<String> scrape) {
    this.token = token;
    this.scrape = scrape;
  }

  /** Serves {@code scrape()} at {@code address}/metrics to holders of {@code token}. */
  public static MetricsServer start(
      InetSocketAddress address, String token, Supplier<String> scrape) throws IOException {
    MetricsServer server = new MetricsServer(new BearerToken(token, "metrics"), scrape);
    server.listener = HttpListener.startOrFail(address, HttpListener.Limits.DEFAULT, server);
    return server;
  }

  public InetSocketAddress address() {
    return listener.address();
  }

  @Override
  public HttpExchange.Answer handle(HttpExchange request) {
    if (!token.admits(request.authorization())) {
      return text(401, "missing or wrong metrics token\n");
    }
    if (!"/metrics".equals(request.path()) || !"GET".equals(request.method())) {
      return text(404, "GET /metrics\n");
    }
    return new HttpExchange.Answer(
        200, PROMETHEUS_TEXT, scrape.get().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public HttpExchange.Answer tooLarge(int maxBodyBytes) {
    return text(413, "GET /metrics has no body\n");
  }

  @Override
  public HttpExchange.Answer malformed(String why) {
    return text(400, "not an HTTP/1.1 request\n");
  }

  private static HttpExchange.Answer text(int status, String message) {
    return new HttpExchange.Answer(
        status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    listener.close();
  }
}
