package io.earpiece.sip.siprec;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Reads SIPREC recording metadata into a {@link RecordingMetadata}: RFC 7865 ({@code urn:ietf:params:xml:ns:recording:1}),
 * the draft namespace without {@code :1}, and BroadWorks' {@code <recording_metadata>}; elements are matched by
 * local name, so any namespace prefix works. Who sends which stream comes from {@code participantstreamassoc},
 * from {@code <send>}/{@code <recv>} inside {@code <participant>} (drafts, Acme, AudioCodes) or from
 * {@code <send><id>..</id></send>} (BroadWorks). Caller/callee comes only from vendor extensions: Acme
 * {@code callingParty}, Intrado {@code <role>}, Sonus {@code callData} from/to headers, BroadWorks and Metaswitch
 * calling/called party numbers. A pure function that only throws {@link MetadataParseException}.
 */
public final class MetadataParser {
    public static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_PARTICIPANTS = 64;
    private static final int MAX_STREAMS = 64;

    public RecordingMetadata parse(byte[] xml) throws MetadataParseException {
        if (xml == null || xml.length == 0) {
            throw new MetadataParseException("empty recording metadata");
        }
        if (xml.length > MAX_BYTES) {
            throw new MetadataParseException("recording metadata of " + xml.length + " bytes exceeds " + MAX_BYTES);
        }
        Element root = parseXml(xml).getDocumentElement();
        String rootName = local(root);
        if (!rootName.equals("recording") && !rootName.equals("recording_metadata")) {
            throw new MetadataParseException("root element is <" + rootName + ">, not <recording>");
        }
        String sessionId = null;
        boolean partial = false;
        Map<String, Participant> participants = new LinkedHashMap<>();
        List<Element> streams = new ArrayList<>();
        Map<String, List<String>> associated = new LinkedHashMap<>();
        for (Element e : children(root)) {
            switch (local(e).toLowerCase(Locale.ROOT)) {
                case "session" -> {
                    if (sessionId == null) {
                        sessionId = id(e, "session_id");
                    }
                }
                case "participant" -> {
                    if (participants.size() == MAX_PARTICIPANTS) {
                        throw new MetadataParseException("more than " + MAX_PARTICIPANTS + " participants");
                    }
                    Participant p = participant(e, participants.size() + 1);
                    participants.merge(p.id(), p, (a, b) -> a);
                }
                case "stream" -> {
                    if (streams.size() == MAX_STREAMS) {
                        throw new MetadataParseException("more than " + MAX_STREAMS + " streams");
                    }
                    streams.add(e);
                }
                case "datamode" -> partial = "partial".equalsIgnoreCase(text(e));
                case "participantstreamassoc" -> {
                    String pid = id(e, "participant_id");
                    if (pid != null) {
                        associated.computeIfAbsent(pid, k -> new ArrayList<>()).addAll(sends(e));
                    }
                }
                default -> {
                    // group, sessionrecordingassoc, participantsessionassoc, extensiondata, datamode: not needed
                }
            }
        }
        associated.forEach((pid, sends) -> participants.computeIfPresent(pid, (k, p) -> {
            List<String> all = new ArrayList<>(p.sends());
            all.addAll(sends);
            return p.withSends(all);
        }));
        List<Participant> people = CallerHints.apply(root, new ArrayList<>(participants.values()));
        return associate(sessionId, people, streams, partial);
    }

