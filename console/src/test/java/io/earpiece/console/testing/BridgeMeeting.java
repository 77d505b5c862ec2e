package io.earpiece.console.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a conference bridge plays to a caller: a spoken prompt asking for the meeting ID, a pause for the PIN, then
 * the meeting (a synth call's mono mix), as one 16 kHz WAV and one RTP/PCMU pcap for sipp's play_pcap_audio, with
 * the meeting's reference transcript moved to where the meeting starts and spoken by the {@code mixed} party.
 */
public record BridgeMeeting(Path wav, Path pcap, double promptEndS, double meetingStartS,
                            ReferenceTranscript reference) {

    private static final int RATE = 16000;
    static final String PROMPT = "Welcome to the conference service. Please enter your meeting number, followed by the"
            + " pound key.";

    /** Builds (once per build) the bridge audio around {@code meeting}, with {@code pauseS} between prompt and meeting. */
    public static synchronized BridgeMeeting build(SynthCall meeting, double pauseS) throws IOException,
            InterruptedException {
        Path dir = meeting.dir();
        Path promptWav = dir.resolve("bridge-prompt.wav");
        if (!Files.isRegularFile(promptWav)) {
            Path raw = dir.resolve("bridge-prompt-raw.wav");
            run("espeak-ng", "-v", "en-us", "-s", "160", "-w", raw.toString(), PROMPT);
            run("sox", raw.toString(), "-r", String.valueOf(RATE), "-c", "1", "-b", "16", promptWav.toString());
        }
        short[] prompt = AudioMath.readWav(promptWav);
        short[] mono = AudioMath.readWav(dir.resolve(meeting.name() + ".mono.wav"));
        double promptEnd = AudioMath.lastVoicedS(prompt, RATE, 0, prompt.length / (double) RATE);
        int pause = (int) Math.round(pauseS * RATE);
        short[] all = new short[prompt.length + pause + mono.length];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(mono, 0, all, prompt.length + pause, mono.length);
        double meetingStart = (prompt.length + pause) / (double) RATE;
        Path wav = dir.resolve("bridge-" + meeting.name() + ".wav");
        Path pcap = dir.resolve("bridge-" + meeting.name() + ".pcmu.pcap");
        writeWav(wav, all);
        writePcap(pcap, all, 0x3333);
        List<ReferenceTranscript.Utterance> moved = new ArrayList<>();
        for (ReferenceTranscript.Utterance u : meeting.reference().utterances()) {
            moved.add(new ReferenceTranscript.Utterance("mixed", u.text(), u.tags(), u.start() + meetingStart,
                    u.end() + meetingStart));
        }
        ReferenceTranscript ref = new ReferenceTranscript(meeting.reference().title(), meeting.reference().type(),
                all.length / (double) RATE, moved);
        return new BridgeMeeting(wav, pcap, promptEnd, meetingStart, ref);
    }

    /**
     * The call's mono mix (both voices on one stream, as a PBX that records one mixed stream sends it) as an RTP/PCMU
     * pcap for sipp's play_pcap_audio, written beside the rendered call.
     */
    public static synchronized Path monoPcap(SynthCall call) throws IOException {
        Path pcap = call.dir().resolve(call.name() + ".mono.pcmu.pcap");
        writePcap(pcap, AudioMath.readWav(call.dir().resolve(call.name() + ".mono.wav")), 0x4444);
        return pcap;
    }

    public double durationS() {
        return reference.duration_s();
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (needs espeak-ng and sox):\n" + out);
        }
    }

    private static void writeWav(Path path, short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + pcm.length * 2).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(pcm.length * 2);
        for (short s : pcm) {
            b.putShort(s);
        }
        Files.write(path, b.array());
    }

    /** RTP/PCMU at 8 kHz in 20 ms packets, every other sample of the 16 kHz audio (band-limited by espeak/sox). */
    private static void writePcap(Path path, short[] pcm16k, int ssrc) throws IOException {
        try (OutputStream f = Files.newOutputStream(path); DataOutputStream out = new DataOutputStream(f)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            out.write(h.array());
            int seq = 1000;
            long ts = 0;
            long us = 0;
            for (int off = 0; off + 320 <= pcm16k.length; off += 320) {
                byte[] rtp = new byte[12 + 160];
                rtp[0] = (byte) 0x80;
                rtp[2] = (byte) (seq >> 8);
                rtp[3] = (byte) seq;
                ByteBuffer.wrap(rtp, 4, 8).putInt((int) ts).putInt(ssrc);
                for (int i = 0; i < 160; i++) {
                    rtp[12 + i] = io.earpiece.media.g711.MuLaw.encode(pcm16k[off + 2 * i]);
                }
                byte[] udp = ByteBuffer.allocate(8 + rtp.length).putShort((short) 40000).putShort((short) 6000)
                        .putShort((short) (8 + rtp.length)).putShort((short) 0).put(rtp).array();
                byte[] ip = ByteBuffer.allocate(20 + udp.length).put((byte) 0x45).put((byte) 0)
                        .putShort((short) (20 + udp.length)).putShort((short) 0).putShort((short) 0).put((byte) 64)
                        .put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1})
                        .put(udp).array();
                byte[] eth = ByteBuffer.allocate(14 + ip.length).put(new byte[12]).putShort((short) 0x0800).put(ip)
                        .array();
                ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                rec.putInt((int) (us / 1_000_000)).putInt((int) (us % 1_000_000)).putInt(eth.length).putInt(eth.length);
                out.write(rec.array());
                out.write(eth);
                seq = (seq + 1) & 0xFFFF;
                ts += 160;
                us += 20_000;
            }
        }
    }
}
