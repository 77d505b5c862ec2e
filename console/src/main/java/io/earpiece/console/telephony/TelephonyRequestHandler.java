package io.earpiece.console.telephony;

import io.earpiece.sip.RequestHandler;
import io.earpiece.sip.b2bua.B2bua;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.trunk.TrunkConfig;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * Earpiece's telephony in front of the bot's user-agent server: lets the registrar and the B2BUA of the active
 * trunk take what is theirs (the gateway has already applied its per-source flood limit). When the trunk is reconfigured
 * a new B2BUA takes new calls while the previous one keeps the dialogs it still has.
 */
public final class TelephonyRequestHandler implements RequestHandler {

    private final Registrar registrar;
    private final InviteScope scope;
    private final List<B2bua> retired = new CopyOnWriteArrayList<>();
    private volatile Active active;

    private record Active(B2bua b2bua, TrunkConfig trunk) {
    }

    public TelephonyRequestHandler(Registrar registrar, InviteScope scope) {
        this.registrar = registrar;
        this.scope = scope;
    }

    /** Makes {@code b2bua} (for {@code trunk}) take new calls; null for none (INVITEs then reach the bot). */
    public synchronized void install(B2bua b2bua, TrunkConfig trunk) {
        Active old = active;
        active = b2bua == null ? null : new Active(b2bua, trunk);
        if (old != null) {
            retired.add(old.b2bua());
        }
    }

    /** Hangs up the relayed call with this B2BUA call id (BYE on both legs), on whichever B2BUA has it. */
    public void hangup(String callId) {
        Active a = active;
        if (a != null && a.b2bua().hangup(callId)) {
            return;
        }
        for (B2bua old : retired) {
            if (old.hangup(callId)) {
                return;
            }
        }
    }

    /** Hangs up every relayed call, for a shutdown: the SIP stack must still be running. */
    public void hangupAll() {
        Active a = active;
        if (a != null) {
            a.b2bua().hangupAll();
        }
        retired.forEach(B2bua::hangupAll);
    }

    /** Whether this IP address is one of the active trunk's (the carrier's), which the flood limit spares. */
    public boolean fromActiveTrunk(String source) {
        Active a = active;
        return a != null && source != null && a.trunk().allows(source);
    }

    /** Relayed calls in progress, on the active and retired B2BUAs. */
    public int activeCalls() {
        Active a = active;
        return (a == null ? 0 : a.b2bua().activeCalls()) + retired.stream().mapToInt(B2bua::activeCalls).sum();
    }

    @Override
    public boolean handle(RequestEvent event) {
        Request request = event.getRequest();
        boolean initialInvite = Request.INVITE.equals(request.getMethod())
                && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null;
        Active a = active;
        if (registrar.handle(event)) {
            return true;
        }
        retired.removeIf(b -> b.activeCalls() == 0);
        if (initialInvite) {
            if (a == null) {
                return false;
            }
            int[] pts = InviteScope.payloadTypes(request.getRawContent());
            scope.enter(new InviteScope.Invite(uri(request, FromHeader.NAME), uri(request, ToHeader.NAME),
                    pts[0], pts[1]));
            try {
                return a.b2bua().handle(event);
            } finally {
                scope.exit();
            }
        }
        if (a != null && a.b2bua().handle(event)) {
            return true;
        }
        for (B2bua old : retired) {
            if (old.handle(event)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header's URI without parameters, e.g. {@code sip:alice@10.0.0.5:5060}: calls are stored with URIs, as bot
     * calls are, so that call ownership (the user part of From/To) works for relayed calls too.
     */
    static String uri(Request request, String header) {
        URI uri = ((HeaderAddress) request.getHeader(header)).getAddress().getURI();
        if (!(uri instanceof SipURI s)) {
            return uri.toString();
        }
        String host = s.getHost().contains(":") && !s.getHost().startsWith("[") ? "[" + s.getHost() + "]" : s.getHost();
        return s.getScheme() + ":" + (s.getUser() == null ? "" : s.getUser() + "@") + host
                + (s.getPort() > 0 ? ":" + s.getPort() : "");
    }
}