    private static RecordingMetadata associate(String sessionId, List<Participant> people, List<Element> streamElements,
                                               boolean partial) throws MetadataParseException {
        record Raw(String id, String label, boolean mixed) {
        }
        List<Raw> raws = new ArrayList<>();
        for (Element e : streamElements) {
            String id = id(e, "stream_id");
            String label = null;
            boolean mixed = false;
            for (Element c : children(e)) {
                if (local(c).equals("label")) {
                    label = text(c);
                } else if (local(c).equals("mode")) {
                    mixed = "mixed".equalsIgnoreCase(text(c));
                }
            }
            if (label == null || label.isEmpty()) {
                throw new MetadataParseException("stream " + id + " has no label");
            }
            raws.add(new Raw(id == null ? "stream-" + (raws.size() + 1) : id, label, mixed));
        }
        boolean stated = people.stream().anyMatch(p -> !p.sends().isEmpty());
        List<List<String>> senders = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            senders.add(new ArrayList<>());
        }
        if (stated) {
            List<String> dangling = new ArrayList<>();
            for (Participant p : people) {
                boolean placed = false;
                for (int i = 0; i < raws.size(); i++) {
                    if (p.sends().contains(raws.get(i).id())) {
                        senders.get(i).add(p.id());
                        placed = true;
                    }
                }
                if (!placed && !p.sends().isEmpty()) {
                    dangling.add(p.id());
                }
            }
            // A participant sending a stream the metadata never describes (BroadWorks does this for the far end of
            // a mixed recording) is heard on the one mixed stream, if there is exactly one such stream.
            int mixedIndex = soleMixed(raws.stream().map(Raw::mixed).toList());
            if (mixedIndex >= 0) {
                senders.get(mixedIndex).addAll(dangling);
            }
        } else {
            // Nothing says who sends what: pair by document order, and report it as not stated.
            for (int i = 0; i < Math.min(people.size(), raws.size()); i++) {
                senders.get(i).add(people.get(i).id());
            }
        }
        List<RecordedStream> streams = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            streams.add(new RecordedStream(r.id(), r.label(), r.mixed(), senders.get(i)));
        }
        return new RecordingMetadata(sessionId, people, streams, stated, partial);
    }

    private static int soleMixed(List<Boolean> mixed) {
        if (mixed.size() == 1) {
            return 0;
        }
        int found = -1;
        for (int i = 0; i < mixed.size(); i++) {
            if (mixed.get(i)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static Participant participant(Element e, int ordinal) {
        String id = id(e, "participant_id");
        String aor = null;
        String name = null;
        List<String> sends = new ArrayList<>();
        CallRole role = CallRole.NOT_STATED;
        for (Element c : children(e)) {
            switch (local(c)) {
                case "nameID" -> {
                    String a = c.getAttribute("aor").trim();
                    if (!a.isEmpty() && aor == null) {
                        aor = a;
                    }
                    for (Element n : children(c)) {
                        if (local(n).equals("name") && !text(n).isEmpty()) {
                            name = text(n);
                        }
                    }
                }
                case "aor" -> {
                    if (aor == null && !text(c).isEmpty()) {
                        aor = text(c);
                    }
                }
                case "name" -> {
                    if (name == null && !text(c).isEmpty()) {
                        name = text(c);
                    }
                }
                case "send" -> sends.addAll(ids(c));
                case "role" -> role = CallerHints.role(text(c));
                default -> {
                }
            }
        }
        if (role == CallRole.NOT_STATED) {
            role = CallerHints.callingParty(e);
        }
        return new Participant(id == null ? "participant-" + ordinal : id, name, aor, role, sends);
    }

    /** The stream ids a {@code <send>} names: its text, or its {@code <id>} children (BroadWorks). */
    private static List<String> ids(Element send) {
        List<String> out = new ArrayList<>();
        List<Element> kids = children(send);
        if (kids.isEmpty()) {
            if (!text(send).isEmpty()) {
                out.add(text(send));
            }
        } else {
            for (Element k : kids) {
                if (!text(k).isEmpty()) {
                    out.add(text(k));
                }
            }
        }
        return out;
    }

    private static List<String> sends(Element assoc) {
        List<String> out = new ArrayList<>();
        for (Element c : children(assoc)) {
            if (local(c).equals("send")) {
                out.addAll(ids(c));
            }
        }
        return out;
    }

    /** RFC 7865's {@code participant_id}/{@code stream_id}/{@code session_id}, or the drafts' {@code id}. */
    private static String id(Element e, String rfcName) {
        String v = e.getAttribute(rfcName).trim();
        if (v.isEmpty()) {
            v = e.getAttribute("id").trim();
        }
        return v.isEmpty() ? null : v;
    }

    static String local(Node n) {
        String l = n.getLocalName();
        if (l == null) {
            l = n.getNodeName();
            int colon = l.indexOf(':');
            if (colon >= 0) {
                l = l.substring(colon + 1);
            }
        }
        return l;
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** Element text with surrounding white space (vendors wrap values over lines) removed. */
    static String text(Element e) {
        return e.getTextContent().trim();
    }

    private static Document parseXml(byte[] xml) throws MetadataParseException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // Metadata comes from the network: no DTDs, no external entities, no entity expansion bombs.
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // no stderr noise; fatal errors still throw
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new MetadataParseException("recording metadata is not well-formed XML: " + firstLine(e.getMessage()));
        } catch (ParserConfigurationException | IOException e) {
            throw new MetadataParseException("recording metadata could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 80 ? line.substring(0, 80) : line;
    }
}
