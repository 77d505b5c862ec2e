package io.earpiece.console.followup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** Sends follow-up e-mails through the SMTP server of {@code earpiece.mail.*}; blocking. */
@Service
public class FollowUpMailer {

    /** An e-mail ready to go: recipients already checked, an optional .ics to attach. */
    public record Message(List<InternetAddress> to, String subject, String body, String ics, String icsName) {
    }

    /** Sending failed on the SMTP side; the message says what the server or connection answered. */
    public static class SendFailedException extends Exception {
        public SendFailedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final MailProperties properties;
    private final JavaMailSenderImpl sender;

    public FollowUpMailer(MailProperties properties) {
        this.properties = properties;
        this.sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        if (!properties.username().isBlank()) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties p = sender.getJavaMailProperties();
        String ms = String.valueOf(properties.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", String.valueOf(!properties.username().isBlank()));
        p.put("mail.smtp.starttls.enable", String.valueOf(properties.startTls()));
        p.put("mail.smtp.starttls.required", String.valueOf(properties.startTls()));
    }

    public boolean configured() {
        return properties.configured();
    }

    public String from() {
        return properties.from();
    }

    /** Sends it; the Message-ID the server accepted is returned. */
    public String send(Message m, String replyTo) throws SendFailedException {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(mime, m.ics() != null, StandardCharsets.UTF_8.name());
            h.setFrom(properties.from());
            if (replyTo != null) {
                h.setReplyTo(replyTo);
            }
            h.setTo(m.to().toArray(InternetAddress[]::new));
            h.setSubject(m.subject());
            h.setText(m.body(), false);
            if (m.ics() != null) {
                h.addAttachment(m.icsName(), new ByteArrayResource(m.ics().getBytes(StandardCharsets.UTF_8)),
                        "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            sender.send(mime);
            return mime.getMessageID();
        } catch (MessagingException | MailException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new SendFailedException("the mail server did not take it: " + root.getMessage(), e);
        }
    }

    /**
     * Parses a comma-separated recipient list strictly (RFC 822 syntax, each with a domain); throws with the
     * reason naming the bad address.
     */
    public static List<InternetAddress> recipients(String to) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(to, true);
        for (InternetAddress a : parsed) {
            a.validate();
            if (a.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", a.getAddress());
            }
        }
        return List.of(parsed);
    }
}
