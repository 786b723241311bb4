package dev.annals.node.chain;

import dev.annals.consensus.block.BlockRule;
import dev.annals.consensus.block.BlockRuleException;
import dev.annals.consensus.block.BlockVerificationException;
import dev.annals.consensus.block.BlockVerifier;
import dev.annals.consensus.block.MissingDependencyException;
import dev.annals.consensus.block.VerifiedBlock;
import dev.annals.consensus.pot.BlockPotVerifier;
import dev.annals.consensus.solution.SolutionCheck;
import dev.annals.kernel.Kernels;
import dev.annals.node.archiving.ConfirmedReorgException;
import dev.annals.node.chain.PendingBlocks.Waiting;
import dev.annals.node.storage.BlockMeta;
import dev.annals.node.storage.BlockWrite;
import dev.annals.node.storage.ChainHead;
import dev.annals.node.storage.ChainStorage;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BeaconBlockBody;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.Block;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.IntermediateBlockHeader;
import dev.annals.primitives.block.LeafBlockBody;
import dev.annals.primitives.block.LeafBlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The import pipeline of one node, for blocks of every shard from any source (the local producer
 * now, peers later): verify with {@link BlockVerifier}, hold back what cannot be verified yet,
 * reject what breaks a rule with nothing written, and store what passes in one atomic batch with
 * its fork-choice weight and MMR; when it makes its shard's chain the heaviest, the same batch
 * moves the best chain, archives the newly confirmed blocks and (beacon) lands super segments.
 * Thread-safe: one import at a time under the chain's lock (docs/node-import.md).
 */
public final class BlockImporter {
  private final NodeChain chain;
  private final ChainStorage storage;
  private final ProtocolParameters params;
  private final BlockPotVerifier potVerifier;
  private final BlockVerifier verifier;
  private final PendingBlocks pending;
  private volatile boolean newSlots;

  /**
   * @param solutions the solution check ({@code new SolutionVerifier(params)} in a node)
   * @param nowMillis the wall clock, for the timestamp drift rule
   * @param maxPending how many held-back blocks to keep at most
   */
  public BlockImporter(
      NodeChain chain, SolutionCheck solutions, LongSupplier nowMillis, int maxPending) {
    this.chain = chain;
    this.storage = chain.storage();
    this.params = chain.params();
    this.potVerifier =
        new BlockPotVerifier(
            Kernels.proofOfTime(), chain.genesisPotSeed(), params.blockAuthoringDelaySlots());
    this.verifier = new BlockVerifier(params, chain.view(), potVerifier, solutions, nowMillis);
    this.pending = new PendingBlocks(maxPending);
    chain.pot().addListener(() -> newSlots = true);
  }

  /**
   * The proof-of-time verifier beacon blocks are checked with; a node running its own {@code
   * SlotClock} passes each proven slot to {@link BlockPotVerifier#rememberProven} so that checking
   * checkpoints it proved itself costs nothing.
   */
  public BlockPotVerifier potVerifier() {
    return potVerifier;
  }

  /**
   * Imports one block; the result also lists the held-back blocks this import (or proof-of-time
   * slots recorded since the last call) let through.
   */
  public ImportResult importBlock(Block block) {
    synchronized (chain.lock()) {
      List<ImportResult> released = new ArrayList<>();
      if (newSlots) {
        newSlots = false;
        retry(pending.release(new Waiting.ForSlots()), released);
      }
      ImportResult result = attempt(block);
      if (result.imported()) {
        cascade(result.root(), released);
      }
      return released.isEmpty() ? result : result.withReleased(released);
    }
  }

  /** Retries the blocks waiting for proof-of-time slots or for anything; returns what happened. */
  public List<ImportResult> retryPending() {
    synchronized (chain.lock()) {
      newSlots = false;
      List<ImportResult> out = new ArrayList<>();
      retry(pending.release(new Waiting.ForSlots()), out);
      retry(pending.release(new Waiting.ForAnyImport()), out);
      return out;
    }
  }

  /** How many blocks are held back now. */
  public int pendingCount() {
    synchronized (chain.lock()) {
      return pending.size();
    }
  }

  /** How many held-back blocks were dropped because the pending set was full. */
  public long droppedPending() {
    synchronized (chain.lock()) {
      return pending.dropped();
    }
  }

  private void retry(List<Block> blocks, List<ImportResult> out) {
    for (Block block : blocks) {
      ImportResult r = attempt(block);
      out.add(r);
      if (r.imported()) {
        cascade(r.root(), out);
      }
    }
  }

