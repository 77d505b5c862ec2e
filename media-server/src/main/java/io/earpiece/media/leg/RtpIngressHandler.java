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
 * Feeds a leg's UDP datagrams into its {@link LegPipeline} and drives the pipeline's periodic tick on the
 * channel's own event loop, so the pipeline never sees two threads. Errors never close the channel.
 */
public final class RtpIngressHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RtpIngressHandler.class);

    private final LegPipeline pipeline;
    private final long tickNanos;
    private ScheduledFuture<?> ticker;

    public RtpIngressHandler(LegPipeline pipeline, Duration tickInterval) {
        this.pipeline = pipeline;
        this.tickNanos = tickInterval.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ticker = ctx.executor().scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    private void tick() {
        try {
            pipeline.tick();
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task and silently stop the jitter buffer draining.
            log.warn("leg {}: tick failed", pipeline.legId(), e);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        pipeline.onDatagram(packet.sender(), ByteBufUtil.getBytes(packet.content()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ticker != null) {
            ticker.cancel(false);
        }
        pipeline.close();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("leg {}: error on the RTP channel, still serving", pipeline.legId(), cause);
    }
}
