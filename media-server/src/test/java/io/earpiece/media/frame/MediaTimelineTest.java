package io.earpiece.media.frame;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTimelineTest {

    private final MediaTimeline timeline = new MediaTimeline(8000, 80_000);

    @Test
    void contiguousPayloadsNeedNoFill() {
        assertThat(timeline.place(1000, 160)).isEqualTo(new MediaTimeline.Placement(0, 0));
        assertThat(timeline.place(1160, 160)).isEqualTo(new MediaTimeline.Placement(0, 0));
        assertThat(timeline.position()).isEqualTo(320);
        assertThat(timeline.mediaTimeMs(1320)).isEqualTo(40);
    }

    @Test
    void timestampGapBecomesSilence() {
        timeline.place(0, 160);
        assertThat(timeline.place(480, 160).silence()).isEqualTo(320);
        assertThat(timeline.position()).isEqualTo(640);
    }

    @Test
    void overlapIsTrimmed() {
        timeline.place(0, 160);
        assertThat(timeline.place(100, 160)).isEqualTo(new MediaTimeline.Placement(0, 60));
        assertThat(timeline.position()).isEqualTo(260);
    }

    @Test
    void handlesThirtyTwoBitWrap() {
        long nearWrap = 0xFFFF_FFFFL - 100;
        timeline.place(nearWrap, 160);
        long afterWrap = (nearWrap + 320) & 0xFFFF_FFFFL;
        assertThat(timeline.place(afterWrap, 160).silence()).isEqualTo(160);
        assertThat(timeline.mediaTimeMs((afterWrap + 160) & 0xFFFF_FFFFL)).isEqualTo(60);
    }

    @Test
    void hugeJumpContinuesWithoutFill() {
        timeline.place(0, 160);
        assertThat(timeline.place(10_000_000, 160)).isEqualTo(new MediaTimeline.Placement(0, 0));
        assertThat(timeline.position()).isEqualTo(320);
    }

    @Test
    void reanchorContinuesAtTheNewTimestamp() {
        timeline.place(0, 160);
        timeline.reanchor();
        assertThat(timeline.place(777_777, 160)).isEqualTo(new MediaTimeline.Placement(0, 0));
        assertThat(timeline.mediaTimeMs(777_777)).isEqualTo(20);
    }
}
