package dev.procgroups.transport.tls;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bare TLS 1.3 client, as a party outside the cluster would connect: with or without a client
 * certificate, trusting the given authorities. Tells whether the node accepted the handshake and
 * which certificate it presented. Blocking, bounded by a read timeout.
 */
public final class TlsProbe {

  private static final char[] PASSWORD = "probe".toCharArray();
  private static final int ACCEPTED_AFTER_MILLIS = 1_500;

  /** What one handshake showed: the node's certificate (null if none) and whether it let us in. */
  public record Outcome(X509Certificate served, boolean accepted) {}

  private TlsProbe() {}

  /**
   * Connects to {@code host:port} presenting {@code identity} (null: no certificate), trusting
   * {@code trusted}. The node accepted if, after the handshake, it waits for us (the read times
   * out) rather than closing or alerting (TLS 1.3 refuses a client certificate after the client's
   * side of the handshake ended).
   */
  public static Outcome connect(String host, int port, TestCa.Issued identity, List<TestCa> trusted)
      throws IOException {
    SSLContext context = context(identity, trusted);
    X509Certificate served = null;
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      socket.setSoTimeout(ACCEPTED_AFTER_MILLIS);
      socket.startHandshake();
      served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      try {
        return new Outcome(served, socket.getInputStream().read() >= 0);
      } catch (SocketTimeoutException waitingForUs) {
        return new Outcome(served, true);
      }
    } catch (SSLException | SocketException refused) {
      return new Outcome(served, false);
    }
  }

  private static SSLContext context(TestCa.Issued identity, List<TestCa> trusted) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      if (identity != null) {
        keys.setKeyEntry(
            "node", identity.key(), PASSWORD, new X509Certificate[] {identity.certificate()});
      }
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PASSWORD);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < trusted.size(); i++) {
        trust.setCertificateEntry("ca" + i, trusted.get(i).certificate());
      }
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
