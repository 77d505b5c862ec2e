package io.earpiece.console.spool;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The bytes of one spool record, and back: a pure function of its input, so it can be fuzzed.
 *
 * <pre>
 * frame   = length:u32 crc32c:u32 payload[length]     (big-endian; the CRC covers the payload)
 * payload = version:u8 (1) kind:u8 fields...
 * kind 1 (final) = callId party index:i32 startMs:i64 endMs:i64 text utterance:i32
 *                  events:u16 { utterance:i32 tag details:u16 { key value } } cards:u16 { id title body priority:i32
 *                  utterance:i32 trigger? source? }
 * kind 2 (event) = callId party? kind detail? durationMs:i32 (-1: none) offsetMs:i64 epochSecond:i64 nanos:i32
 * string  = length:i32 utf8[length]   (string? : length -1 for null)
 * </pre>
 * The length comes first so a reader knows where the next record starts and whether the last one was written
 * whole; the checksum tells a record cut or scrambled by a crash from one that was written.
 */
public final class SpoolRecordCodec {

    /** Bytes before the payload: its length and its checksum. */
    public static final int HEADER = 8;
    /** The largest payload read back: far beyond any final (text up to 8000 characters), well below a heap's worth. */
    public static final int MAX_PAYLOAD = 1 << 20;

    private static final byte VERSION = 1;
    private static final byte FINAL = 1;
    private static final byte EVENT = 2;

    private SpoolRecordCodec() {
    }

    /** One decoded record and the bytes its frame took. */
    public record Decoded(SpoolRecord record, int frameLength) {
    }

