package io.earpiece.sip;

import io.earpiece.sip.call.CallController;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.LegRejectedException;
import io.earpiece.sip.call.RecordingInfo;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CallController for tests: opens no media (hands out a fixed local address) and records every call. */
final class RecordingController implements CallController {
    /** What open() does; replaceable per test. */
    interface Opener {
        LegMedia open(LegOffer offer) throws LegRejectedException;
    }

    record Changed(String legId, InetSocketAddress remote, Codec codec, boolean onHold) {
    }

    static final int MEDIA_PORT = 40_000;

    final List<LegOffer> opened = new CopyOnWriteArrayList<>();
    final List<String> established = new CopyOnWriteArrayList<>();
    final List<Changed> changes = new CopyOnWriteArrayList<>();
    final Map<String, EndReason> ended = new ConcurrentHashMap<>();
    /** SIPREC participants by conversation, the latest report. */
    final Map<String, RecordingInfo> recordings = new ConcurrentHashMap<>();
    final List<String> endedOrder = new CopyOnWriteArrayList<>();
    volatile Opener opener = offer -> new LegMedia(new InetSocketAddress("127.0.0.1", MEDIA_PORT));

    @Override
    public LegMedia open(LegOffer offer) throws LegRejectedException {
        opened.add(offer);
        return opener.open(offer);
    }

    @Override
    public void established(String legId) {
        established.add(legId);
    }

    @Override
    public void remoteChanged(String legId, InetSocketAddress remoteMedia, Codec codec, boolean onHold) {
        changes.add(new Changed(legId, remoteMedia, codec, onHold));
    }

    @Override
    public void recordingInfo(String conversationId, RecordingInfo info) {
        recordings.put(conversationId, info);
    }

    @Override
    public void ended(String legId, EndReason reason) {
        ended.put(legId, reason);
        endedOrder.add(legId);
    }

    LegOffer offerFor(String conversation) {
        return opened.stream().filter(o -> o.conversationId().equals(conversation)).findFirst().orElse(null);
    }
}
