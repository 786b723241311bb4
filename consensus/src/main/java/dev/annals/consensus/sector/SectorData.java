package dev.annals.consensus.sector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Random access to a plotted sector's bytes: an array in memory or a file. */
public interface SectorData extends AutoCloseable {
  long size();

  /** Reads exactly {@code length} bytes at {@code position}. */
  void read(long position, byte[] target, int offset, int length);

  @Override
  default void close() {}

  static SectorData of(byte[] bytes) {
    return new SectorData() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public void read(long position, byte[] target, int offset, int length) {
        if (position < 0 || position + length > bytes.length) {
          throw new CorruptSectorException(
              SectorRegion.SIZE,
              "read of "
                  + length
                  + " bytes at "
                  + position
                  + " past the end ("
                  + bytes.length
                  + ")");
        }
        System.arraycopy(bytes, (int) position, target, offset, length);
      }
    };
  }

  static SectorData open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    long size = channel.size();
    return new SectorData() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public void read(long position, byte[] target, int offset, int length) {
        if (position < 0 || position + length > size) {
          throw new CorruptSectorException(
              SectorRegion.SIZE,
              "read of " + length + " bytes at " + position + " past the end (" + size + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
        try {
          long at = position;
          while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
              throw new CorruptSectorException(
                  SectorRegion.SIZE, "file " + file + " ended at " + at);
            }
            at += n;
          }
        } catch (IOException e) {
          throw new UncheckedIOException("reading sector file " + file, e);
        }
      }

      @Override
      public void close() {
        try {
          channel.close();
        } catch (IOException e) {
          throw new UncheckedIOException("closing sector file " + file, e);
        }
      }
    };
  }
}
