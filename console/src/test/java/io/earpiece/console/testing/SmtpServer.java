package io.earpiece.console.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real SMTP server in the test JVM (GreenMail) on {@link #PORT}, the port {@link ReportTestServer} points
 * {@code earpiece.mail.*} at. Started by the first test that needs it and left running for the others in the JVM;
 * each test finds its own messages by recipient or subject.
 */
public final class SmtpServer {

    public static final int PORT = 44160;

    private static GreenMail server;

    private SmtpServer() {
    }

    public static synchronized GreenMail running() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Waits up to {@code limit} for a received message that matches; empty when none arrives. */
    public static Optional<MimeMessage> awaitMessage(Predicate<MimeMessage> matches, Duration limit)
            throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        do {
            Optional<MimeMessage> found = Arrays.stream(running().getReceivedMessages()).filter(matches).findFirst();
            if (found.isPresent()) {
                return found;
            }
            running().waitForIncomingEmail(200, 1);
        } while (Instant.now().isBefore(end));
        return Optional.empty();
    }
}
