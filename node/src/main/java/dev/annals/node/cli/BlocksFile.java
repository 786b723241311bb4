package dev.annals.node.cli;

import dev.annals.primitives.codec.LittleEndian;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The blocks file of the archive tools: blocks in order, each as a u32 little-endian length
 * followed by that many bytes of the block's archiver bytes.
 */
final class BlocksFile {
  private BlocksFile() {}

  /** Hands each block to {@code sink} in order; a malformed file is an error naming the block. */
  static long read(Path file, Consumer<byte[]> sink) throws IOException {
    long count = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      DataInputStream data = new DataInputStream(in);
      byte[] lengthBytes = new byte[4];
      while (true) {
        int first = in.read();
        if (first < 0) {
          return count;
        }
        lengthBytes[0] = (byte) first;
        try {
          data.readFully(lengthBytes, 1, 3);
        } catch (EOFException e) {
          throw new IllegalArgumentException(
              file + ": block " + count + " has a truncated length field");
        }
        long length = Integer.toUnsignedLong(LittleEndian.getInt(lengthBytes, 0));
        if (length == 0) {
          throw new IllegalArgumentException(file + ": block " + count + " is empty");
        }
        if (length > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException(
              file
                  + ": block "
                  + count
                  + " declares "
                  + length
                  + " bytes; at most 2 GiB is accepted");
        }
        byte[] block = new byte[(int) length];
        try {
          data.readFully(block);
        } catch (EOFException e) {
          throw new IllegalArgumentException(
              file + ": block " + count + " declares " + length + " bytes but the file ends first");
        }
        sink.accept(block);
        count++;
      }
    }
  }

  static void write(Path file, Iterable<byte[]> blocks) throws IOException {
    byte[] length = new byte[Integer.BYTES];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (byte[] block : blocks) {
        LittleEndian.putInt(length, 0, block.length);
        out.write(length);
        out.write(block);
      }
    }
  }
}
