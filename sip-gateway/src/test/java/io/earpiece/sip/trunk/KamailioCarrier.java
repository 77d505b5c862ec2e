package io.earpiece.sip.trunk;

import io.earpiece.sip.testing.KamailioRunner;

import java.time.Duration;
import java.util.Map;

/** The kamailio "carrier" the trunk tests register to, with its users. */
final class KamailioCarrier {
    static final String REALM = "carrier.test";
    static final String TRUNK_USER = "earpiece";
    static final String TRUNK_PASSWORD = "trunk-s3cret";
    static final String CUSTOMER_USER = "customer";
    static final String CUSTOMER_PASSWORD = "cust-pw";
    static final String DID = "15550001";

    private KamailioCarrier() {
    }

    static KamailioRunner start(String algorithm) {
        return KamailioRunner.start("/kamailio/trunk.cfg", Map.of(
                "REALM", REALM, "ALGORITHM", algorithm, "DID", DID, "DID_OWNER", TRUNK_USER,
                "TRUNK_USER", TRUNK_USER, "TRUNK_PASSWORD", TRUNK_PASSWORD,
                "CUSTOMER_USER", CUSTOMER_USER, "CUSTOMER_PASSWORD", CUSTOMER_PASSWORD), Duration.ofSeconds(15));
    }
}
