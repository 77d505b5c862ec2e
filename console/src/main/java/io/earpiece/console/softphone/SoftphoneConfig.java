package io.earpiece.console.softphone;

import java.util.List;

/**
 * What the browser needs to register the rep's softphone through Janus's SIP plugin and place calls.
 *
 * @param janusUrl   the Janus HTTP API
 * @param iceServers STUN/TURN URLs for the peer connection
 * @param identity   the rep's address of record, {@code sip:USER@DOMAIN}
 * @param proxy      Earpiece's registrar and B2BUA as Janus reaches it, {@code sip:HOST:PORT}
 * @param username   the digest user name (the rep's SIP user)
 * @param realm      the digest realm
 * @param secret     a SIP password of this console session's own (see {@link SessionSipCredentials}), which Janus
 *                   answers challenges with; not the account's password or HA1
 * @param dialHost   the host part of dialled URIs, {@code sip:NUMBER@dialHost}
 */
public record SoftphoneConfig(String janusUrl, List<String> iceServers, String identity, String proxy,
                              String username, String realm, String secret, String dialHost) {
}
