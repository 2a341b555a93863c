package dev.procgroups.transport.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The node names a certificate vouches for: its DNS subject alternative names and its subject's
 * common name. A peer may claim only one of these names.
 */
public final class CertificateNames {

  private static final int DNS_NAME = 2; // GeneralName's tag, RFC 5280

  private CertificateNames() {}

  /** The names in {@code certificate}, in order: alternative names first. */
  public static Set<String> of(X509Certificate certificate) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> alternative : alternatives) {
          if (alternative.get(0) instanceof Integer tag && tag == DNS_NAME) {
            names.add(String.valueOf(alternative.get(1)));
          }
        }
      }
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (CertificateParsingException | InvalidNameException e) {
      return Set.copyOf(names); // what could be read; a malformed part vouches for nothing
    }
    return names;
  }
}
