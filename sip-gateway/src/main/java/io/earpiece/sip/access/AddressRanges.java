package io.earpiece.sip.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A set of IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 203.0.113.7}, {@code 2001:db8::/32}) and the
 * word {@code loopback} (127.0.0.0/8 and ::1), for deciding which peers may do what. Only IP literals are accepted:
 * a host name would make the decision depend on DNS at the moment of each request.
 */
public final class AddressRanges {
    /** Digits, dots, hex and colons only: anything else would make {@link InetAddress#getByName} ask DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;
    private final List<String> entries;

    private AddressRanges(List<Range> ranges, List<String> entries) {
        this.ranges = ranges;
        this.entries = entries;
    }

    /** Loopback only: what a fresh install trusts, so that local dialers and tests work and nothing else does. */
    public static AddressRanges loopback() {
        return parse(List.of("loopback"));
    }

    /** No address at all. */
    public static AddressRanges none() {
        return new AddressRanges(List.of(), List.of());
    }

    /**
     * Parses entries; blank ones are skipped (an empty property means "none").
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP literal, a CIDR range or
     *                                  {@code loopback}, or whose range has host bits set (a likely typo)
     */
    public static AddressRanges parse(Collection<String> entries) {
        List<Range> ranges = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String raw : entries) {
            String e = raw == null ? "" : raw.trim();
            if (e.isEmpty()) {
                continue;
            }
            kept.add(e);
            if (e.toLowerCase(Locale.ROOT).equals("loopback")) {
                LOOPBACK.forEach(l -> ranges.add(range(l)));
            } else {
                ranges.add(range(e));
            }
        }
        return new AddressRanges(List.copyOf(ranges), List.copyOf(kept));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = literal(host);
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException ex) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length in " + entry + " (0 to " + bits + ")");
            }
        }
        if (hasHostBits(network, prefix)) {
            throw new IllegalArgumentException(entry + " has bits set past its prefix; did you mean "
                    + masked(network, prefix) + "/" + prefix + "?");
        }
        return new Range(network, prefix);
    }

    private static boolean hasHostBits(byte[] a, int prefix) {
        for (int bit = prefix; bit < a.length * 8; bit++) {
            if ((a[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    private static String masked(byte[] a, int prefix) {
        byte[] m = a.clone();
        for (int bit = prefix; bit < m.length * 8; bit++) {
            m[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(m).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address bytes of an IPv4/IPv6 literal (IPv4-mapped IPv6 as IPv4), or null when it is not one. */
    private static byte[] literal(String s) {
        String host = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (host.isEmpty() || !IP_LITERAL.matcher(host).matches()) {
            return null;
        }
        if (!host.contains(":") && host.chars().filter(c -> c == '.').count() != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether this IP literal (as the SIP stack reports a peer) lies in one of the ranges; false for anything else. */
    public boolean contains(String address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The entries as configured, for logs. */
    @Override
    public String toString() {
        return entries.isEmpty() ? "(none)" : String.join(", ", entries);
    }
}
