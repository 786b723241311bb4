package dev.annals.benchmarks.consensus;

import dev.annals.consensus.pot.BlockPotVerifier;
import dev.annals.consensus.pot.PotSeeds;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pot.ProofOfTime;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.block.PotCheckpoints;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One slot of 2^22 iterations: proving it (the slot clock's work, the baseline), verifying its
 * checkpoints with the kernel, and verifying a one-slot beacon block with a cold verifier (which
 * also proves the header's proof of time, as a node that has not seen the previous slot must).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PotSlotBenchmark {
  private static final long ITERATIONS = 1 << 22;
  private final ProofOfTime pot = Kernels.proofOfTime();
  private final Bytes genesis = PotSeeds.genesis(Hash.ZERO, new byte[0]);
  private byte[] slot1;
  private byte[] slot2;
  private BlockPotVerifier.Parent parent;
  private BlockPotVerifier.Block block;

  @Setup(Level.Trial)
  public void setUp() {
    slot1 = pot.prove(genesis.toBytes(), ITERATIONS);
    slot2 = pot.prove(Arrays.copyOfRange(slot1, 112, 128), ITERATIONS);
    byte[] slot3 = pot.prove(Arrays.copyOfRange(slot2, 112, 128), ITERATIONS);
    // Authoring delay 1: the parent at slot 1 (future slot 2), the block at slot 2 (future 3).
    parent = new BlockPotVerifier.Parent(new Slot(1), out(slot1), out(slot2), ITERATIONS, null);
    block =
        new BlockPotVerifier.Block(
            new Slot(2), out(slot2), out(slot3), List.of(new PotCheckpoints(Bytes.wrap(slot3))));
  }

  private static Bytes out(byte[] cps) {
    return Bytes.wrap(Arrays.copyOfRange(cps, 112, 128));
  }

  @Benchmark
  public byte[] baselineProveSlot() {
    return pot.prove(genesis.toBytes(), ITERATIONS);
  }

  @Benchmark
  public boolean verifySlotCheckpoints() {
    return pot.verify(genesis.toBytes(), ITERATIONS, slot1);
  }

  @Benchmark
  public BlockPotVerifier verifyBlockColdCache() throws Exception {
    BlockPotVerifier verifier = new BlockPotVerifier(pot, genesis, 1);
    verifier.verify(parent, block);
    return verifier;
  }
}
