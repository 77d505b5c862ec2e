package io.earpiece.sip.trunk;

import io.earpiece.sip.testing.KamailioRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The kamailio "carrier" the trunk tests register to, with its users. */
public final class KamailioCarrier {
    public static final String REALM = "carrier.test";
    public static final String TRUNK_USER = "earpiece";
    public static final String TRUNK_PASSWORD = "trunk-s3cret";
    public static final String CUSTOMER_USER = "customer";
    public static final String CUSTOMER_PASSWORD = "cust-pw";
    public static final String DID = "15550001";

    private KamailioCarrier() {
    }

    public static final String CUSTOMER_NUMBER = "15557777";

    public static KamailioRunner start(String algorithm) {
        return start(algorithm, 9);
    }

    /** @param customerPort where the customer's phone (a sipp UAS) listens for calls to {@link #CUSTOMER_NUMBER} */
    public static KamailioRunner start(String algorithm, int customerPort) {
        return start(algorithm, customerPort, Map.of("TLS_DEFINE", "", "TLS_LISTEN_PORT", "0", "TLS_CFG", ""));
    }

    /** The carrier also on TLS at {@code tlsPort}, with the tls module settings in {@code tlsSettings}. */
    public static KamailioRunner startTls(String algorithm, int customerPort, int tlsPort, Path tlsSettings) {
        return start(algorithm, customerPort, Map.of("TLS_DEFINE", "#!define WITH_TLS",
                "TLS_LISTEN_PORT", Integer.toString(tlsPort), "TLS_CFG", tlsSettings.toString()));
    }

    private static KamailioRunner start(String algorithm, int customerPort, Map<String, String> tls) {
        Map<String, String> values = new java.util.HashMap<>(tls);
        values.putAll(Map.ofEntries(
                Map.entry("CUSTOMER_NUMBER", CUSTOMER_NUMBER), Map.entry("CUSTOMER_PORT", Integer.toString(customerPort)),
                Map.entry("REALM", REALM), Map.entry("ALGORITHM", algorithm), Map.entry("DID", DID),
                Map.entry("DID_OWNER", TRUNK_USER), Map.entry("TRUNK_USER", TRUNK_USER),
                Map.entry("TRUNK_PASSWORD", TRUNK_PASSWORD), Map.entry("CUSTOMER_USER", CUSTOMER_USER),
                Map.entry("CUSTOMER_PASSWORD", CUSTOMER_PASSWORD)));
        return KamailioRunner.start("/kamailio/trunk.cfg", values, Duration.ofSeconds(15));
    }
}
