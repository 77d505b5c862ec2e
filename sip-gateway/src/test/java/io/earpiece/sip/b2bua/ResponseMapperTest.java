package io.earpiece.sip.b2bua;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseMapperTest {

    @Test
    void farPartyStatusesPassAndHopStatusesBecomeGatewayErrors() {
        assertThat(ResponseMapper.toCaller(486)).isEqualTo(486);
        assertThat(ResponseMapper.toCaller(404)).isEqualTo(404);
        assertThat(ResponseMapper.toCaller(603)).isEqualTo(603);
        assertThat(ResponseMapper.toCaller(302)).isEqualTo(480);
        assertThat(ResponseMapper.toCaller(407)).isEqualTo(503);
        assertThat(ResponseMapper.toCaller(503)).isEqualTo(502);
        assertThat(ResponseMapper.toCaller(500)).isEqualTo(500);
    }

    @Test
    void dispositionsFollowTheFinalStatus() {
        assertThat(ResponseMapper.disposition(200)).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(ResponseMapper.disposition(486)).isEqualTo(CallDetail.Disposition.BUSY);
        assertThat(ResponseMapper.disposition(408)).isEqualTo(CallDetail.Disposition.NO_ANSWER);
        assertThat(ResponseMapper.disposition(487)).isEqualTo(CallDetail.Disposition.CANCELLED);
        assertThat(ResponseMapper.disposition(603)).isEqualTo(CallDetail.Disposition.REJECTED);
        assertThat(ResponseMapper.disposition(502)).isEqualTo(CallDetail.Disposition.FAILED);
    }
}
