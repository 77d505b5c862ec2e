package io.earpiece.console.testing;

import io.earpiece.console.EarpieceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server as configured by default, started in the test's JVM on loopback: HTTP and SIP on free ports, RTP on
 * a range of 100 ports of the test's own (so that ITs running side by side do not share one), its data under
 * {@code dataDir}, an in-memory H2 database of that folder's name, the first admin created
 * ({@link TestAuth#ADMIN_PASSWORD}), no nightly reports; {@code beans} registers extra beans before the scan.
 */
public final class LoopbackServer {

    private LoopbackServer() {
    }

    /** @param extra further properties, {@code name=value}; each may be named once (no override of the above) */
    public static ConfigurableApplicationContext start(Path dataDir, int rtpPortMin,
                                                       Consumer<ConfigurableApplicationContext> beans,
                                                       String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "server.port=0", "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0",
                "earpiece.sip.public-host=127.0.0.1", "earpiece.rtp.host=127.0.0.1",
                "earpiece.rtp.port-min=" + rtpPortMin, "earpiece.rtp.port-max=" + (rtpPortMin + 99),
                TestAuth.ADMIN_PASSWORD_PROPERTY, "earpiece.data-dir=" + dataDir,
                "earpiece.reports.nightly=false",
                "spring.datasource.url=jdbc:h2:mem:" + dataDir.getFileName() + ";DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(EarpieceApplication.class)
                .initializers(TestClassesExcluded::register, beans::accept)
                .run(args.stream().map(a -> "--" + a).toArray(String[]::new));
    }
}
