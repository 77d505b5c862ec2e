package io.earpiece.console.routing;

import io.earpiece.console.followup.FollowUpMailer;
import io.earpiece.db.routing.RoutedMessageRepository;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.http.JsonHttp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's deliverer of routed messages (the worker picks up every Exporter bean). */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    RoutedDelivery routedDelivery(RoutedMessageRepository messages, FollowUpMailer mailer, JsonHttp exportHttp,
                                  DeliveryLedger ledger, RoutingProperties properties) {
        return new RoutedDelivery(messages, mailer, exportHttp, ledger, properties);
    }
}
