package io.earpiece.media.leg;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Feeds a leg's UDP datagrams into its {@link LegPipeline} and drives the pipeline's timers on the channel's own
 * event loop, so the pipeline never sees two threads: a periodic tick (media timeout, and a drain as a safety net)
 * plus a one-shot drain armed for the moment a packet held behind a gap falls due. Errors never close the channel.
 */
public final class RtpIngressHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RtpIngressHandler.class);

    private final LegPipeline pipeline;
    private final long tickNanos;
    private ScheduledFuture<?> ticker;
    // Waking every leg every few milliseconds costs far more CPU than the audio itself, so the jitter buffer is
    // drained on arrival and by this timer, set only while something is held.
    private ScheduledFuture<?> drainTimer;
    private ChannelHandlerContext ctx;

    public RtpIngressHandler(LegPipeline pipeline, Duration tickInterval) {
        this.pipeline = pipeline;
        this.tickNanos = tickInterval.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        ticker = ctx.executor().scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    private void tick() {
        try {
            pipeline.tick();
            armDrain();
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task and silently stop the jitter buffer draining.
            log.warn("leg {}: tick failed", pipeline.legId(), e);
        }
    }

    private void drainDue() {
        drainTimer = null;
        tick();
    }

    private void armDrain() {
        long delay = pipeline.nanosUntilNextRelease();
        if (delay < 0 || ctx == null) {
            return;
        }
        if (drainTimer != null) {
            if (drainTimer.getDelay(TimeUnit.NANOSECONDS) <= delay) {
                return;
            }
            drainTimer.cancel(false);
        }
        drainTimer = ctx.executor().schedule(this::drainDue, delay, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        pipeline.onDatagram(packet.sender(), ByteBufUtil.getBytes(packet.content()));
        armDrain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (drainTimer != null) {
            drainTimer.cancel(false);
        }
        pipeline.close();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("leg {}: error on the RTP channel, still serving", pipeline.legId(), cause);
    }
}
