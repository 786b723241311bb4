package dev.annals.benchmarks.storage;

import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecs;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.node.storage.StorageConfig;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Block writes into the node's RocksDB storage, one atomic batch per block as the import pipeline
 * does it: leaf header and body (two 1 KiB transactions), block index entry, best chain head and 64
 * bytes of archiver state. Roots are computed in setup so only storage is measured. Baselines in
 * the same run: encoding header and body alone (work every write does), and point reads of stored
 * headers (bloom filter and block cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class BlockWriteBenchmark {
  private static final int BLOCKS = 16_384;
  private static final ShardIndex LEAF = ShardIndex.leaf(ShardIndex.intermediate(1), 1);

  /** fsync the WAL on every commit, or leave it to the OS. */
  @Param({"false", "true"})
  public boolean syncWrites;

  private Path dir;
  private ChainStorage storage;
  private ProtocolParameters params;
  private LeafBlockHeader[] headers;
  private LeafBlockBody[] bodies;
  private Hash[] roots;
  private final byte[] state = new byte[64];
  private int next;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    ChainSpec spec = ChainSpecs.builtIn("devnet");
    params = spec.parameters();
    dir = Files.createTempDirectory("annals-storage-bench");
    storage = ChainStorage.open(dir, spec, new StorageConfig(128L << 20, 64L << 20, syncWrites));
    LeafBlockHeader template = (LeafBlockHeader) new GenesisBlocks(spec).of(LEAF).header();
    Random random = new Random(1);
    headers = new LeafBlockHeader[BLOCKS];
    bodies = new LeafBlockBody[BLOCKS];
    roots = new Hash[BLOCKS];
    Hash parent = Hash.ZERO;
    for (int i = 0; i < BLOCKS; i++) {
      byte[] tx1 = new byte[1024];
      byte[] tx2 = new byte[1024];
      random.nextBytes(tx1);
      random.nextBytes(tx2);
      bodies[i] = new LeafBlockBody(Optional.empty(), List.of(Bytes.wrap(tx1), Bytes.wrap(tx2)));
      headers[i] =
          new LeafBlockHeader(
              new BlockHeaderPrefix(
                  new BlockNumber(i + 1L), LEAF, 1_767_225_600_000L + i, parent, parent),
              template.result(),
              template.consensusInfo(),
              template.beaconChainInfo(),
              template.seal());
      roots[i] = headers[i].root(params);
      parent = roots[i];
    }
    // Every benchmark starts from a database holding all blocks: reads find them, writes then
    // replace entries (an LSM write costs the same whether the key exists or not).
    for (int i = 0; i < BLOCKS; i++) {
      writeBlock(i);
    }
    storage.database().flush();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    storage.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public void writeBlockBatch() {
    writeBlock(next++ & (BLOCKS - 1));
  }

  private void writeBlock(int i) {
    state[0] = (byte) i;
    try (BlockWrite write = storage.beginWrite()) {
      write.putBlock(roots[i], headers[i], bodies[i]);
      write.setBestChain(LEAF, new ChainHead(headers[i].prefix().number(), roots[i]));
      write.putArchiverState(LEAF, state);
      write.commit();
    }
  }

  @Benchmark
  public int encodeOnlyBaseline() {
    int i = next++ & (BLOCKS - 1);
    return headers[i].encode(params).length + bodies[i].encode(params).length;
  }

  @Benchmark
  public Object readHeader() {
    int i = next++ & (BLOCKS - 1);
    return storage.header(roots[i]);
  }
}
