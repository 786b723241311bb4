package dev.annals.supersegment;

import dev.annals.primitives.Hash;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The super segment headers file: a 48-byte prefix, then the 92-byte headers in index order.
 *
 * <pre>
 * magic "ASSH" (4 ASCII bytes) ‖ version u32 = 1 ‖ preset digest (32) ‖ header count u64
 * ‖ count × 92-byte super segment header
 * </pre>
 *
 * The preset digest ties the file to the preset whose piece numbering it serves; the count lets a
 * reader tell a cut file from a whole one.
 */
public final class SuperSegmentHeadersFile {
  public static final int VERSION = 1;
  public static final int PREFIX_SIZE = 4 + 4 + Hash.SIZE + 8;
  private static final byte[] MAGIC = "ASSH".getBytes(StandardCharsets.US_ASCII);

  private SuperSegmentHeadersFile() {}

  /** Writes {@code headers} (in index order) for {@code params} to {@code out}. */
  public static void write(
      OutputStream out, ProtocolParameters params, List<SuperSegmentHeader> headers)
      throws IOException {
    byte[] prefix = new byte[PREFIX_SIZE];
    System.arraycopy(MAGIC, 0, prefix, 0, 4);
    LittleEndian.putInt(prefix, 4, VERSION);
    params.digest().copyTo(prefix, 8);
    LittleEndian.putLong(prefix, 8 + Hash.SIZE, headers.size());
    out.write(prefix);
    for (SuperSegmentHeader h : headers) {
      out.write(h.encode());
    }
  }

  public static void write(Path file, ProtocolParameters params, List<SuperSegmentHeader> headers)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      write(out, params, headers);
    }
  }

  /**
   * Appends every header of {@code file} to {@code chain}, or none: a bad prefix, a header that
   * does not decode or follow, or a cut file leaves the chain as it was.
   */
  public static void loadInto(Path file, ProtocolParameters params, SuperSegmentChain chain)
      throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long count = readPrefix(in, params, file);
      long expectedSize = PREFIX_SIZE + count * SuperSegmentHeader.SIZE;
      long actualSize = Files.size(file);
      if (count < 0 || count > Integer.MAX_VALUE || actualSize != expectedSize) {
        throw new DecodeException(
            "super_segment_headers_file",
            actualSize + " bytes",
            "the prefix announces "
                + Long.toUnsignedString(count)
                + " headers, which take "
                + (count < 0 ? "more" : Long.toString(expectedSize))
                + " bytes ("
                + file
                + ")");
      }
      try {
        chain.appendAll(() -> headers(in, count));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private static long readPrefix(InputStream in, ProtocolParameters params, Path file)
      throws IOException {
    byte[] prefix = readFully(in, PREFIX_SIZE, "prefix");
    if (!Arrays.equals(prefix, 0, 4, MAGIC, 0, 4)) {
      throw new DecodeException(
          "super_segment_headers_file.magic",
          new String(prefix, 0, 4, StandardCharsets.ISO_8859_1),
          "must be ASSH: not a super segment headers file (" + file + ")");
    }
    int version = LittleEndian.getInt(prefix, 4);
    if (version != VERSION) {
      throw new DecodeException(
          "super_segment_headers_file.version",
          Integer.toUnsignedString(version),
          "only version " + VERSION + " is known");
    }
    Hash digest = Hash.wrap(Arrays.copyOfRange(prefix, 8, 8 + Hash.SIZE));
    if (!digest.equals(params.digest())) {
      throw new DecodeException(
          "super_segment_headers_file.preset_digest",
          digest.toHex(),
          "written for another preset than "
              + params.name()
              + " ("
              + params.digest().toHex()
              + ")");
    }
    return LittleEndian.getLong(prefix, 8 + Hash.SIZE);
  }

  private static Iterator<SuperSegmentHeader> headers(InputStream in, long count) {
    return new Iterator<>() {
      private long read;

      @Override
      public boolean hasNext() {
        return read < count;
      }

      @Override
      public SuperSegmentHeader next() {
        if (read >= count) {
          throw new NoSuchElementException();
        }
        try {
          byte[] bytes = readFully(in, SuperSegmentHeader.SIZE, "header " + read);
          read++;
          return SuperSegmentHeader.decode(bytes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static byte[] readFully(InputStream in, int length, String what) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException(
          "super segment headers file ends inside the " + what + " (" + bytes.length + " bytes)");
    }
    return bytes;
  }
}
