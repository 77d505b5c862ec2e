package io.earpiece.media.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel on a disk that holds only {@code capacity} bytes: writes within the file's current size succeed
 * (they take no new space), a write that would grow it past the capacity stores what fits and then fails as Linux
 * does ({@code No space left on device}). Counts the writes tried after the disk filled.
 */
final class FullDiskChannel extends FileChannel {

    private final FileChannel file;
    private final long capacity;
    int writesAfterFull;

    FullDiskChannel(FileChannel file, long capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        long room = capacity - position;
        if (room < src.remaining()) {
            writesAfterFull++;
            if (room > 0) {
                ByteBuffer fits = src.duplicate();
                fits.limit(fits.position() + (int) room);
                int n = file.write(fits, position);
                src.position(src.position() + n);
                return n;
            }
            throw new IOException("No space left on device");
        }
        return file.write(src, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = write(src, file.position());
        file.position(file.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new IOException("not supported by this test channel");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new IOException("not supported by this test channel");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
