package io.earpiece.media.support;

import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParseException;
import io.earpiece.media.rtp.RtpParser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test phone: one loopback UDP socket that sends RTP and records every datagram it receives, with arrival time. */
public final class Phone implements AutoCloseable {

    /** One received datagram. */
    public record Received(long arrivalNanos, InetSocketAddress from, byte[] datagram) {
        public RtpPacket packet() {
            try {
                return new RtpParser().parse(datagram);
            } catch (RtpParseException e) {
                throw new AssertionError("phone received a non-RTP datagram", e);
            }
        }
    }

    private final DatagramChannel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread reader;

    public Phone(String name) throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = new Thread(this::read, "phone-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(InetSocketAddress to, byte[] datagram) throws IOException {
        channel.send(ByteBuffer.wrap(datagram), to);
    }

    public List<Received> received() {
        return received;
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (true) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                long now = System.nanoTime();
                buffer.flip();
                received.add(new Received(now, from, Arrays.copyOf(buffer.array(), buffer.limit())));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        channel.close();
        reader.join(2000);
    }
}
