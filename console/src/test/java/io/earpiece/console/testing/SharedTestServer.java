package io.earpiece.console.testing;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One running server for the ITs that only call the API (role checks, input checks, headers): every class with
 * this annotation gets the same Spring context, so the test JVM starts it once rather than once per class. Tests
 * on it create their own users and data, with names no other class uses, and assert on those alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=46500", "earpiece.rtp.port-max=46599",
        "earpiece.data-dir=target/it-data/shared", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.web-socket.allowed-origins=" + SharedTestServer.ALLOWED_ORIGIN,
        "spring.datasource.url=jdbc:h2:mem:shared;DB_CLOSE_DELAY=-1"})
public @interface SharedTestServer {

    /** A second origin besides the server's own from which browsers may open WebSockets. */
    String ALLOWED_ORIGIN = "https://console.example";
}
