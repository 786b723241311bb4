package dev.annals.farmer;

import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorLayout;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorVerifier;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes one identity's sectors ready to farm: plots a sector from verified node pieces into the
 * store, or re-opens one found in the store after checking it in full, and builds its {@link
 * ProvableChunks} map where the preset needs one. Problems are reported as {@link FarmEvent}s and
 * yield no sector; a damaged stored sector is discarded so the next plot starts clean.
 */
final class FarmPlotter {

  /**
   * Below this proof-of-space K records are short of proofs and most audit candidates are fillers
   * (docs/sectors.md: K = 12 finds 2–8 proofs of 256, K = 16 up to 128), so sectors get a {@link
   * ProvableChunks} map; at the production K = 20 records are full and the map would cost a second
   * plotting pass for nothing.
   */
  static final int PROVABLE_MAP_BELOW_K = 17;

  private final ProtocolParameters params;
  private final FarmerIdentity identity;
  private final SectorStore store;
  private final VerifiedPieces pieces;
  private final SectorPlotter plotter;
  private final ProofOfSpace provableMapPos;
  private final Consumer<FarmEvent> events;

  FarmPlotter(
      ProtocolParameters params,
      FarmerIdentity identity,
      SectorStore store,
      NodeView node,
      int plottingThreads,
      Consumer<FarmEvent> events) {
    this.params = params;
    this.identity = identity;
    this.store = store;
    this.pieces = new VerifiedPieces(params, node);
    this.plotter = new SectorPlotter(params, plottingThreads);
    this.provableMapPos =
        params.posK() < PROVABLE_MAP_BELOW_K
            ? Kernels.proofOfSpace(SectorLayout.posParameters(params), plottingThreads)
            : null;
    this.events = events;
  }

  private Hash owner() {
    return identity.publicKeyHash();
  }

  /** The sector stored at {@code index}, checked in full; empty if none or damaged. */
  Optional<FarmSector> reopen(SectorIndex index) {
    Optional<SectorStore.StoredSector> stored;
    try {
      stored = store.open(index);
    } catch (CorruptSectorException e) {
      dropCorrupt(index, e);
      return Optional.empty();
    } catch (IOException e) {
      events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      return Optional.empty();
    }
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    SectorStore.StoredSector s = stored.get();
    try {
      new SectorVerifier(params).verify(s.data(), s.metadata());
    } catch (CorruptSectorException e) {
      s.data().close();
      dropCorrupt(index, e);
      return Optional.empty();
    }
    HistorySize history = s.metadata().historySize();
    Hash root = identity.commitmentsRoot(history);
    return ready(SectorId.derive(owner(), root, index, history), root, index, s);
  }

  /** Plots sector {@code index} at {@code history}; empty if a piece or the store failed. */
  Optional<FarmSector> plot(SectorIndex index, HistorySize history) {
    Hash root = identity.commitmentsRoot(history);
    SectorId id = SectorId.derive(owner(), root, index, history);
    List<Piece> selected = new ArrayList<>(params.maxPiecesInSector());
    SectorStore.StoredSector stored;
    try {
      for (int offset = 0; offset < params.maxPiecesInSector(); offset++) {
        selected.add(pieces.get(id.pieceIndex(new PieceOffset(offset), history, params)));
      }
      stored = store.plot(plotter, id, index, history, selected);
    } catch (BadPieceException e) {
      events.accept(new FarmEvent.PieceRejected(owner(), index, e));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      events.accept(new FarmEvent.PlottingFailed(owner(), index, e));
      return Optional.empty();
    }
    return ready(id, root, index, stored);
  }

  private Optional<FarmSector> ready(
      SectorId id, Hash root, SectorIndex index, SectorStore.StoredSector stored) {
    ProvableChunks provable = null;
    if (provableMapPos != null) {
      try {
        provable =
            ProvableChunks.compute(params, provableMapPos, id, stored.metadata(), stored.data());
      } catch (CorruptSectorException e) {
        stored.data().close();
        dropCorrupt(index, e);
        return Optional.empty();
      }
    }
    return Optional.of(
        new FarmSector(id, root, stored.metadata(), stored.data(), Optional.empty(), provable));
  }

  private void dropCorrupt(SectorIndex index, CorruptSectorException e) {
    events.accept(new FarmEvent.SectorCorrupt(owner(), index, e));
    try {
      store.discard(index);
    } catch (IOException io) {
      events.accept(new FarmEvent.PlottingFailed(owner(), index, io));
    }
  }
}
