package dev.procgroups.transport.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a node's connections to its peers are protected, beside the cluster secret that authenticates
 * every message: TLS with mutual authentication from PEM files, or plaintext. There is no default:
 * plaintext (readable by anyone on the path) must be chosen by name.
 */
public sealed interface TransportSecurity {

  /** Why a config without a choice is refused (also {@code NodeConfig}'s message). */
  String NO_CHOICE =
      "no transport security chosen: give TLS files (TransportSecurity.tls(cert, key, ca);"
          + " --tls-cert/--tls-key/--tls-ca) or choose plaintext explicitly (plaintext();"
          + " --plaintext), which lets anyone on the path read the traffic";

  /** Unencrypted connections, as chosen explicitly (loopback tests, a trusted private network). */
  static TransportSecurity plaintext() {
    return Plaintext.CHOSEN;
  }

  /**
   * TLS 1.3 with mutual authentication: this node presents {@code certificateChain} (PEM, its own
   * certificate first, naming the node in a DNS subject alternative name or the common name) with
   * {@code privateKey} (PEM, unencrypted PKCS#8), and accepts only peers whose chain leads to one
   * of {@code trustedCertificates} (PEM, the cluster's CA bundle). The files are watched: new
   * connections use their new content.
   */
  static TransportSecurity tls(Path certificateChain, Path privateKey, Path trustedCertificates) {
    return new Tls(certificateChain, privateKey, trustedCertificates);
  }

  /** Plaintext, chosen explicitly. */
  enum Plaintext implements TransportSecurity {
    CHOSEN
  }

  /** The three PEM files of a node's TLS identity and trust. */
  record Tls(Path certificateChain, Path privateKey, Path trustedCertificates)
      implements TransportSecurity {
    public Tls {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(trustedCertificates, "trustedCertificates");
    }
  }
}
