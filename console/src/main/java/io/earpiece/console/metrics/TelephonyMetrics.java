package io.earpiece.console.metrics;

import io.earpiece.media.MediaCounters;
import io.earpiece.media.MediaServer;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.access.Refusals;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Exposes the SIP gateway's and media server's own counters as Micrometer meters, all of them in this one place
 * (recording failures too, which the storage health reads as well).
 */
@Component
public class TelephonyMetrics implements MeterBinder {

    private static final List<String> METHODS = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS");
    private static final List<Integer> STATUSES = List.of(100, 180, 200, 400, 401, 403, 405, 481, 486, 487, 488, 500, 501, 503, 505);

    private final SipGateway sip;
    private final MediaServer media;

    public TelephonyMetrics(SipGateway sip, MediaServer media) {
        this.sip = sip;
        this.media = media;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        rtp(registry, "earpiece.rtp.datagrams", "", MediaCounters::datagramsReceived, "UDP datagrams that reached an RTP port");
        rtp(registry, "earpiece.rtp.packets", "", MediaCounters::packetsReceived, "valid RTP packets accepted");
        rtp(registry, "earpiece.rtp.packets.dropped", "malformed", MediaCounters::droppedMalformed, "RTP datagrams dropped");
        rtp(registry, "earpiece.rtp.packets.dropped", "wrong_source", MediaCounters::droppedWrongSource, "RTP datagrams dropped");
        rtp(registry, "earpiece.rtp.packets.dropped", "wrong_payload_type", MediaCounters::droppedWrongPayloadType, "RTP datagrams dropped");
        rtp(registry, "earpiece.rtp.packets.dropped", "late_duplicate", MediaCounters::droppedLateDuplicate, "RTP datagrams dropped");
        rtp(registry, "earpiece.rtp.packets.dropped", "srtp_auth_failed", MediaCounters::droppedSrtpAuthFailed, "RTP datagrams dropped");
        rtp(registry, "earpiece.rtp.packets.dropped", "srtp_replayed", MediaCounters::droppedSrtpReplayed, "RTP datagrams dropped");
        Gauge.builder("earpiece.rtp.legs.open", media, m -> m.counters().legsOpen()).register(registry);
        Gauge.builder("earpiece.sip.legs.active", sip, SipGateway::activeLegs).register(registry);
        for (String method : METHODS) {
            FunctionCounter.builder("earpiece.sip.requests", sip, g -> g.counters().requests(method))
                    .tag("method", method).description("SIP requests received").register(registry);
        }
        for (int status : STATUSES) {
            FunctionCounter.builder("earpiece.sip.responses", sip, g -> g.counters().responses(status))
                    .tag("status", String.valueOf(status)).description("SIP responses sent").register(registry);
        }
        for (Refusals.Reason reason : Refusals.Reason.values()) {
            FunctionCounter.builder("earpiece.sip.refused", sip, g -> g.counters().refused(reason.tag()))
                    .tag("reason", reason.tag())
                    .description("SIP requests refused by policy: untrusted source, bad credentials, quota, flood")
                    .register(registry);
        }
        for (String transport : List.of("udp", "tcp", "tls")) {
            FunctionCounter.builder("earpiece.sip.transport.requests", sip, g -> g.counters().requestsOver(transport))
                    .tag("transport", transport)
                    .description("SIP requests that reached Earpiece's handlers, by the transport they came over")
                    .register(registry);
        }
        FunctionCounter.builder("earpiece.sip.tls.clients.refused", sip, g -> g.counters().tlsClientsRefused())
                .description("TLS clients refused for a missing or untrusted certificate (mutual TLS)")
                .register(registry);
        FunctionCounter.builder("earpiece.sip.malformed", sip, g -> g.counters().malformed())
                .description("SIP messages that could not be parsed").register(registry);
        rtp(registry, "earpiece.recording.failures", "", MediaCounters::recordingFailures,
                "legs whose recording could not be created or was stopped by a failed write (disk full)");
    }

    private void rtp(MeterRegistry registry, String name, String reason, ToLongFunction<MediaCounters> value,
                     String description) {
        FunctionCounter.Builder<MediaServer> b = FunctionCounter.builder(name, media, m -> value.applyAsLong(m.counters()))
                .description(description);
        if (!reason.isEmpty()) {
            b.tag("reason", reason);
        }
        b.register(registry);
    }
}
