package dev.annals.primitives.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.codec.DecodeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that decoding fails with a {@link DecodeException} naming a given field. */
public final class DecodeAssertions {
  private DecodeAssertions() {}

  public static DecodeException assertRejects(ThrowingCallable decode, String field) {
    DecodeException[] caught = new DecodeException[1];
    assertThatThrownBy(decode)
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ");
              caught[0] = e;
            });
    return caught[0];
  }

  /** Sets a little-endian integer of {@code width} bytes at {@code offset}. */
  public static byte[] put(byte[] bytes, int offset, long value, int width) {
    byte[] out = bytes.clone();
    for (int i = 0; i < width; i++) {
      out[offset + i] = (byte) (value >>> (8 * i));
    }
    return out;
  }
}
