package io.earpiece.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * All of Earpiece's own settings, bound from {@code earpiece.*} properties or their environment
 * equivalents ({@code EARPIECE_SIP_PORT}, ...). Defaults are the embedded single-JVM setup.
 *
 * @param dataDir where the embedded database, recordings and models live
 */
@ConfigurationProperties("earpiece")
public record EarpieceProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Sip sip,
        @DefaultValue Rtp rtp,
        @DefaultValue Whisper whisper,
        @DefaultValue Live live) {

    /**
     * Admission of calls to live transcription. How many calls are admitted follows the measured decode load (see
     * {@code LiveCapacityController}): the finals' wait plus decode and the decode workers' busy fraction over
     * {@code window}, and what one live call costs in decode time; calls beyond are answered and recorded as usual,
     * marked deferred, and transcribed and analysed after their hang-up, so that the calls already admitted keep
     * their latency. An admitted call is never taken off live transcription.
     *
     * @param capacity        the most calls transcribed live at once; the measured load may admit fewer. 0: no fixed
     *                        bound, the load alone decides
     * @param callsPerWorker  live calls per decode worker admitted before anything is measured, when {@code capacity}
     *                        is 0: with tiny.en on the 2-core build machine two workers kept ten calls' finals in
     *                        time (with {@code capacity} set, that many are admitted to begin with)
     * @param decodeBudget    the finals' wait for a worker plus decode (p95 over the window) the admitted calls keep;
     *                        above it no more calls are admitted. 400 ms keeps end of speech → final p95 near 800 ms
     *                        with the 300 ms commit pause (the final is decoded speculatively during the pause)
     * @param busyLimit       decode workers' busy fraction over the window above which no more calls are admitted
     * @param targetBusy      busy fraction the capacity estimate fills up to (the measured cost per call decides how
     *                        many calls that is); below {@code busyLimit}, so that sentences ending together fit
     * @param window          how far back the load is measured
     * @param raiseHold       least time between two raises of the capacity (it falls at once), so it does not flap
     * @param rampStep        calls admitted live but not measured yet (none of their finals decoded) above which a new
     *                        call is deferred, whatever the capacity: a burst (twenty calls at once) is admitted this
     *                        many at a time, each step measured before the next, so the calls already admitted are not
     *                        slowed by the calls admitted with them. 3: one call alone and ten together differ by
     *                        ~400 ms of final p95 on two cores, so three unmeasured calls cannot push a measured load
     *                        far past the budget
     * @param trial           how long an admitted call that has not spoken counts as not measured; after it, silence
     *                        has cost nothing and no longer holds the ramp
     * @param afterCallBusyLimit live decodes' busy fraction of the decode workers (over the last 3 s) above which a
     *                        deferred call's after-call transcription waits: it goes through the same workers at the
     *                        lowest priority, after every queued live decode and on all workers but one, so that it
     *                        never delays a live final. 0.5: below the 0.75 at which live partials are shed
     * @param afterCallYield  how long after a deferred call's hang-up its transcription waits for that room; after it,
     *                        it runs whenever a worker has no live decode queued, so that the transcript and summary
     *                        come within about two minutes of the hang-up even while the live calls keep the workers
     *                        busy
     */
    public record Live(@DefaultValue("0") int capacity,
                       @DefaultValue("5") int callsPerWorker,
                       @DefaultValue("400ms") Duration decodeBudget,
                       @DefaultValue("0.85") double busyLimit,
                       @DefaultValue("0.7") double targetBusy,
                       @DefaultValue("10s") Duration window,
                       @DefaultValue("5s") Duration raiseHold,
                       @DefaultValue("3") int rampStep,
                       @DefaultValue("10s") Duration trial,
                       @DefaultValue("0.5") double afterCallBusyLimit,
                       @DefaultValue("60s") Duration afterCallYield) {
    }

    /**
     * SIP signalling.
     *
     * @param host       bind address
     * @param port       UDP port (0 picks a free one)
     * @param publicHost address put in Contact and SDP; empty means the first non-loopback address
     * @param maxCalls   legs above this get 503 with Retry-After
     * @param bot        who may place bot legs
     * @param tcp        SIP over TCP on the same port as UDP
     * @param tls        SIP over TLS
     */
    public record Sip(@DefaultValue("0.0.0.0") String host,
                      @DefaultValue("5060") int port,
                      @DefaultValue("") String publicHost,
                      @DefaultValue("100") int maxCalls,
                      @DefaultValue Bot bot,
                      @DefaultValue Tcp tcp,
                      @DefaultValue SipTls tls) {
    }

    /**
     * SIP over TCP.
     *
     * @param enabled listen on TCP on {@code earpiece.sip.port} too (off by default: UDP is what every dialer speaks,
     *                and a second listener on 5060 is a choice the admin makes)
     */
    public record Tcp(@DefaultValue("false") boolean enabled) {
    }

    /**
     * SIP over TLS (TLS 1.2 and 1.3 only). The certificate comes from PEM files or a PKCS#12 store; with neither
     * set, the HTTPS files ({@code earpiece.tls.*}) are used, so one certificate can serve both.
     *
     * @param enabled            listen on {@code port} for TLS
     * @param port               TLS port (5061 by convention; 0 picks a free one)
     * @param certificate        PEM certificate chain, server certificate first
     * @param privateKey         its PEM private key (PKCS#8, encrypted PKCS#8 or PKCS#1 RSA)
     * @param privateKeyPassword password of an encrypted key
     * @param keystore           PKCS#12 store instead of the PEM pair
     * @param keystorePassword   the store's password
     * @param clientAuth         {@code none}, {@code want} or {@code need} (mutual TLS: clients without a trusted
     *                           certificate fail the handshake)
     * @param trustedCa          PEM file of CAs whose client certificates are trusted
     * @param pinnedCertificates SHA-256 fingerprints of client certificates trusted as they are (a carrier's
     *                           self-signed one)
     * @param reloadInterval     how often the files are checked for a renewed certificate (0: never)
     * @param trunkTrustedCa     PEM file of CAs that may issue a TLS trunk's server certificate when the trunk names
     *                           neither a pinned certificate nor a CA file of its own; unset: the JDK's trusted CAs
     */
    public record SipTls(@DefaultValue("false") boolean enabled,
                         @DefaultValue("5061") int port,
                         Path certificate,
                         Path privateKey,
                         @DefaultValue("") String privateKeyPassword,
                         Path keystore,
                         @DefaultValue("") String keystorePassword,
                         @DefaultValue("none") io.earpiece.sip.SipTransports.ClientAuth clientAuth,
                         Path trustedCa,
                         @DefaultValue({}) List<String> pinnedCertificates,
                         @DefaultValue("60s") Duration reloadInterval,
                         Path trunkTrustedCa) {
    }

    /**
     * Who may send bot-leg INVITEs (a dialer or PBX forking each party to Earpiece). A leg's From decides whose
     * call list it lands in, so only named dialers are believed.
     *
     * @param trustedSources    IP addresses and CIDR ranges answered without credentials; {@code loopback} is
     *                          127.0.0.0/8 and ::1. Loopback only by default: a PBX on another host must be added
     * @param username          with {@code password}: other addresses may place legs with these digest credentials
     *                          (401 challenge, realm {@code earpiece.telephony.realm}); empty: they get 403
     * @param password          the dialer's digest password (only its HA1 is kept in memory)
     * @param maxCallsPerSource concurrent bot legs one address may hold (503 with Retry-After above it); 0: no quota
     *                          of its own, since one PBX usually forks every call and needs all of {@code max-calls}
     * @param srtp              bot legs' media encryption (SRTP keyed with SDES): {@code off} (RTP/SAVP offers get
     *                          488), {@code optional} (SRTP when offered, the default) or {@code mandatory} (clear
     *                          offers get 488)
     */
    public record Bot(@DefaultValue("loopback") List<String> trustedSources,
                      @DefaultValue("") String username,
                      @DefaultValue("") String password,
                      @DefaultValue("0") int maxCallsPerSource,
                      @DefaultValue("optional") String srtp) {
    }

    /**
     * RTP media.
     *
     * @param host         bind address of RTP sockets
     * @param portMin      first port of the RTP pool
     * @param portMax      last port of the RTP pool
     * @param mediaTimeout a leg whose RTP stops for this long is hung up
     * @param jitterDelay  reordering delay of the jitter buffer
     */
    public record Rtp(@DefaultValue("0.0.0.0") String host,
                      @DefaultValue("40000") int portMin,
                      @DefaultValue("40999") int portMax,
                      @DefaultValue("30s") Duration mediaTimeout,
                      @DefaultValue("60ms") Duration jitterDelay) {
    }

    /**
     * Speech recognition with whisper.cpp.
     *
     * @param model    ggml model file; empty means {@code <data-dir>/models/ggml-base.en.bin}, and a missing
     *                 default file only disables transcription, while a missing configured file stops start-up
     * @param threads  CPU threads per decode; 1 by default, because on short utterances whisper.cpp gains nothing
     *                 from a second thread while a second decode at once doubles the throughput
     * @param contexts decodes that may run at once (workers of the recognition scheduler); 0 means one per core,
     *                 at most 4 (each holds a whisper state in memory)
     * @param backend  {@code cpu} (the whisper.cpp bundled in whisper-jni), {@code cuda:/dir} or {@code external:/dir}
     *                 (a libwhisper built elsewhere, e.g. by docker/Dockerfile.cuda)
     * @param partialInterval how much new speech triggers another partial decode
     * @param commitPause silence after a speaker's last word that commits the final of a live segment; speech that
     *                 goes on after it continues in the next segment. Short, because the rep waits for the final
     *                 (and its cards) from the last word; longer values keep sentences together in one segment
     * @param maxQueued queued decodes above which partial decodes are dropped (finals never are)
     * @param partialBusyLimit busy fraction of the decode workers (over the last 3 s) above which new partials are
     *                 dropped, so that finals get the whole pool under load; 1 drops partials only by queue length
     * @param temperatureFallback re-decode a final at higher temperatures when greedy decoding looks unreliable, as
     *                 whisper.cpp does by default; off trades some accuracy on hard audio for steadier latency
     * @param maxPromptChars how much of a party's previous final (its end) prompts the next decode of a live call.
     *                 Whisper decodes every prompt token with each utterance before the utterance's own words: on the
     *                 2-core machine 200 characters made a 1.5 s utterance's decode about 2.4 times as long as none,
     *                 100 characters about 1.6 times; 100 keeps about the last sentence. 0 gives no prompt
     * @param quantize {@code q8_0}: an f16/f32 model is run from a q8_0 copy written next to it on first start
     *                 (about 20 % faster on CPU, negligible accuracy cost); {@code none}: the file as it is
     */
    public record Whisper(@DefaultValue("") String model,
                          @DefaultValue("1") int threads,
                          @DefaultValue("0") int contexts,
                          @DefaultValue("en") String language,
                          @DefaultValue("cpu") String backend,
                          @DefaultValue("700ms") Duration partialInterval,
                          @DefaultValue("300ms") Duration commitPause,
                          @DefaultValue("16") int maxQueued,
                          @DefaultValue("0.75") double partialBusyLimit,
                          @DefaultValue("true") boolean temperatureFallback,
                          @DefaultValue("100") int maxPromptChars,
                          @DefaultValue("q8_0") Quantize quantize) {
    }

    /** How the Whisper model's matrices are stored when it runs. */
    public enum Quantize { Q8_0, NONE }

    /** Contexts when {@code earpiece.whisper.contexts} is 0. */
    public static final int MAX_AUTO_CONTEXTS = 4;

    /** Decodes at once: as configured, or one per core (at most {@value #MAX_AUTO_CONTEXTS}) for 0. */
    public int whisperContexts() {
        int configured = whisper.contexts();
        return configured > 0 ? configured
                : Math.max(1, Math.min(MAX_AUTO_CONTEXTS, Runtime.getRuntime().availableProcessors()));
    }

    /** The Whisper model file in effect and whether the admin named it explicitly. */
    public Path whisperModel() {
        return whisper.model().isBlank() ? dataDir.resolve("models").resolve("ggml-base.en.bin") : Path.of(whisper.model());
    }

    /** The most calls ever transcribed live at once: as configured, or no bound for 0. */
    public int liveCeiling() {
        return live.capacity() > 0 ? live.capacity() : Integer.MAX_VALUE;
    }

    /** Calls admitted live before the decode load is measured: as configured, or {@code callsPerWorker} per worker. */
    public int liveInitialCapacity() {
        return live.capacity() > 0 ? live.capacity() : Math.max(1, live.callsPerWorker() * whisperContexts());
    }

    public Path recordingsDir() {
        return dataDir.resolve("recordings");
    }
}
