package io.earpiece.sip.register;

import gov.nist.javax.sip.RequestEventExt;
import io.earpiece.sip.RequestHandler;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.server.ServerTransactions;
import io.earpiece.sip.stack.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.TimeZone;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The registrar for reps' devices (RFC 3261 section 10): authenticates REGISTERs by digest, keeps one binding
 * per device with its expiry, and answers with the user's current bindings.
 *
 * <p>RFC 5626 outbound, Earpiece being the device's registrar and edge proxy at once: a REGISTER over TCP or TLS with
 * {@code Supported: outbound} whose Contact carries {@code +sip.instance} and {@code reg-id} makes its binding a
 * flow: the binding keeps the connection it came in on (the B2BUA rings the device over it, whatever address the
 * Contact names), the 200 OK says {@code Require: outbound} and {@code Flow-Timer}, a later binding of the same
 * instance and reg-id replaces it, and it is dropped when that connection ends ({@link #flowClosed}). Anything else
 * is registered as RFC 3261 alone says.
 */
public final class Registrar implements RequestHandler {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    private static final String OUTBOUND = "outbound";
    private static final String REG_ID = "reg-id";
    private static final String INSTANCE = "+sip.instance";

    private final RegistrarConfig config;
    private final DigestGate gate;
    private final BindingStore store;
    private final SipContext sip;
    private final ServerTransactions transactions;
    private final Clock clock;

    public Registrar(RegistrarConfig config, DigestGate gate, BindingStore store, SipContext sip, Clock clock) {
        this.config = config;
        this.gate = gate;
        this.store = store;
        this.sip = sip;
        this.transactions = new ServerTransactions(sip.provider(), sip.messages(), sip.headers(), sip.userAgent());
        this.clock = clock;
        sip.flows().onClosed(this::flowClosed);
    }

    /**
     * The connection of a flow ended: its bindings go, so no call rings a device that can no longer be reached
     * (RFC 5626 section 5.4: the device registers again over a new connection).
     */
    public void flowClosed(io.earpiece.sip.flow.Flow flow) {
        int removed = store.removeFlow(flow.source());
        if (removed > 0) {
            log.info("flow {} closed: {} binding(s) dropped", flow.source(), removed);
        }
    }

    /** The user's devices reachable now, oldest registration first. */
    public List<Binding> bindings(String user) {
        return store.find(user, clock.instant());
    }

    @Override
    public boolean handle(RequestEvent event) {
        Request request = event.getRequest();
        if (!Request.REGISTER.equals(request.getMethod())) {
            return false;
        }
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return true;
        }
        try {
            register(event, tx, request);
        } catch (Exception e) {
            log.warn("REGISTER failed", e);
            answer(tx, request, Response.SERVER_INTERNAL_ERROR, "Registrar error", List.of());
        }
        return true;
    }

    private void register(RequestEvent event, ServerTransaction tx, Request request) throws Exception {
        String user = gate.authenticate(tx, request, false);
        if (user == null) {
            return;
        }
        URI toUri = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
        if (!(toUri instanceof SipURI sipUri) || !user.equals(sipUri.getUser())) {
            answer(tx, request, Response.FORBIDDEN, "Not your address of record", List.of());
            return;
        }
        List<ContactHeader> contacts = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        ExpiresHeader expiresHeader = request.getExpires();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Instant now = clock.instant();

        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                answer(tx, request, Response.BAD_REQUEST, "Wildcard Contact needs Expires: 0 alone", List.of());
                return;
            }
            store.removeAll(user);
            log.info("{} unregistered every device", user);
            answer(tx, request, Response.OK, null, List.of());
            return;
        }
        List<Binding> current = store.find(user, now);
        List<Binding> toSave = new ArrayList<>();
        List<String> toRemove = new ArrayList<>();
        String source = source(event);
        boolean outbound = supportsOutbound(request) && io.earpiece.sip.flow.Flow.connectionOriented(
                Transports.of(request));
        long flowContacts = contacts.stream()
                .filter(c -> c.getParameter(REG_ID) != null && c.getExpires() != 0).count();
        if (outbound && flowContacts > 1) {
            // RFC 5626 section 6: one flow per REGISTER.
            answer(tx, request, Response.BAD_REQUEST, "More than one Contact with a reg-id", List.of(), false);
            return;
        }
        boolean flowMade = false;
        for (ContactHeader c : contacts) {
            String contact = c.getAddress().getURI().toString();
            int expires = c.getExpires() >= 0 ? c.getExpires()
                    : expiresHeader != null ? expiresHeader.getExpires() : config.defaultExpires();
            if (expires > 0 && expires < config.minExpires()) {
                Response r = response(request, Response.INTERVAL_TOO_BRIEF, null);
                r.setHeader(sip.headers().createMinExpiresHeader(config.minExpires()));
                tx.sendResponse(r);
                return;
            }
            Optional<Binding> existing = current.stream().filter(b -> b.contact().equals(contact)).findFirst();
            if (existing.isPresent() && existing.get().callId().equals(callId) && existing.get().cseq() >= cseq) {
                answer(tx, request, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER", List.of());
                return;
            }
            String instance = outbound ? unquoted(c.getParameter(INSTANCE)) : null;
            int regId = 0;
            if (instance != null && c.getParameter(REG_ID) != null) {
                regId = regId(c.getParameter(REG_ID));
                if (regId <= 0) {
                    answer(tx, request, Response.BAD_REQUEST, "Bad reg-id: " + c.getParameter(REG_ID), List.of(),
                            false);
                    return;
                }
            }
            if (expires == 0) {
                toRemove.add(contact);
            } else {
                Binding b = new Binding(user, contact, source, callId, cseq,
                        now.plusSeconds(Math.min(expires, config.maxExpires())), userAgent(request),
                        regId > 0 ? instance : null, regId);
                // The same instance's same reg-id again (a new connection, a new address) replaces its old flow.
                current.stream().filter(b::sameFlowAs).filter(old -> !old.contact().equals(contact))
                        .forEach(old -> toRemove.add(old.contact()));
                flowMade |= b.flow() != null;
                toSave.add(b);
            }
        }
        long newDevices = toSave.stream()
                .filter(b -> current.stream().noneMatch(c -> c.contact().equals(b.contact()))).count();
        long remaining = current.size() - current.stream().filter(b -> toRemove.contains(b.contact())).count();
        if (remaining + newDevices > config.maxDevices()) {
            answer(tx, request, Response.FORBIDDEN, "Too many devices", List.of());
            return;
        }
        toRemove.forEach(c -> store.remove(user, c));
        toSave.stream().map(Binding::flow).filter(java.util.Objects::nonNull).forEach(sip.flows()::opened);
        toSave.forEach(store::save);
        if (!contacts.isEmpty()) {
            log.info("{} registered: +{} -{} device(s)", user, toSave.size(), toRemove.size());
        }
        answer(tx, request, Response.OK, null, store.find(user, now), flowMade);
    }

    private void answer(ServerTransaction tx, Request request, int status, String reason, List<Binding> bindings) {
        answer(tx, request, status, reason, bindings, false);
    }

    /** @param flow a flow was made: say {@code Require: outbound} and how often to send keep-alives */
    private void answer(ServerTransaction tx, Request request, int status, String reason, List<Binding> bindings,
                        boolean flow) {
        try {
            Response r = response(request, status, reason);
            Instant now = clock.instant();
            for (Binding b : bindings) {
                ContactHeader c = sip.headers().createContactHeader(
                        sip.addresses().createAddress(sip.addresses().createURI(b.contact())));
                c.setExpires((int) Math.max(0, b.expires().getEpochSecond() - now.getEpochSecond()));
                if (b.regId() > 0) {
                    c.setParameter(INSTANCE, "\"" + b.instance() + "\"");
                    c.setParameter(REG_ID, Integer.toString(b.regId()));
                }
                r.addHeader(c);
            }
            if (flow) {
                r.setHeader(sip.headers().createRequireHeader(OUTBOUND));
                r.setHeader(sip.headers().createHeader("Flow-Timer", Long.toString(config.flowTimer().toSeconds())));
            }
            if (status == Response.OK) {
                Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
                cal.setTimeInMillis(now.toEpochMilli());
                r.setHeader(sip.headers().createDateHeader(cal));
            }
            tx.sendResponse(r);
        } catch (Exception e) {
            log.warn("could not answer REGISTER with {}", status, e);
        }
    }

    private Response response(Request request, int status, String reason) throws Exception {
        Response r = sip.messages().createResponse(status, request);
        if (reason != null) {
            r.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(ServerTransactions.newTag());
        }
        r.setHeader(sip.headers().createServerHeader(List.of(sip.userAgent())));
        return r;
    }

    private static String source(RequestEvent event) {
        if (event instanceof RequestEventExt ext) {
            return Binding.source(ext.getRemoteIpAddress(), ext.getRemotePort(), Transports.of(event.getRequest()));
        }
        return null;
    }

    /** Whether the REGISTER says {@code Supported: outbound} (RFC 5626 section 4.2.1). */
    private static boolean supportsOutbound(Request request) {
        for (ListIterator<?> it = request.getHeaders(SupportedHeader.NAME); it.hasNext(); ) {
            String tags = ((SupportedHeader) it.next()).getOptionTag();
            for (String tag : tags == null ? new String[0] : tags.split(",")) {
                if (tag.strip().equalsIgnoreCase(OUTBOUND)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A reg-id: a positive integer (RFC 5626 section 4.2.1); 0 when it is anything else. */
    private static int regId(String value) {
        try {
            int id = Integer.parseInt(value.strip());
            return Math.max(id, 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code +sip.instance}'s value without its quotes; null when absent or empty. */
    private static String unquoted(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.isEmpty() ? null : v;
    }

    private static String userAgent(Request request) {
        UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        return ua == null ? null : String.join(" ", iterable(ua.getProduct()));
    }

    private static List<String> iterable(ListIterator<?> it) {
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(String.valueOf(it.next()));
        }
        return out;
    }
}
