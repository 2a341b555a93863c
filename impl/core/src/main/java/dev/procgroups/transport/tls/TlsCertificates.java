package dev.procgroups.transport.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a node's new connections use now: its certificate chain (its own first) and the certificates
 * it trusts, and how many times rotated files replaced those it started with.
 */
public record TlsCertificates(
    List<X509Certificate> chain, List<X509Certificate> trusted, long reloads) {

  public TlsCertificates {
    chain = List.copyOf(chain);
    trusted = List.copyOf(trusted);
  }
}
