package dev.procgroups.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TestCa;
import dev.procgroups.transport.tls.TransportSecurity;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node starts only with TLS files or plaintext chosen by name, and TLS files that would not work
 * are refused before the node listens.
 */
class NodeConfigSecurityTest {

  @Test
  void aConfigWithoutTlsOrAnExplicitPlaintextIsRefused() {
    assertThatNullPointerException()
        .isThrownBy(() -> NodeConfig.builder("n1").secret(ClusterSecret.random()).build())
        .withMessage(TransportSecurity.NO_CHOICE);
    assertThat(
            NodeConfig.builder("n1").secret(ClusterSecret.random()).plaintext().build().security())
        .isEqualTo(TransportSecurity.plaintext());
  }

  @Test
  void tlsFilesThatWouldNotWorkAreRefusedBeforeTheNodeListens(@TempDir Path dir) throws Exception {
    TestCa ca = TestCa.create("cluster-ca");
    TransportSecurity.Tls someoneElses = TestCa.write(dir, ca.issue("n2"), List.of(ca));
    int port = FreePorts.next();
    NodeConfig config =
        NodeConfig.builder("n1")
            .bind("127.0.0.1", port)
            .secret(ClusterSecret.random())
            .security(someoneElses)
            .build();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Node.start(config))
        .withMessageContaining("not node n1");
    try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(free.getLocalPort()).as("nothing listens on the node's port").isEqualTo(port);
    }
  }
}
