package io.earpiece.sip.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server certificate names the host Earpiece connected to, as RFC 5922 (SIP domain certificates) has it:
 * a {@code sip:host} URI or a dNSName in the subject alternative names (case aside, no wildcards: RFC 5922 7.2 does
 * not let them match), an iPAddress entry for an IP literal, and the subject's CN only when the certificate has no
 * URI or DNS names at all.
 */
final class CertificateNames {
    private static final int DNS = 2;
    private static final int URI = 6;
    private static final int IP = 7;

    private CertificateNames() {
    }

    static boolean names(X509Certificate cert, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        InetAddress literal = literal(host);
        boolean anyDomainName = false;
        for (List<?> entry : alternativeNames(cert)) {
            int type = (Integer) entry.get(0);
            String value = String.valueOf(entry.get(1));
            if (type == IP && literal != null && literal.equals(literal(value))) {
                return true;
            }
            if (type == DNS || type == URI) {
                anyDomainName = true;
                String name = value.toLowerCase(Locale.ROOT);
                if (literal == null && (type == DNS ? name.equals(wanted) : name.equals("sip:" + wanted))) {
                    return true;
                }
            }
        }
        return !anyDomainName && literal == null && wanted.equalsIgnoreCase(commonName(cert));
    }

    /** The names the certificate gives, for a message saying why it was refused. */
    static List<String> of(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        for (List<?> entry : alternativeNames(cert)) {
            int type = (Integer) entry.get(0);
            if (type == DNS || type == URI || type == IP) {
                names.add(String.valueOf(entry.get(1)));
            }
        }
        if (names.isEmpty() && commonName(cert) != null) {
            names.add("CN " + commonName(cert));
        }
        return names;
    }

    private static Collection<List<?>> alternativeNames(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    /** The address of an IP literal (never a DNS look-up), else null. */
    private static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
