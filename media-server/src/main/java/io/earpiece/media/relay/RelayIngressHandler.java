package io.earpiece.media.relay;

import io.earpiece.media.MediaRelay.Side;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands one relay side's datagrams to its {@link RelayCore} on the relay's event loop; errors never close it. */
public final class RelayIngressHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RelayIngressHandler.class);

    private final Side side;
    private final RelayCore core;

    public RelayIngressHandler(Side side, RelayCore core) {
        this.side = side;
        this.core = core;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        core.onDatagram(side, packet.sender(), ByteBufUtil.getBytes(packet.content()), System.nanoTime());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("relay side {}: error on the RTP channel, still serving", side, cause);
    }
}
