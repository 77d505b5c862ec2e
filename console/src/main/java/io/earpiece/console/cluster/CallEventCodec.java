package io.earpiece.console.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.console.events.CallEvent;
import io.earpiece.console.events.CallStateEvent;
import io.earpiece.console.events.CardEvent;
import io.earpiece.console.events.CardWithdrawnEvent;
import io.earpiece.console.events.InsightEvent;
import io.earpiece.console.events.ProvisionalCardEvent;
import io.earpiece.console.events.SegmentEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Call events as the bytes nodes exchange on the event topic: a JSON object with the event's {@code type} and its
 * fields by name, written and read field by field (not by reflection), so that a record's accessor that differs from
 * its field (the card events' {@code key()}) cannot corrupt the round trip, and a foreign or truncated record is
 * refused with a reason. A pure function of bytes; nodes of one cluster run one version.
 */
public final class CallEventCodec {

    /** Records above this size are refused unread: no event the server makes comes near it. */
    static final int MAX_BYTES = 256 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    public byte[] encode(CallEvent event) {
        ObjectNode o = json.createObjectNode();
        if (event instanceof SegmentEvent e) {
            o.put("type", e.type()).put("callId", e.callId()).put("party", e.party()).put("index", e.index())
                    .put("startMs", e.startMs()).put("endMs", e.endMs()).put("text", e.text())
                    .put("isFinal", e.isFinal());
        } else if (event instanceof CallStateEvent e) {
            o.put("type", e.type()).put("callId", e.callId()).put("state", e.state()).put("party", e.party());
        } else if (event instanceof CardEvent e) {
            o.put("type", e.type()).put("callId", e.callId()).put("id", e.id()).put("cardKey", e.cardKey())
                    .put("title", e.title()).put("body", e.body()).put("priority", e.priority())
                    .put("utterance", e.utterance()).put("trigger", e.trigger()).put("replaces", e.replaces());
        } else if (event instanceof ProvisionalCardEvent e) {
            o.put("type", e.type()).put("callId", e.callId()).put("provisionalKey", provisionalKey(e))
                    .put("cardKey", e.cardKey()).put("title", e.title()).put("body", e.body())
                    .put("priority", e.priority()).put("party", e.party()).put("trigger", e.trigger());
        } else if (event instanceof CardWithdrawnEvent e) {
            o.put("type", e.type()).put("callId", e.callId()).put("provisionalKey", withdrawnKey(e));
        } else if (event instanceof InsightEvent e) {
            o.put("type", e.type()).put("callId", e.callId()).put("utterance", e.utterance()).put("party", e.party())
                    .put("tag", e.tag());
            ObjectNode details = o.putObject("details");
            if (e.details() != null) {
                e.details().forEach(details::put);
            }
        } else {
            throw new IllegalArgumentException("no encoding for " + event.getClass().getName());
        }
        try {
            return json.writeValueAsBytes(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write " + event.key(), ex);
        }
    }

    public CallEvent decode(byte[] bytes) throws EventDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodeException("empty record");
        }
        if (bytes.length > MAX_BYTES) {
            throw new EventDecodeException("record of " + bytes.length + " bytes, more than " + MAX_BYTES);
        }
        JsonNode o;
        try {
            o = json.readTree(bytes);
        } catch (java.io.IOException ex) {
            throw new EventDecodeException("not JSON: " + firstLine(ex.getMessage()));
        }
        if (o == null || !o.isObject()) {
            throw new EventDecodeException("not a JSON object");
        }
        String type = text(o, "type");
        String callId = text(o, "callId");
        return switch (type) {
            case "segment", "partial", "retracted" -> new SegmentEvent(type, callId, text(o, "party"),
                    integer(o, "index"), number(o, "startMs"), number(o, "endMs"), text(o, "text"),
                    bool(o, "isFinal"));
            case "call" -> new CallStateEvent(type, callId, text(o, "state"), optionalText(o, "party"));
            case "card" -> new CardEvent(type, callId, number(o, "id"), text(o, "cardKey"), text(o, "title"),
                    text(o, "body"), integer(o, "priority"), integer(o, "utterance"), optionalText(o, "trigger"),
                    optionalText(o, "replaces"));
            case "card_provisional" -> new ProvisionalCardEvent(type, callId, text(o, "provisionalKey"),
                    text(o, "cardKey"), text(o, "title"), text(o, "body"), integer(o, "priority"),
                    optionalText(o, "party"), optionalText(o, "trigger"));
            case "card_withdrawn" -> new CardWithdrawnEvent(type, callId, text(o, "provisionalKey"));
            case "insight" -> new InsightEvent(type, callId, integer(o, "utterance"), optionalText(o, "party"),
                    text(o, "tag"), details(o));
            default -> throw new EventDecodeException("unknown event type '" + abbreviate(type) + "'");
        };
    }

    /** The provisional card's own key: the record's {@code key()} prefixes it for de-duplication. */
    private static String provisionalKey(ProvisionalCardEvent e) {
        return stripPrefix(e.key(), "card_provisional/");
    }

    private static String withdrawnKey(CardWithdrawnEvent e) {
        return stripPrefix(e.key(), "card_withdrawn/");
    }

    private static String stripPrefix(String key, String prefix) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static Map<String, String> details(JsonNode o) throws EventDecodeException {
        JsonNode d = o.get("details");
        Map<String, String> out = new LinkedHashMap<>();
        if (d == null || d.isNull()) {
            return out;
        }
        if (!d.isObject()) {
            throw new EventDecodeException("details is not an object");
        }
        var fields = d.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().isTextual()) {
                throw new EventDecodeException("details." + abbreviate(f.getKey()) + " is not a string");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }

    private static String text(JsonNode o, String field) throws EventDecodeException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new EventDecodeException("missing or non-string " + field);
        }
        return v.asText();
    }

    private static String optionalText(JsonNode o, String field) throws EventDecodeException {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new EventDecodeException("non-string " + field);
        }
        return v.asText();
    }

    private static long number(JsonNode o, String field) throws EventDecodeException {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new EventDecodeException("missing or non-integer " + field);
        }
        return v.asLong();
    }

    private static int integer(JsonNode o, String field) throws EventDecodeException {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new EventDecodeException("missing or non-integer " + field);
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode o, String field) throws EventDecodeException {
        JsonNode v = o.get(field);
        if (v == null || !v.isBoolean()) {
            throw new EventDecodeException("missing or non-boolean " + field);
        }
        return v.asBoolean();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }
}
