package dev.procgroups.jepsen.control;

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

/** What the control endpoint does with malformed, oversized and never-finished requests. */
@Timeout(60)
class ControlServerLimitsTest {

  private static final String TOKEN = "0123456789abcdef-test";

  private final ControlApiTest.FakeBackend backend = new ControlApiTest.FakeBackend();
  private final HttpClient http = HttpClient.newHttpClient();
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
  void aNullBodyIsABadRequestInJson() throws Exception {
    HttpResponse<String> reply = post("/join", "null".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"ok\":false").contains("BadRequest");
  }

  @Test
  void aNumberWhereAGroupNameGoesIsABadRequestNotAGroupNamedAfterIt() throws Exception {
    String pid = "{n1@app:processes|000001}";
    byte[] body = ("{\"pid\":\"" + pid + "\",\"groups\":[42]}").getBytes(StandardCharsets.UTF_8);
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

  @Test
  void clientsThatNeverFinishARequestDoNotBlockTheOthers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) { // more than the server's workers
        Socket socket = new Socket("127.0.0.1", server.address().getPort());
        OutputStream out = socket.getOutputStream();
        out.write("POST /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      // The slow ones are cut off after MAX_EXCHANGE_SECONDS (and so may be a request that
      // waited as long for a worker); a health check retried meanwhile is then answered.
      // Before the limit, never: every worker waited for good.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int status = 0;
      while (status != 200 && System.nanoTime() < deadline) {
        try {
          status = post("/health", new byte[0]).statusCode();
        } catch (java.io.IOException cutOff) {
          status = -1;
        }
      }
      assertThat(status).as("a health check answered within 30 s").isEqualTo(200);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
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
