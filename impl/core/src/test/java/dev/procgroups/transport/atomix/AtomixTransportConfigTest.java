package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TransportSecurity;
import org.junit.jupiter.api.Test;

class AtomixTransportConfigTest {

  @Test
  void builderFillsDefaultsAndKeepsSeedsInOrder() {
    AtomixTransportConfig config =
        AtomixTransportConfig.builder()
            .nodeName("n1")
            .bind("127.0.0.1", 5001)
            .seed("n2", "127.0.0.2", 5002)
            .seed("n3", "127.0.0.3", 5003)
            .incarnation(1)
            .secret(ClusterSecret.random())
            .plaintext()
            .build();

    assertThat(config.swimProfile()).isEqualTo(SwimProfile.DEFAULT);
    assertThat(config.seeds()).extracting(SeedMember::name).containsExactly("n2", "n3");
  }

  @Test
  void refusesToListenOnEveryInterface() {
    for (String wildcard : new String[] {"0.0.0.0", "::", ""}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> config().bind(wildcard, 5001).build())
          .withMessageContaining("bindHost");
    }
  }

  @Test
  void refusesNonPositiveIncarnationsAndBadPorts() {
    assertThatIllegalArgumentException().isThrownBy(() -> config().incarnation(0).build());
    assertThatIllegalArgumentException().isThrownBy(() -> config().bind("127.0.0.1", 0).build());
    assertThatIllegalArgumentException().isThrownBy(() -> config().seed("n2", "127.0.0.1", 70_000));
  }

  @Test
  void refusesToBuildWithoutASecret() {
    assertThatNullPointerException()
        .isThrownBy(() -> bare().build())
        .withMessageContaining("no cluster secret");
  }

  @Test
  void refusesToBuildWithoutAChoiceOfTlsOrPlaintext() {
    assertThatNullPointerException()
        .isThrownBy(() -> bare().secret(ClusterSecret.random()).build())
        .withMessage(TransportSecurity.NO_CHOICE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> config().maxConnectionsPerAddress(0).build());
  }

  @Test
  void seedsParseFromTheFormTheyPrint() {
    SeedMember seed = new SeedMember("n2", "127.0.0.2", 5002);
    assertThat(SeedMember.parse(seed.toString())).isEqualTo(seed);
    for (String bad : new String[] {"n2", "n2@host", "@h:1", "n2@:1", "n2@h:", "n2@h:x"}) {
      assertThatIllegalArgumentException().isThrownBy(() -> SeedMember.parse(bad));
    }
  }

  private static AtomixTransportConfig.Builder config() {
    return bare().secret(ClusterSecret.random()).plaintext();
  }

  /** Name, address and incarnation only: neither secret nor transport security. */
  private static AtomixTransportConfig.Builder bare() {
    return AtomixTransportConfig.builder().nodeName("n1").bind("127.0.0.1", 5001).incarnation(1);
  }
}
