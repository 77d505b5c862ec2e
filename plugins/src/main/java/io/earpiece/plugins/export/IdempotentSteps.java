package io.earpiece.plugins.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Runs each create step of a delivery at most once per idempotency key: first the ledger, then the vendor
 * (looking for the step's marker in what it stores, which covers a crash between the vendor's create and our
 * ledger write), and only then a create whose id is recorded.
 */
public final class IdempotentSteps {
    private final DeliveryLedger ledger;

    public IdempotentSteps(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /** Finds an object created earlier for this step, if the vendor can tell. */
    @FunctionalInterface
    public interface Lookup {
        Optional<String> find() throws ExportFailure;
    }

    /** Creates the object and returns its id. */
    @FunctionalInterface
    public interface Create {
        String create() throws ExportFailure;
    }

    public String once(String idempotencyKey, String step, Lookup lookup, Create create) throws ExportFailure {
        Optional<String> known = ledger.find(idempotencyKey, step);
        if (known.isPresent()) {
            return known.get();
        }
        String id = lookup.find().orElse(null);
        if (id == null) {
            id = create.create();
        }
        ledger.record(idempotencyKey, step, id);
        return id;
    }

    /**
     * A short alphanumeric token for one step of one delivery ("ep" and 16 hex digits), written into the created
     * object so a later attempt can find it; one word, so full-text token search matches it exactly.
     */
    public static String marker(String idempotencyKey, String step) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((idempotencyKey + "\n" + step).getBytes(StandardCharsets.UTF_8));
            return "ep" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
