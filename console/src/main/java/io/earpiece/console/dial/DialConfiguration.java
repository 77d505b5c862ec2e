package io.earpiece.console.dial;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.telephony.SessionTimerProperties;
import io.earpiece.console.telephony.TrunkRuntime;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.dial.DialOut;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Dialling out to bridges: needs the trunk, so it exists only with telephony on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "earpiece.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DialConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService dialScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dial-timers");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    DialOut dialOut(SipGateway gateway, SessionTimerProperties timers, ScheduledExecutorService dialScheduler) {
        DialOut d = new DialOut(gateway.context(), timers.config(), dialScheduler, Clock.systemUTC());
        gateway.addHandler(d);
        return d;
    }

    @Bean
    BridgeDialer bridgeDialer(DialOut dialOut, TrunkRuntime trunks, CallCoordinator coordinator, DialProperties p,
                              ScheduledExecutorService dialScheduler) {
        return new BridgeDialer(dialOut, trunks, coordinator, p, dialScheduler);
    }
}