    /** The frame of a record: header and payload. */
    public static byte[] encode(SpoolRecord record) {
        Writer w = new Writer();
        w.u8(VERSION);
        if (record instanceof SpoolRecord.Final f) {
            writeFinal(w, f);
        } else if (record instanceof SpoolRecord.Event e) {
            writeEvent(w, e);
        } else {
            throw new IllegalArgumentException("unknown spool record " + record);
        }
        byte[] payload = w.bytes();
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload);
        return frame.array();
    }

    private static void writeFinal(Writer w, SpoolRecord.Final f) {
        w.u8(FINAL);
        w.string(f.callId());
        w.string(f.party());
        w.i32(f.index());
        w.i64(f.startMs());
        w.i64(f.endMs());
        w.string(f.maskedText());
        w.i32(f.utterance());
        w.u16(f.outcome().events().size());
        for (AssistEvent e : f.outcome().events()) {
            w.i32(e.utterance());
            w.string(e.tag());
            // sorted, so one record has one encoding
            Map<String, String> details = new TreeMap<>(e.details());
            w.u16(details.size());
            details.forEach((k, v) -> {
                w.string(k);
                w.string(v);
            });
        }
        w.u16(f.outcome().cards().size());
        for (Card c : f.outcome().cards()) {
            w.string(c.id());
            w.string(c.title());
            w.string(c.body());
            w.i32(c.priority());
            w.i32(c.utterance());
            w.string(c.trigger());
            w.string(c.source());
        }
    }

    private static void writeEvent(Writer w, SpoolRecord.Event e) {
        w.u8(EVENT);
        w.string(e.callId());
        w.string(e.party());
        w.string(e.kind());
        w.string(e.detail());
        w.i32(e.durationMs() == null ? -1 : e.durationMs());
        w.i64(e.offsetMs());
        w.i64(e.at().getEpochSecond());
        w.i32(e.at().getNano());
    }

    /**
     * The payload length a frame's header announces, checked against {@link #MAX_PAYLOAD}, so a reader can fetch
     * the rest of the frame.
     */
    public static int payloadLength(byte[] header, int offset) throws SpoolRecordException {
        if (header.length - offset < HEADER) {
            throw new SpoolRecordException(SpoolRecordException.Reason.TRUNCATED,
                    (header.length - offset) + " bytes where a header takes " + HEADER);
        }
        int length = ByteBuffer.wrap(header, offset, HEADER).getInt();
        if (length < 2 || length > MAX_PAYLOAD) {
            throw new SpoolRecordException(SpoolRecordException.Reason.BAD_LENGTH, "payload length " + length);
        }
        return length;
    }

    /** The record whose frame starts at {@code offset}; throws with the reason when it cannot be read. */
    public static Decoded decode(byte[] bytes, int offset) throws SpoolRecordException {
        if (offset < 0 || offset > bytes.length) {
            throw new IllegalArgumentException("offset " + offset + " outside " + bytes.length + " bytes");
        }
        int length = payloadLength(bytes, offset);
        int available = bytes.length - offset - HEADER;
        if (available < length) {
            throw new SpoolRecordException(SpoolRecordException.Reason.TRUNCATED,
                    available + " of " + length + " payload bytes");
        }
        int expected = ByteBuffer.wrap(bytes, offset + 4, 4).getInt();
        int actual = crc(bytes, offset + HEADER, length);
        if (expected != actual) {
            throw new SpoolRecordException(SpoolRecordException.Reason.CHECKSUM,
                    String.format("checksum %08x, payload has %08x", expected, actual));
        }
        Reader r = new Reader(ByteBuffer.wrap(bytes, offset + HEADER, length).slice());
        int version = r.u8();
        if (version != VERSION) {
            throw r.malformed("version " + version);
        }
        int kind = r.u8();
        SpoolRecord record = switch (kind) {
            case FINAL -> readFinal(r);
            case EVENT -> readEvent(r);
            default -> throw r.malformed("kind " + kind);
        };
        if (r.in.hasRemaining()) {
            throw r.malformed(r.in.remaining() + " bytes after the record");
        }
        return new Decoded(record, HEADER + length);
    }

    private static SpoolRecord.Final readFinal(Reader r) throws SpoolRecordException {
        String callId = r.string();
        String party = r.string();
        int index = r.i32();
        long startMs = r.i64();
        long endMs = r.i64();
        String text = r.string();
        int utterance = r.i32();
        int nEvents = r.u16();
        List<AssistEvent> events = new ArrayList<>();
        for (int i = 0; i < nEvents; i++) {
            int eventUtterance = r.i32();
            String tag = r.string();
            int nDetails = r.u16();
            Map<String, String> details = new LinkedHashMap<>();
            for (int d = 0; d < nDetails; d++) {
                String key = r.string();
                String value = r.string();
                if (key == null || value == null || details.put(key, value) != null) {
                    throw r.malformed("detail " + d + " of event " + i + " missing or repeated");
                }
            }
            if (tag == null) {
                throw r.malformed("event " + i + " without a tag");
            }
            events.add(new AssistEvent(eventUtterance, tag, details));
        }
        int nCards = r.u16();
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < nCards; i++) {
            String id = r.string();
            String title = r.string();
            String body = r.string();
            int priority = r.i32();
            int cardUtterance = r.i32();
            String trigger = r.string();
            String source = r.string();
            if (id == null || title == null || body == null) {
                throw r.malformed("card " + i + " without id, title or body");
            }
            cards.add(new Card(id, title, body, priority, cardUtterance, trigger, source));
        }
        if (callId == null || party == null || text == null) {
            throw r.malformed("final without call, party or text");
        }
        return new SpoolRecord.Final(callId, party, index, startMs, endMs, text, utterance,
                new SegmentOutcome(events, cards));
    }

    private static SpoolRecord.Event readEvent(Reader r) throws SpoolRecordException {
        String callId = r.string();
        String party = r.string();
        String kind = r.string();
        String detail = r.string();
        int duration = r.i32();
        long offsetMs = r.i64();
        long seconds = r.i64();
        int nanos = r.i32();
        if (callId == null || kind == null || duration < -1) {
            throw r.malformed("event without call or kind, or duration " + duration);
        }
        Instant at;
        try {
            if (nanos < 0 || nanos > 999_999_999) {
                throw new DateTimeException("nanos " + nanos);
            }
            at = Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw r.malformed("time " + seconds + "s " + nanos + "ns");
        }
        return new SpoolRecord.Event(callId, party, kind, detail, duration < 0 ? null : duration, offsetMs, at);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static final class Writer {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);

        void u8(int v) {
            out.write(v);
        }

        void u16(int v) {
            if (v > 0xFFFF) {
                throw new IllegalArgumentException(v + " items do not fit a record");
            }
            out.write(v >>> 8);
            out.write(v);
        }

        void i32(int v) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
        }

        void i64(long v) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
        }

        void string(String s) {
            if (s == null) {
                i32(-1);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            i32(utf8.length);
            out.writeBytes(utf8);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads the payload, checking each length against what is left before reading. */
    private static final class Reader {
        private final ByteBuffer in;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        SpoolRecordException malformed(String what) {
            return new SpoolRecordException(SpoolRecordException.Reason.MALFORMED,
                    what + " (at payload byte " + in.position() + ")");
        }

        private void need(int n, String what) throws SpoolRecordException {
            if (in.remaining() < n) {
                throw malformed(what + " needs " + n + " bytes, " + in.remaining() + " left");
            }
        }

        int u8() throws SpoolRecordException {
            need(1, "a byte");
            return in.get() & 0xFF;
        }

        int u16() throws SpoolRecordException {
            need(2, "a count");
            return in.getShort() & 0xFFFF;
        }

        int i32() throws SpoolRecordException {
            need(4, "an int");
            return in.getInt();
        }

        long i64() throws SpoolRecordException {
            need(8, "a long");
            return in.getLong();
        }

        String string() throws SpoolRecordException {
            int length = i32();
            if (length == -1) {
                return null;
            }
            if (length < 0) {
                throw malformed("string length " + length);
            }
            need(length, "a string");
            ByteBuffer utf8 = in.slice(in.position(), length);
            in.position(in.position() + length);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(utf8).toString();
            } catch (CharacterCodingException e) {
                throw malformed("string not UTF-8");
            }
        }
    }
}
