package dev.annals.kernel.erasure;

/**
 * GF(2^16) as used by reed-solomon-simd and Leopard: polynomial x^16+x^5+x^3+x^2+1, logarithms
 * taken in the Cantor basis, so that the additive FFT's twiddle factors ("skew") are simple. All
 * tables are built once, on first use of this class, by {@link #build()}.
 *
 * <p>Logarithms live modulo 65535; the value 65535 doubles as "log of zero" in {@link #LOG} and in
 * {@link #SKEW}, where it means "no multiplication".
 */
final class Gf16 {
  static final int ORDER = 65536;
  static final int MODULUS = 65535;
  static final int POLYNOMIAL = 0x1002D;

  static final int[] CANTOR_BASIS = {
    0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E, 0x914C, 0x4012,
    0x6C98, 0x10D8, 0x6A72, 0xB900, 0xFDB8, 0xFB34, 0xFF38, 0x991E
  };

  /** LOG[x] for x != 0; LOG[0] = 65535. */
  static final char[] LOG = new char[ORDER];

  /** EXP[l] for l in 0..65534; EXP[65535] = EXP[0] = 1. */
  static final char[] EXP = new char[ORDER];

  /** Twiddle factors of the additive FFT, as logarithms (65535 = zero factor), 65535 entries. */
  static final char[] SKEW = new char[MODULUS];

  /** The Walsh-Hadamard transform of LOG (with entry 0 set to 0), used by the error locator. */
  static final char[] LOG_WALSH = new char[ORDER];

  /**
   * Index of zero in {@link #EXP_EXT}: LOG_EXT[0] points past every reachable sum, into a run of
   * zeros, so that {@code EXP_EXT[LOG_EXT[x] + log]} is the product with no branch on x == 0.
   */
  static final int ZERO_LOG = 2 * MODULUS;

  /** LOG with log(0) moved to {@link #ZERO_LOG}. */
  static final int[] LOG_EXT = new int[ORDER];

  /** EXP_EXT[i] = EXP[i mod 65535] for i below {@link #ZERO_LOG}, zero from there on. */
  static final char[] EXP_EXT = new char[ZERO_LOG + ORDER];

  /** Nanoseconds the tables took to build, for start-up diagnostics and the benchmarks. */
  static final long BUILD_NANOS;

  static {
    long start = System.nanoTime();
    build();
    BUILD_NANOS = System.nanoTime() - start;
  }

  private Gf16() {}

  /** (a + b) mod 65535 for a, b in 0..65535; may return 65535 where 0 is meant. */
  static int addMod(int a, int b) {
    int s = a + b;
    return (s + (s >>> 16)) & 0xFFFF;
  }

  /** (a - b) mod 65535 for a, b in 0..65535; may return 65535 where 0 is meant. */
  static int subMod(int a, int b) {
    int d = a - b;
    return (d + (d >>> 16)) & 0xFFFF;
  }

  /** x times the element whose logarithm is logM (logM 0 and 65535 both multiply by 1). */
  static int mul(int x, int logM) {
    return x == 0 ? 0 : EXP[addMod(LOG[x], logM)];
  }

  private static void build() {
    buildLogExp();
    buildSkew();
    buildLogWalsh();
    for (int x = 0; x < ORDER; x++) {
      LOG_EXT[x] = x == 0 ? ZERO_LOG : LOG[x];
    }
    for (int i = 0; i < ZERO_LOG; i++) {
      EXP_EXT[i] = EXP[i % MODULUS];
    }
  }

  private static void buildLogExp() {
    // Discrete logarithms in the polynomial basis, found by stepping the LFSR x -> x*2.
    char[] polyLog = new char[ORDER];
    int state = 1;
    for (int i = 0; i < MODULUS; i++) {
      polyLog[state] = (char) i;
      state <<= 1;
      if (state >= ORDER) {
        state ^= POLYNOMIAL;
      }
    }
    polyLog[0] = (char) MODULUS;
    // Re-express every element in the Cantor basis: element v is the span of v's bits.
    int[] span = new int[ORDER];
    for (int bit = 0; bit < 16; bit++) {
      int width = 1 << bit;
      for (int j = 0; j < width; j++) {
        span[j + width] = span[j] ^ CANTOR_BASIS[bit];
      }
    }
    for (int v = 0; v < ORDER; v++) {
      LOG[v] = polyLog[span[v]];
    }
    for (int v = 0; v < ORDER; v++) {
      EXP[LOG[v]] = (char) v;
    }
    EXP[MODULUS] = EXP[0];
  }

  private static void buildSkew() {
    int[] temp = new int[15];
    for (int i = 0; i < 15; i++) {
      temp[i] = 1 << (i + 1);
    }
    int[] skew = new int[MODULUS];
    for (int m = 0; m < 15; m++) {
      int step = 1 << (m + 1);
      skew[(1 << m) - 1] = 0;
      for (int i = m; i < 15; i++) {
        int s = 1 << (i + 1);
        for (int j = (1 << m) - 1; j < s; j += step) {
          skew[j + s] = skew[j] ^ temp[i];
        }
      }
      temp[m] = MODULUS - LOG[mul(temp[m], LOG[temp[m] ^ 1])];
      for (int i = m + 1; i < 15; i++) {
        temp[i] = mul(temp[i], addMod(LOG[temp[i] ^ 1], temp[m]));
      }
    }
    for (int i = 0; i < MODULUS; i++) {
      SKEW[i] = LOG[skew[i]];
    }
  }

  private static void buildLogWalsh() {
    int[] walsh = new int[ORDER];
    for (int i = 0; i < ORDER; i++) {
      walsh[i] = LOG[i];
    }
    walsh[0] = 0;
    fwht(walsh);
    for (int i = 0; i < ORDER; i++) {
      LOG_WALSH[i] = (char) walsh[i];
    }
  }

  /**
   * In-place Walsh-Hadamard transform of 65536 values modulo 65535 (the additive group of
   * logarithms): for each bit h, (x, y) at (i, i + h) becomes (x + y, x - y).
   */
  static void fwht(int[] data) {
    for (int h = 1; h < ORDER; h <<= 1) {
      for (int base = 0; base < ORDER; base += h << 1) {
        for (int i = base; i < base + h; i++) {
          int x = data[i];
          int y = data[i + h];
          data[i] = addMod(x, y);
          data[i + h] = subMod(x, y);
        }
      }
    }
  }
}
