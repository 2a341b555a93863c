package dev.procgroups.transport.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * One node's TLS identity and trust, read from the bytes of its three PEM files and checked as a
 * whole before any of it is used: the key belongs to the certificate, the chain leads to a trusted
 * certificate and is valid now for both TLS client and server, and the certificate names the node.
 * Builds the Netty contexts (JDK provider, TLS 1.3, client certificate required) for both sides.
 */
public final class TlsMaterial {

  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");
  private static final String[] PROTOCOLS = {"TLSv1.3"};

  private final List<X509Certificate> chain;
  private final List<X509Certificate> trusted;
  private final SslContext server;
  private final SslContext client;

  private TlsMaterial(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> trusted)
      throws SSLException {
    this.chain = chain;
    this.trusted = trusted;
    X509Certificate[] chainArray = chain.toArray(X509Certificate[]::new);
    X509Certificate[] trustedArray = trusted.toArray(X509Certificate[]::new);
    this.server =
        SslContextBuilder.forServer(key, chainArray)
            .trustManager(trustedArray)
            .clientAuth(ClientAuth.REQUIRE)
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOLS)
            .build();
    this.client =
        SslContextBuilder.forClient()
            .keyManager(key, chainArray)
            .trustManager(trustedArray)
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOLS)
            .build();
  }

  /**
   * Reads and checks the material of node {@code nodeName} from the files' bytes; anything wrong is
   * an {@link IllegalArgumentException} in one line naming the file and the fault.
   */
  public static TlsMaterial of(
      TransportSecurity.Tls files, String nodeName, byte[] chainPem, byte[] keyPem, byte[] caPem) {
    List<X509Certificate> chain = certificates(files.certificateChain().toString(), chainPem);
    List<X509Certificate> trusted = certificates(files.trustedCertificates().toString(), caPem);
    PrivateKey key = privateKey(files.privateKey().toString(), keyPem);
    X509Certificate leaf = chain.get(0);
    if (!belongTogether(key, leaf)) {
      throw new IllegalArgumentException(
          "TLS key " + files.privateKey() + " does not belong to " + describe(leaf));
    }
    requireTrusted(chain, trusted, files);
    Set<String> names = CertificateNames.of(leaf);
    if (!names.contains(nodeName)) {
      throw new IllegalArgumentException(
          describe(leaf)
              + " in "
              + files.certificateChain()
              + " names "
              + names
              + ", not node "
              + nodeName
              + ": peers accept a node's messages only under a name its certificate gives");
    }
    try {
      return new TlsMaterial(List.copyOf(chain), key, List.copyOf(trusted));
    } catch (SSLException e) {
      throw new IllegalArgumentException("cannot use TLS files " + files + ": " + e.getMessage());
    }
  }

  /** This node's certificate chain, its own certificate first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The certificates a peer's chain must lead to. */
  public List<X509Certificate> trusted() {
    return trusted;
  }

  /** The context for connections this node accepts (peers must present a trusted certificate). */
  public SslContext server() {
    return server;
  }

  /** The context for connections this node opens. */
  public SslContext client() {
    return client;
  }

  /** "certificate CN=n1 (serial 1f…)": for messages. */
  static String describe(X509Certificate certificate) {
    return "certificate "
        + certificate.getSubjectX500Principal().getName()
        + " (serial "
        + certificate.getSerialNumber().toString(16)
        + ")";
  }

  private static List<X509Certificate> certificates(String file, byte[] pem) {
    try {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate in " + file);
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "cannot read PEM certificates from " + file + ": " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(String file, byte[] pem) {
    Matcher matcher = PKCS8.matcher(new String(pem, StandardCharsets.US_ASCII));
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----) in "
              + file
              + "; convert with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out "
              + file);
    }
    PKCS8EncodedKeySpec spec =
        new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1)));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next one
      }
    }
    throw new IllegalArgumentException(
        "the key in " + file + " is none of " + KEY_ALGORITHMS + " (or is malformed)");
  }

  /** Signs a probe with the key and checks it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // EdDSA: the signature is named like the key
        };
    byte[] probe = "procgroups".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // e.g. an EC key with an RSA certificate
    }
  }

  /**
   * The chain must be one a peer accepts: the JDK's own PKIX checks, as a server and as a client
   * (validity dates, signatures, key usage and extended key usage for both roles).
   */
  private static void requireTrusted(
      List<X509Certificate> chain, List<X509Certificate> trusted, TransportSecurity.Tls files) {
    X509Certificate[] presented = chain.toArray(X509Certificate[]::new);
    try {
      X509TrustManager manager = trustManager(trusted);
      manager.checkServerTrusted(presented, "UNKNOWN");
      manager.checkClientTrusted(presented, chain.get(0).getPublicKey().getAlgorithm());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          describe(chain.get(0))
              + " in "
              + files.certificateChain()
              + " is not accepted under the certificates in "
              + files.trustedCertificates()
              + ": "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  private static X509TrustManager trustManager(List<X509Certificate> trusted)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    for (int i = 0; i < trusted.size(); i++) {
      store.setCertificateEntry("trusted-" + i, trusted.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }
}