  private void cascade(Hash imported, List<ImportResult> out) {
    ArrayDeque<Hash> queue = new ArrayDeque<>();
    queue.add(imported);
    while (!queue.isEmpty()) {
      Hash root = queue.poll();
      List<Block> ready = new ArrayList<>(pending.release(new Waiting.ForBlock(root)));
      ready.addAll(pending.release(new Waiting.ForAnyImport()));
      for (Block block : ready) {
        ImportResult r = attempt(block);
        out.add(r);
        if (r.imported()) {
          queue.add(r.root());
        }
      }
    }
  }

  private ImportResult attempt(Block block) {
    BlockHeader header = block.header();
    Hash root = header.root(params);
    ShardIndex shard = header.prefix().shardIndex();
    BlockNumber number = header.prefix().number();
    if (storage.hasBlock(root)) {
      return result(ImportResult.Status.ALREADY_KNOWN, root, header, null, "already stored");
    }
    Optional<SuperSegment> derived = Optional.empty();
    String derivationProblem = null;
    if (header instanceof BeaconBlockHeader && block.body() instanceof BeaconBlockBody body) {
      Hash parentRoot = header.prefix().parentRoot();
      Optional<BlockHeader> parent = storage.header(parentRoot);
      if (parent.isPresent()
          && parent.get() instanceof BeaconBlockHeader
          && parent.get().prefix().number().value() + 1 == number.value()) {
        try {
          derived = chain.deriver().derive(parentRoot, number, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
          derivationProblem = e.getMessage();
        }
      }
    }
    VerifiedBlock verified;
    try {
      verified = verifier.verify(block, derived.map(SuperSegment::root));
    } catch (MissingDependencyException e) {
      pending.hold(root, block, waitingFor(e.rule(), block));
      return result(ImportResult.Status.HELD_BACK, root, header, e.rule(), e.getMessage());
    } catch (BlockRuleException e) {
      return result(ImportResult.Status.REJECTED, root, header, e.rule(), e.getMessage());
    } catch (BlockVerificationException e) {
      throw new IllegalStateException("a verification outcome of no known kind", e);
    } catch (ConfirmedReorgException e) {
      return result(ImportResult.Status.REFUSED, root, header, null, e.getMessage());
    }
    if (derivationProblem != null) {
      return result(
          ImportResult.Status.REJECTED,
          root,
          header,
          BlockRule.CONSENSUS_PARAMETERS_MISMATCH,
          "its super segment cannot be derived: " + derivationProblem);
    }
    return store(block, root, shard, verified, derived);
  }

  private ImportResult store(
      Block block, Hash root, ShardIndex shard, VerifiedBlock verified, Optional<SuperSegment> ss) {
    BlockHeader header = block.header();
    BlockMeta meta = chain.meta(header.prefix().parentRoot()).child(root, verified.weight());
    ChainHead best = chain.bestHead(shard);
    BlockMeta bestMeta = chain.meta(best.root());
    String sideReason =
        "chain weight "
            + meta.cumulativeWeight()
            + " not above best "
            + bestMeta.cumulativeWeight();
    if (meta.cumulativeWeight().compareTo(bestMeta.cumulativeWeight()) > 0) {
      try (BlockWrite write = storage.beginWrite()) {
        write.putBlock(root, header, block.body());
        write.putBlockMeta(root, meta);
        List<SegmentHeader> segments = chain.archiver(shard).archive(write, root, header);
        int landed = 0;
        if (header instanceof BeaconBlockHeader beacon) {
          landed = landAlong(write, best.root(), beacon, ss);
        }
        write.setBestChain(shard, new ChainHead(header.prefix().number(), root));
        write.commit();
        afterCommit(block, true);
        return result(
            ImportResult.Status.IMPORTED_BEST,
            root,
            header,
            null,
            "weight "
                + meta.cumulativeWeight()
                + (best.root().equals(header.prefix().parentRoot())
                    ? ""
                    : ", best chain switched from " + best.root())
                + ", "
                + segments.size()
                + " segments archived, "
                + landed
                + " super segments landed");
      } catch (ConfirmedReorgException | LandingRefusedException e) {
        sideReason = "heavier, but not made best: " + e.getMessage();
      }
    }
    try (BlockWrite write = storage.beginWrite()) {
      write.putBlock(root, header, block.body());
      write.putBlockMeta(root, meta);
      write.commit();
    }
    afterCommit(block, false);
    return result(ImportResult.Status.IMPORTED_SIDE, root, header, null, sideReason);
  }

  /**
   * Lands the super segments of the beacon blocks from the fork point with the old best chain up to
   * the new head, in order, after the last landed one. Refused when the old best chain landed a
   * super segment after the fork point: storage keeps one super segment chain by index.
   *
   * @return how many super segments were landed
   */
  private int landAlong(
      BlockWrite write, Hash oldBest, BeaconBlockHeader head, Optional<SuperSegment> headSs) {
    Hash parent = head.prefix().parentRoot();
    List<Hash> newSide = new ArrayList<>();
    Hash a = oldBest;
    Hash b = parent;
    while (!a.equals(b)) {
      long na = chain.header(a).prefix().number().value();
      long nb = chain.header(b).prefix().number().value();
      if (na >= nb) {
        BeaconBlockHeader old = (BeaconBlockHeader) chain.header(a);
        if (old.consensusParameters().superSegmentRoot().isPresent()) {
          throw new LandingRefusedException(
              "the best beacon chain would leave block #"
                  + old.prefix().number()
                  + " "
                  + a
                  + ", whose super segment landed; a beacon re-org across landed super segments"
                  + " is refused");
        }
        a = old.prefix().parentRoot();
      }
      if (nb >= na) {
        newSide.add(b);
        b = chain.header(b).prefix().parentRoot();
      }
    }
    Collections.reverse(newSide);
    Optional<SuperSegmentHeader> last = storage.lastSuperSegmentHeader();
    int landed = 0;
    for (Hash root : newSide) {
      BeaconBlockHeader h = (BeaconBlockHeader) chain.header(root);
      if (h.consensusParameters().superSegmentRoot().isEmpty()) {
        continue;
      }
      BeaconBlockBody body = (BeaconBlockBody) storage.body(root).orElseThrow();
      SuperSegment ss =
          chain
              .deriver()
              .derive(h.prefix().parentRoot(), h.prefix().number(), body)
              .orElseThrow(() -> new IllegalStateException("block " + root + " derives none"));
      last = Optional.of(land(write, ss, last));
      landed++;
    }
    if (headSs.isPresent()) {
      land(write, headSs.get(), last);
      landed++;
    }
    return landed;
  }

  private SuperSegmentHeader land(
      BlockWrite write, SuperSegment ss, Optional<SuperSegmentHeader> last) {
    try {
      chain.lander().land(write, ss, last);
    } catch (IllegalStateException e) {
      throw new LandingRefusedException(e.getMessage());
    }
    return ss.header();
  }

  private void afterCommit(Block block, boolean best) {
    BlockHeader header = block.header();
    if (block.body() instanceof BeaconBlockBody body) {
      chain.pot().recordBlockCheckpoints(chain.futureSlot(header), body.potCheckpoints());
    }
    if (best && block.body() instanceof LeafBlockBody body) {
      chain.transactions().removeIncluded(header.prefix().shardIndex(), body.transactions());
    }
  }

  private Waiting waitingFor(BlockRule rule, Block block) {
    BlockHeader header = block.header();
    return switch (rule) {
      case PARENT_UNKNOWN -> new Waiting.ForBlock(header.prefix().parentRoot());
      case BEACON_INFO_UNKNOWN ->
          new Waiting.ForBlock(
              switch (header) {
                case IntermediateBlockHeader h -> h.beaconChainInfo().root();
                case LeafBlockHeader h -> h.beaconChainInfo().root();
                case BeaconBlockHeader h -> h.prefix().parentRoot();
              });
      case CHILD_UNKNOWN -> firstUnknownChild(block.body());
      case POT_OUTPUT_UNKNOWN -> new Waiting.ForSlots();
      default -> new Waiting.ForAnyImport();
    };
  }

  private Waiting firstUnknownChild(BlockBody body) {
    for (BlockHeader child : StorageChainView.childHeaders(body)) {
      Hash root = child.root(params);
      if (!storage.hasBlock(root)) {
        return new Waiting.ForBlock(root);
      }
    }
    return new Waiting.ForAnyImport();
  }

  private static ImportResult result(
      ImportResult.Status status, Hash root, BlockHeader header, BlockRule rule, String detail) {
    return new ImportResult(
        status,
        root,
        header.prefix().shardIndex(),
        header.prefix().number(),
        Optional.ofNullable(rule),
        detail,
        List.of());
  }

  /** The best chain cannot move to a block because of landed super segments. */
  private static final class LandingRefusedException extends RuntimeException {
    LandingRefusedException(String message) {
      super(message);
    }
  }
}
