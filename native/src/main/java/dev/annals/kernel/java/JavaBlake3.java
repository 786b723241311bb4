package dev.annals.kernel.java;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Blake3Hasher;

/** Pure-Java BLAKE3 (backed by commons-codec until the kernel issue's own implementation). */
public final class JavaBlake3 implements Blake3 {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public Blake3Hasher newHasher() {
    return new CodecHasher(org.apache.commons.codec.digest.Blake3.initHash());
  }

  @Override
  public Blake3Hasher newKeyedHasher(byte[] key) {
    if (key.length != KEY_LEN) {
      throw new IllegalArgumentException("BLAKE3 key must be 32 bytes, got " + key.length);
    }
    return new CodecHasher(org.apache.commons.codec.digest.Blake3.initKeyedHash(key));
  }

  @Override
  public Blake3Hasher newDeriveKeyHasher(String context) {
    return new CodecHasher(
        org.apache.commons.codec.digest.Blake3.initKeyDerivationFunction(
            context.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private record CodecHasher(org.apache.commons.codec.digest.Blake3 state) implements Blake3Hasher {
    @Override
    public Blake3Hasher update(byte[] input, int offset, int length) {
      state.update(input, offset, length);
      return this;
    }

    @Override
    public void finish(byte[] out, int offset, int length) {
      state.doFinalize(out, offset, length);
    }
  }
}
