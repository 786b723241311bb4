package dev.annals.benchmarks.blake3;

/** The benchmark input: byte i is {@code i mod 251}, reproducible outside Java for b3sum. */
final class Blake3Input {
  static final int SIZE = 64 << 20;

  private Blake3Input() {}

  static byte[] create(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i % 251);
    }
    return b;
  }
}
