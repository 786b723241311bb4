package dev.annals.node.storage;

import dev.annals.genesis.ChainSpec;
import dev.annals.genesis.ChainSpecException;
import dev.annals.genesis.ChainSpecJson;
import dev.annals.genesis.ChainSpecParser;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's chain data in domain terms: blocks, best chains, segments, super segments, pieces and
 * archiver state, over one {@link NodeDatabase}. All changes go through a {@link BlockWrite}, one
 * atomic batch. Reads check what a key promises about its value (a header's root is its key, a
 * segment header's index is its key's) and report a mismatch as corruption.
 */
public final class ChainStorage implements AutoCloseable {
  private final NodeDatabase database;
  private final ProtocolParameters params;
  private final Schema schema;
  private final ChainSpec chainSpec;

  public ChainStorage(NodeDatabase database, ProtocolParameters params) {
    this(database, params, null);
  }

  private ChainStorage(NodeDatabase database, ProtocolParameters params, ChainSpec chainSpec) {
    this.database = database;
    this.params = params;
    this.schema = new Schema(params);
    this.chainSpec = chainSpec;
  }

  /** Opens (or creates) the database of {@code dataDir}; see {@link NodeDatabase#open}. */
  public static ChainStorage open(
      Path dataDir, DatabaseIdentity identity, ProtocolParameters params, StorageConfig config) {
    if (!identity.presetDigest().equals(params.digest())) {
      throw new IllegalArgumentException(
          "database identity: preset digest "
              + identity.presetDigest()
              + " is not the digest of the parameters given (value "
              + params.digest()
              + ")");
    }
    return new ChainStorage(NodeDatabase.open(dataDir, identity, config), params);
  }

  /**
   * Opens (or creates) the database of {@code dataDir} for {@code spec}: identity from the spec's
   * name and digest and the digest of the parameters it runs with.
   */
  public static ChainStorage open(Path dataDir, ChainSpec spec, StorageConfig config) {
    ProtocolParameters params = spec.parameters();
    DatabaseIdentity identity =
        new DatabaseIdentity(
            spec.name(), spec.digest(), params.digest(), ChainSpecJson.write(spec));
    return new ChainStorage(NodeDatabase.open(dataDir, identity, config), params, spec);
  }

