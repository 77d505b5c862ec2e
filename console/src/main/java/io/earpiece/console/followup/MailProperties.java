package io.earpiece.console.followup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Outgoing e-mail for follow-ups ({@code earpiece.mail.*}). Sending is off until {@code host} is set; the call
 * page then offers the draft and the calendar file but says why it cannot send.
 *
 * @param host     the SMTP server; empty (the default) turns sending off
 * @param port     its port (587, submission, by default)
 * @param username SMTP user, if the server wants one
 * @param password its password
 * @param startTls whether to upgrade the connection with STARTTLS (required when true); on by default, so that
 *                 credentials never go over a plain connection unless turned off for a local relay
 * @param from     the sender address of every follow-up; replies go to the rep who sent it when their user has
 *                 an address
 * @param timeout  connect and read timeout towards the server
 */
@ConfigurationProperties("earpiece.mail")
public record MailProperties(@DefaultValue("") String host,
                             @DefaultValue("587") int port,
                             @DefaultValue("") String username,
                             @DefaultValue("") String password,
                             @DefaultValue("true") boolean startTls,
                             @DefaultValue("earpiece@localhost") String from,
                             @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
