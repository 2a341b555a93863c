package dev.procgroups.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the control endpoint does with malformed, oversized and never-finished requests. */
@Timeout(60)
class ControlServerLimitsTest {

  private static final String TOKEN = "0123456789abcdef-test";
  private static final String PID = "{n1@app:processes|000001}";

  private final FakeBackend backend = new FakeBackend();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Socket> sockets = new ArrayList<>();
  private ControlServer server;

  @BeforeEach
  void start() throws Exception {
    server = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, backend);
  }

  @AfterEach
  void stop() throws java.io.IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    backend.release.countDown();
    server.close();
  }

  @Test
  void aNullBodyIsABadRequestInJson() throws Exception {
    HttpResponse<String> reply = post("/join", "null".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"ok\":false").contains("BadRequest");
  }

  @Test
  void aNumberWhereAGroupNameGoesIsABadRequestNotAGroupNamedAfterIt() throws Exception {
    byte[] body = ("{\"pid\":\"" + PID + "\",\"groups\":[42]}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> reply = post("/join", body);
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"ok\":false");
    assertThat(backend.members).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithoutBeingRead() throws Exception {
    HttpResponse<String> reply = post("/join", new byte[ControlServer.MAX_BODY_BYTES + 1]);
    assertThat(reply.statusCode()).isEqualTo(413);
    assertThat(reply.body()).startsWith("{\"ok\":false").contains("TooLarge");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null",
        "[42]",
        "\"text\"",
        "{",
        "{} trailing",
        "{\"groups\":[\"g\"]}",
        "{\"pid\":null,\"groups\":[\"g\"]}",
        "{\"pid\":42,\"groups\":[\"g\"]}",
        "{\"pid\":\"P\"}",
        "{\"pid\":\"P\",\"groups\":\"g\"}",
        "{\"pid\":\"P\",\"groups\":[null]}",
        "{\"pid\":\"P\",\"groups\":[true]}",
        "{\"pid\":\"P\",\"groups\":[4.5]}",
        "{\"pid\":\"P\",\"groups\":[[\"g\"]]}",
        "{\"pid\":\"P\",\"groups\":[{\"g\":1}]}",
        "{\"pid\":[\"P\"],\"groups\":[\"g\"]}"
      })
  void everyMalformedJoinIsABadRequestInJsonAndJoinsNothing(String body) throws Exception {
    HttpResponse<String> reply =
        post("/join", body.replace("P", PID).getBytes(StandardCharsets.UTF_8));
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"ok\":false").contains("BadRequest");
    assertThat(backend.members).isEmpty();
  }

  @Test
  void theWellFormedJoinTheBadOnesDifferFromIsAccepted() throws Exception {
    byte[] body = ("{\"pid\":\"" + PID + "\",\"groups\":[\"g\"]}").getBytes(StandardCharsets.UTF_8);
    assertThat(post("/join", body).statusCode()).isEqualTo(200);
    assertThat(backend.members).isNotEmpty();
  }

  @Test
  void clientsThatSendHalfARequestOrNothingHoldNoThread() throws Exception {
    // Deadlines far beyond the test: the health checks are answered while every slow client
    // still holds its connection (the JDK server's 16 workers answered none of them).
    restart(new HttpListener.Limits(64, 1 << 20, Duration.ofMinutes(5), Duration.ofMinutes(5)));
    for (int i = 0; i < 40; i++) {
      halfARequest();
    }
    for (int i = 0; i < 100; i++) { // idle, more than the cap: the oldest make room
      connect();
    }
    for (int i = 0; i < 25; i++) {
      assertThat(post("/health", new byte[0]).statusCode()).isEqualTo(200);
    }
    assertThat(server.connections().refused()).isZero();
  }

  @Test
  void aRequestNotCompleteByItsDeadlineIsCutOff() throws Exception {
    restart(new HttpListener.Limits(64, 1 << 20, Duration.ofMillis(500), Duration.ofMinutes(5)));
    Socket socket = halfARequest();
    socket.setSoTimeout(30_000);
    assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
  }

  @Test
  void whenEverySlotHoldsARequestInProgressANewConnectionIsRefused() throws Exception {
    restart(new HttpListener.Limits(4, 1 << 20, Duration.ofMinutes(5), Duration.ofMinutes(5)));
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slow.add(halfARequest());
    }
    awaitReading(4);
    Socket fifth = connect();
    fifth.setSoTimeout(30_000);
    assertThat(fifth.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    assertThat(server.connections().refused()).isEqualTo(1);
    slow.get(0).close(); // a slot frees up
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      try {
        status = post("/health", new byte[0]).statusCode();
      } catch (java.io.IOException refusedStill) {
        Thread.sleep(50);
      }
    }
    assertThat(status).isEqualTo(200);
  }

  /** A connection that sent the start of a request and nothing more. */
  private Socket halfARequest() throws java.io.IOException {
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();
    out.write("POST /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** A connection that sends nothing; closed after the test. */
  private Socket connect() throws java.io.IOException {
    Socket socket = new Socket("127.0.0.1", server.address().getPort());
    sockets.add(socket);
    return socket;
  }

  /** Waits until the server holds {@code count} connections, each reading a request. */
  private void awaitReading(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!server.connections().equals(new ConnectionWatch.Counts(count, 0, 0))) {
      assertThat(System.nanoTime()).as("connections " + server.connections()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private void restart(HttpListener.Limits limits) throws Exception {
    server.close();
    server = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, backend, limits);
  }

  private HttpResponse<String> post(String path, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
