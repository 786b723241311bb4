package dev.annals.node.storage;

import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.codec.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Small shared codecs and the fixed-width big-endian key helpers. */
final class Codecs {
  private Codecs() {}

  static final Codec<byte[]> RAW =
      new Codec<>() {
        @Override
        public byte[] encode(byte[] value) {
          return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
          return bytes;
        }
      };

  static final Codec<String> ASCII =
      new Codec<>() {
        @Override
        public byte[] encode(String value) {
          return value.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String decode(byte[] bytes) {
          return new String(bytes, StandardCharsets.US_ASCII);
        }
      };

  static byte[] u32Le(int value) {
    byte[] out = new byte[4];
    LittleEndian.putInt(out, 0, value);
    return out;
  }

  static int readU32Le(byte[] bytes) {
    return LittleEndian.getInt(bytes, 0);
  }

  /** Big-endian so that keys sort by number (RocksDB compares bytes). */
  static void putU32Be(byte[] out, int offset, int value) {
    out[offset] = (byte) (value >>> 24);
    out[offset + 1] = (byte) (value >>> 16);
    out[offset + 2] = (byte) (value >>> 8);
    out[offset + 3] = (byte) value;
  }

  static void putU64Be(byte[] out, int offset, long value) {
    putU32Be(out, offset, (int) (value >>> 32));
    putU32Be(out, offset + 4, (int) value);
  }

  static int getU32Be(byte[] in, int offset) {
    return (in[offset] & 0xFF) << 24
        | (in[offset + 1] & 0xFF) << 16
        | (in[offset + 2] & 0xFF) << 8
        | (in[offset + 3] & 0xFF);
  }

  static long getU64Be(byte[] in, int offset) {
    return (long) getU32Be(in, offset) << 32 | Integer.toUnsignedLong(getU32Be(in, offset + 4));
  }

  static void requireLength(String field, byte[] bytes, int length) {
    if (bytes.length != length) {
      throw new DecodeException(
          field,
          HexFormat.of().formatHex(bytes),
          "must be " + length + " bytes, is " + bytes.length);
    }
  }
}
