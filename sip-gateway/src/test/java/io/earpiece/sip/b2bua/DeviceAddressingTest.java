package io.earpiece.sip.b2bua;

import io.earpiece.sip.SipContext;
import io.earpiece.sip.uas.ContactPorts;
import org.junit.jupiter.api.Test;

import java.util.List;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which transport a device is rung over, and what our Via and Contact then say. */
class DeviceAddressingTest {
    private final AddressFactory addresses;
    private final HeaderFactory headers;

    DeviceAddressingTest() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        addresses = factory.createAddressFactory();
        headers = factory.createHeaderFactory();
    }

    private SipContext gateway(boolean tcp, int tls) {
        return new SipContext(null, null, headers, addresses, "127.0.0.1", 5060, "Earpiece-test",
                new ContactPorts(5060, tcp, tls), null, new io.earpiece.sip.flow.Flows());
    }

    private DeviceAddressing device(String contact, String registeredOver, SipContext sip) throws Exception {
        return DeviceAddressing.of(addresses.createURI(contact), registeredOver, sip);
    }

    @Test
    void aDeviceRegisteredThroughAnEdgeProxyIsRungThroughItsPath() throws Exception {
        // registered over TCP through the proxy, which holds the connection: any node sends to the proxy over UDP
        DeviceAddressing d = DeviceAddressing.of(addresses.createURI("sip:alice@192.0.2.7:5062;transport=tcp"), "udp", null,
                List.of("<sip:10.0.0.2:5060;lr;received=sip:192.0.2.7:40512%3Btransport%3Dtcp>"), gateway(false, -1));
        assertThat(d.transport()).as("the first hop's transport").isEqualTo("udp");
        assertThat(d.route()).containsExactly("<sip:10.0.0.2:5060;lr;received=sip:192.0.2.7:40512%3Btransport%3Dtcp>");
        assertThat(d.requestUri().toString()).as("the device's Contact, untouched")
                .isEqualTo("sip:alice@192.0.2.7:5062;transport=tcp");
        assertThat(d.via().getTransport()).isEqualToIgnoringCase("udp");
    }

    @Test
    void theContactsTransportParameterWinsOverTheRegistrations() throws Exception {
        DeviceAddressing d = device("sip:alice@192.0.2.7:5062;transport=TCP", "udp", gateway(true, -1));
        assertThat(d.transport()).isEqualTo("tcp");
        ViaHeader via = d.via();
        assertThat(via.getTransport()).isEqualToIgnoringCase("tcp");
        assertThat(via.getPort()).isEqualTo(5060);
        assertThat(d.contact("earpiece").getAddress().getURI().toString())
                .isEqualTo("sip:earpiece@127.0.0.1:5060;transport=tcp");
        assertThat(d.requestUri().toString()).isEqualTo("sip:alice@192.0.2.7:5062;transport=TCP");
    }

    @Test
    void aContactWithoutTransportIsRungOverTheTransportItsRegisterCameOver() throws Exception {
        DeviceAddressing d = device("sip:alice@192.0.2.7:5062", "tcp", gateway(true, -1));
        assertThat(d.transport()).isEqualTo("tcp");
        assertThat(d.requestUri().getTransportParam()).as("so the stack sends it over TCP").isEqualTo("tcp");
    }

    @Test
    void aDeviceWithAFlowIsRungOverTheFlowsTransportWhateverItsContactSays() throws Exception {
        io.earpiece.sip.flow.Flow flow = new io.earpiece.sip.flow.Flow("198.51.100.4", 50001, "tls");
        DeviceAddressing d = DeviceAddressing.of(addresses.createURI("sip:alice@10.0.0.2:5060;transport=tcp;ob"),
                "tls", flow, List.of(), gateway(true, 5061));
        assertThat(d.flow()).isEqualTo(flow);
        assertThat(d.transport()).isEqualTo("tls");
        assertThat(d.via().getPort()).isEqualTo(5061);
        assertThat(d.requestUri().toString()).as("the Request-URI stays the registered Contact (RFC 5626 5.3)")
                .isEqualTo("sip:alice@10.0.0.2:5060;transport=tcp;ob");
        assertThat(device("sip:alice@192.0.2.7:5062", "tcp", gateway(true, -1)).flow()).isNull();
    }

    @Test
    void aSipsContactIsRungOverTlsWithASipsContactOfOurs() throws Exception {
        DeviceAddressing d = device("sips:alice@192.0.2.7:5063", "tls", gateway(false, 5061));
        assertThat(d.transport()).isEqualTo("tls");
        assertThat(d.via().getPort()).isEqualTo(5061);
        SipURI ours = (SipURI) d.contact("earpiece").getAddress().getURI();
        assertThat(ours.isSecure()).isTrue();
        assertThat(ours.getPort()).isEqualTo(5061);
        assertThat(d.requestUri().getTransportParam()).as("RFC 5630: sips: alone").isNull();
    }

    @Test
    void withNothingSaidOrAnOldBindingItIsUdp() throws Exception {
        assertThat(device("sip:alice@192.0.2.7:5062", null, gateway(false, -1)).transport()).isEqualTo("udp");
        DeviceAddressing d = device("sip:alice@192.0.2.7:5062", "udp", gateway(false, -1));
        assertThat(d.transport()).isEqualTo("udp");
        assertThat(d.requestUri().getTransportParam()).isNull();
    }

    @Test
    void aTransportTheGatewayDoesNotListenOnIsRefusedWithTheSettingToChange() {
        assertThatThrownBy(() -> device("sip:alice@192.0.2.7:5062;transport=tcp", null, gateway(false, -1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("earpiece.sip.tcp=true");
        assertThatThrownBy(() -> device("sips:alice@192.0.2.7:5063", null, gateway(true, -1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("earpiece.sip.tls.port");
        assertThatThrownBy(() -> device("sip:alice@192.0.2.7:5062;transport=sctp", null, gateway(true, 5061)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sctp");
    }
}