  /**
   * Opens the database of {@code dataDir} read-only, without its lock (a node may be running on
   * it), with the chain spec stored in it; for tools that read a data directory. Writes are
   * refused.
   *
   * @throws DatabaseMismatchException no chain spec is stored, or this build cannot use it
   * @throws DatabaseCorruptionException the stored spec does not match the stored digests
   */
  public static ChainStorage openReadOnly(Path dataDir, StorageConfig config) {
    NodeDatabase database = NodeDatabase.openReadOnly(dataDir, config);
    try {
      DatabaseIdentity stored = database.storedIdentity();
      if (stored.chainSpecJson().isEmpty()) {
        throw new DatabaseMismatchException(
            "data directory "
                + dataDir
                + " does not hold its chain spec (chain '"
                + stored.chainName()
                + "', digest "
                + stored.chainSpecDigest()
                + ")");
      }
      ChainSpec spec;
      try {
        spec = ChainSpecParser.parse(dataDir + " metadata", stored.chainSpecJson());
      } catch (ChainSpecException e) {
        throw new DatabaseMismatchException(
            "data directory "
                + dataDir
                + ": this build cannot use its chain spec: "
                + e.getMessage());
      }
      if (!spec.digest().equals(stored.chainSpecDigest())) {
        throw database.corruption(
            "the stored chain spec has digest "
                + spec.digest()
                + " but the stored chain spec digest is "
                + stored.chainSpecDigest());
      }
      ProtocolParameters params = spec.parameters();
      if (!params.digest().equals(stored.presetDigest())) {
        throw new DatabaseMismatchException(
            "data directory "
                + dataDir
                + " was created with protocol parameters digest "
                + stored.presetDigest()
                + ", its chain spec gives "
                + params.digest()
                + " in this build");
      }
      return new ChainStorage(database, params, spec);
    } catch (RuntimeException e) {
      try {
        database.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The chain spec, when opened from one or read from the directory. */
  public Optional<ChainSpec> chainSpec() {
    return Optional.ofNullable(chainSpec);
  }

  public NodeDatabase database() {
    return database;
  }

  public Schema schema() {
    return schema;
  }

  public ProtocolParameters params() {
    return params;
  }

  /** A new atomic write; commit it once, close it always. */
  public BlockWrite beginWrite() {
    return new BlockWrite(database.transaction(), schema, params);
  }

  public Optional<BlockHeader> header(Hash root) {
    Optional<BlockHeader> header = database.get(schema.headers, root);
    header.ifPresent(
        h -> {
          Hash actual = h.root(params);
          if (!actual.equals(root)) {
            throw database.corruption(
                "the header stored under root " + root + " has root " + actual);
          }
        });
    return header;
  }

  public boolean hasBlock(Hash root) {
    return database.contains(schema.headers, root);
  }

  public Optional<BlockBody> body(Hash root) {
    return database.get(schema.bodies, root);
  }

  /** Roots of the stored blocks of {@code shard} at {@code number} (more than one on forks). */
  public List<Hash> blockRoots(ShardIndex shard, BlockNumber number) {
    List<Hash> roots = new ArrayList<>();
    database.scan(
        schema.blockIndex,
        BlockIndexKey.prefix(shard, number),
        (key, value) -> {
          roots.add(key.root());
          return true;
        });
    return roots;
  }

  public Optional<ChainHead> bestChain(ShardIndex shard) {
    return database.get(schema.bestChain, shard);
  }

  public Optional<SegmentHeader> segmentHeader(ShardIndex shard, LocalSegmentIndex index) {
    Optional<SegmentHeader> header =
        database.get(schema.segmentHeaders, new SegmentKey(shard, index));
    header.ifPresent(h -> checkSegmentKey(new SegmentKey(shard, index), h));
    return header;
  }

  /** The shard's segment header with the highest local index. */
  public Optional<SegmentHeader> lastSegmentHeader(ShardIndex shard) {
    return database
        .last(schema.segmentHeaders, Keys.shardPrefix(shard))
        .map(
            kv -> {
              checkSegmentKey(kv.key(), kv.value());
              return kv.value();
            });
  }

  /** Up to {@code limit} segment headers of {@code shard} from local index {@code from} on. */
  public List<SegmentHeader> segmentHeaders(ShardIndex shard, LocalSegmentIndex from, int limit) {
    List<SegmentHeader> out = new ArrayList<>();
    if (limit <= 0) {
      return out;
    }
    byte[] prefix = Keys.shardPrefix(shard);
    database.scanFrom(
        schema.segmentHeaders,
        prefix,
        SegmentKey.CODEC.encode(new SegmentKey(shard, from)),
        (key, header) -> {
          checkSegmentKey(key, header);
          out.add(header);
          return out.size() < limit;
        });
    return out;
  }

  /** How many segment headers of {@code shard} are stored. */
  public long segmentCount(ShardIndex shard) {
    return database.count(ColumnFamily.SEGMENT_HEADERS, Keys.shardPrefix(shard));
  }

  private void checkSegmentKey(SegmentKey key, SegmentHeader header) {
    if (!header.index().equals(key.index())) {
      throw database.corruption(
          "the segment header stored under shard "
              + key.shard()
              + " index "
              + key.index()
              + " has index "
              + header.index());
    }
  }

  public Optional<SuperSegmentHeader> superSegmentHeader(SuperSegmentIndex index) {
    Optional<SuperSegmentHeader> header = database.get(schema.superSegmentHeaders, index);
    header.ifPresent(h -> checkSuperSegmentKey(index, h));
    return header;
  }

  public Optional<SuperSegmentHeader> lastSuperSegmentHeader() {
    return database
        .last(schema.superSegmentHeaders, new byte[0])
        .map(
            kv -> {
              checkSuperSegmentKey(kv.key(), kv.value());
              return kv.value();
            });
  }

  /** Up to {@code limit} super segment headers from index {@code from} on, in order. */
  public List<SuperSegmentHeader> superSegmentHeaders(SuperSegmentIndex from, int limit) {
    List<SuperSegmentHeader> out = new ArrayList<>();
    if (limit <= 0) {
      return out;
    }
    database.scanFrom(
        schema.superSegmentHeaders,
        new byte[0],
        Keys.SUPER_SEGMENT.encode(from),
        (key, header) -> {
          checkSuperSegmentKey(key, header);
          out.add(header);
          return out.size() < limit;
        });
    return out;
  }

  private void checkSuperSegmentKey(SuperSegmentIndex key, SuperSegmentHeader header) {
    if (!header.index().equals(key)) {
      throw database.corruption(
          "the super segment header stored under index " + key + " has index " + header.index());
    }
  }

  /** A piece as the archiver stored it (super segment fields as they were then). */
  public Optional<Piece> piece(
      ShardIndex shard, LocalSegmentIndex segment, PiecePosition position) {
    PieceKey key = new PieceKey(shard, segment, position);
    Optional<Piece> piece = database.get(schema.pieces, key);
    piece.ifPresent(p -> checkPieceKey(key, p));
    return piece;
  }

  private void checkPieceKey(PieceKey key, Piece piece) {
    PieceHeader h = piece.header();
    if (!h.shardIndex().equals(key.shard()) || !h.localSegmentIndex().equals(key.segment())) {
      throw database.corruption(
          "the piece stored under shard "
              + key.shard()
              + " segment "
              + key.segment()
              + " position "
              + key.position()
              + " belongs to shard "
              + h.shardIndex()
              + " segment "
              + h.localSegmentIndex());
    }
  }

  public Optional<SegmentLanding> landing(GlobalSegmentIndex segment) {
    return database.get(schema.segmentLandings, segment);
  }

  /** The global index of a shard segment once it has landed in a super segment. */
  public Optional<GlobalSegmentIndex> globalIndex(ShardIndex shard, LocalSegmentIndex segment) {
    return database.get(schema.segmentGlobalIndex, new SegmentKey(shard, segment));
  }

  /**
   * The piece with global index {@code index}, its super segment fields (index, position, segment
   * proof) filled from the segment's landing; empty until that segment has landed and while its
   * pieces are not stored.
   */
  public Optional<Piece> piece(PieceIndex index) {
    long perSegment = params.piecesPerSegment();
    GlobalSegmentIndex segment =
        new GlobalSegmentIndex(Long.divideUnsigned(index.value(), perSegment));
    PiecePosition position =
        new PiecePosition((int) Long.remainderUnsigned(index.value(), perSegment));
    Optional<SegmentLanding> landing = landing(segment);
    if (landing.isEmpty()) {
      return Optional.empty();
    }
    SegmentLanding l = landing.get();
    return piece(l.shard(), l.localIndex(), position)
        .map(
            p -> {
              PieceHeader h = p.header();
              PieceHeader landed =
                  new PieceHeader(
                      h.shardIndex(),
                      h.localSegmentIndex(),
                      l.superSegmentIndex(),
                      l.position(),
                      h.segmentRoot(),
                      l.segmentProof(),
                      h.parityChunksRoot(),
                      h.recordProof());
              return new Piece(landed, p.record());
            });
  }

  /** The import pipeline's data of a stored block (absent for blocks stored without it). */
  public Optional<BlockMeta> blockMeta(Hash root) {
    return database.get(schema.blockMeta, root);
  }

  public Optional<byte[]> archiverState(ShardIndex shard) {
    return database.get(schema.archiverState, shard);
  }

  @Override
  public void close() {
    database.close();
  }
}
