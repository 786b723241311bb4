package dev.annals.benchmarks.blake3;

import dev.annals.kernel.Blake3;
import dev.annals.kernel.Blake3Hasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The BLAKE3 shapes the protocol hashes besides Merkle nodes, Java against C: the checksum of one 1
 * MiB piece, and a batch of 4096 plain hashes of 48-byte inputs (the size of a super-segment leaf
 * input; proof masks and proof-of-space fn inputs are batches of the same kind).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class Blake3ShapesBenchmark {
  private static final int PIECE = 1 << 20;
  private static final int ITEMS = 4096;
  private static final int ITEM_LEN = 48;
  private static final int STREAM_UPDATE = 64 << 10;

  @Param({"java", "c"})
  public String kernel;

  private Blake3 blake3;
  private byte[] piece;
  private byte[] items;
  private final byte[] hashes = new byte[32 * ITEMS];

  @Setup
  public void setup() {
    blake3 = KeyedHash64Benchmark.kernel(kernel);
    piece = Blake3Input.create(PIECE);
    items = Blake3Input.create(ITEM_LEN * ITEMS);
  }

  @Benchmark
  public byte[] hashPiece() {
    return blake3.hash(piece);
  }

  @Benchmark
  public byte[] streamPiece() {
    Blake3Hasher hasher = blake3.newHasher();
    for (int at = 0; at < PIECE; at += STREAM_UPDATE) {
      hasher.update(piece, at, STREAM_UPDATE);
    }
    return hasher.finish(32);
  }

  @Benchmark
  public byte[] hashBatch48x4096() {
    blake3.hashBatch(items, 0, ITEM_LEN, ITEMS, hashes, 0);
    return hashes;
  }
}
