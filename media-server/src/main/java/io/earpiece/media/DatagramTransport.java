package io.earpiece.media;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;

/** The Netty transport for RTP sockets: native epoll where it loads, otherwise NIO. */
record DatagramTransport(String name, IoHandlerFactory ioHandlerFactory,
                         Class<? extends DatagramChannel> channelClass) {

    static DatagramTransport best() {
        if (Epoll.isAvailable()) {
            return new DatagramTransport("epoll", EpollIoHandler.newFactory(), EpollDatagramChannel.class);
        }
        return nio();
    }

    static DatagramTransport nio() {
        return new DatagramTransport("nio", NioIoHandler.newFactory(), NioDatagramChannel.class);
    }
}
