package io.earpiece.sip.b2bua;

/**
 * B2BUA policy.
 *
 * @param botUser the Request-URI user that still reaches the bot's user-agent server (mixed-leg mode), e.g. "bot"
 */
public record B2buaConfig(String botUser) {
}
