package dev.annals.consensus.sector;

import dev.annals.kernel.Blake3Hasher;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.pos.ProofOfSpace;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plots a sector: seals every record and writes the layout of {@link SectorLayout}. Pieces are
 * given in offset order, already chosen by {@link SectorId#pieceIndex}. The sealed records are held
 * in memory until written, one record size per piece, as Abundance does.
 *
 * <p>Threads: records are independent, so by default each of {@code threads} workers seals whole
 * records with a single-threaded table build (no synchronisation inside a build, no idle phases);
 * only when there are fewer records than threads do the builds get the spare threads. The
 * proof-of-space instances (with the C kernels: one pooled off-heap workspace per concurrent build,
 * about 127 MB at K = 20) belong to the plotter and are reused by every record of every sector it
 * plots, so keep one plotter per farm rather than one per sector.
 */
public final class SectorPlotter {
  private static final int WRITE_BUFFER = 1 << 20;

  private final ProtocolParameters params;
  private final int threads;
  private final int threadsPerBuild;
  private final ConcurrentHashMap<Integer, ProofOfSpace> posByBuildThreads =
      new ConcurrentHashMap<>();

  /** {@code threads} workers, one record each, single-threaded builds (see the class comment). */
  public SectorPlotter(ProtocolParameters params, int threads) {
    this(params, threads, 0);
  }

  /**
   * {@code workers} records sealed at once, each table build on {@code threadsPerBuild} threads (0
   * = the default: 1, or the spare threads when a sector has fewer records than workers). Used to
   * compare thread layouts; the default is what measured fastest (docs/sectors.md).
   */
  public SectorPlotter(ProtocolParameters params, int workers, int threadsPerBuild) {
    if (workers < 1) {
      throw new IllegalArgumentException("threads: must be at least 1 (value " + workers + ")");
    }
    if (threadsPerBuild < 0) {
      throw new IllegalArgumentException(
          "threads_per_build: must be 0 (default) or positive (value " + threadsPerBuild + ")");
    }
    this.params = params;
    this.threads = workers;
    this.threadsPerBuild = threadsPerBuild;
  }

  /** The proof of space for builds on {@code buildThreads} threads, made once per plotter. */
  private ProofOfSpace pos(int buildThreads) {
    return posByBuildThreads.computeIfAbsent(
        buildThreads, t -> Kernels.proofOfSpace(SectorLayout.posParameters(params), t));
  }

  /** Plots into memory (small sectors and tests). */
  public PlottedSector plot(
      SectorId sectorId, SectorIndex sectorIndex, HistorySize historySize, List<Piece> pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SectorMetadata metadata;
    try (WritableByteChannel channel = Channels.newChannel(out)) {
      metadata = plot(sectorId, sectorIndex, historySize, pieces, channel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PlottedSector(sectorId, metadata, out.toByteArray());
  }

  /** Plots into {@code out} (written sequentially, from the sector's first byte). */
  public SectorMetadata plot(
      SectorId sectorId,
      SectorIndex sectorIndex,
      HistorySize historySize,
      List<Piece> pieces,
      WritableByteChannel out)
      throws IOException {
    SectorLayout layout = new SectorLayout(params, pieces.size());
    int n = pieces.size();
    byte[][] sealed = new byte[n][];
    byte[][] pieceChecksums = new byte[n][];
    byte[][] headers = new byte[n][];
    SectorContentsMap map = SectorContentsMap.empty(layout);
    sealAll(sectorId, pieces, layout, sealed, pieceChecksums, headers, map);

    int[] sizes = map.sBucketSizes();
    SectorMetadata metadata = new SectorMetadata(sectorIndex, n, sizes, historySize);
    Blake3Hasher checksum = Kernels.blake3().newHasher();
    ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER);
    Writer writer = new Writer(out, buffer, checksum);

    writer.put(map.encode());
    SBucketWindows.write(sealed, map.rows(), layout.bitmapSize(), sizes, writer::putWhole);
    writer.zeros(layout.chunksSize() - metadata.totalChunks() * SectorLayout.CHUNK_SIZE);
    for (int p = 0; p < n; p++) {
      writer.put(headers[p]);
      writer.put(pieceChecksums[p]);
    }
    writer.flush();
    byte[] sectorChecksum = checksum.finish(Hash.SIZE);
    writeFully(out, ByteBuffer.wrap(sectorChecksum));
    return metadata;
  }

  private void sealAll(
      SectorId sectorId,
      List<Piece> pieces,
      SectorLayout layout,
      byte[][] sealed,
      byte[][] pieceChecksums,
      byte[][] headers,
      SectorContentsMap map) {
    int n = pieces.size();
    int workers = Math.min(threads, n);
    ProofOfSpace pos = pos(threadsPerBuild > 0 ? threadsPerBuild : Math.max(1, threads / workers));
    int headerSize = params.pieceHeaderSize();
    AtomicInteger nextPiece = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            executor.submit(
                () -> {
                  RecordEncoder encoder = new RecordEncoder(params, pos);
                  byte[] bitmap = new byte[layout.bitmapSize()];
                  // header ‖ record, reused for every piece of this worker
                  byte[] pieceBytes = new byte[params.pieceSize()];
                  for (int p = nextPiece.getAndIncrement();
                      p < n;
                      p = nextPiece.getAndIncrement()) {
                    Piece piece = pieces.get(p);
                    byte[] header = encodeHeader(piece);
                    System.arraycopy(header, 0, pieceBytes, 0, headerSize);
                    piece.record().copyTo(pieceBytes, headerSize);
                    byte[] out = new byte[params.recordSize()];
                    encoder.encode(
                        sectorId.evaluationSeed(new PieceOffset(p)),
                        pieceBytes,
                        headerSize,
                        out,
                        bitmap);
                    sealed[p] = out;
                    pieceChecksums[p] = Kernels.blake3().hash(pieceBytes);
                    headers[p] = header;
                    synchronized (map) {
                      map.setRow(p, bitmap);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("plotting failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("plotting interrupted", e);
    } finally {
      executor.shutdownNow();
    }
  }

  private byte[] encodeHeader(Piece piece) {
    if (piece.record().size() != params.recordSize()) {
      throw new IllegalArgumentException(
          "piece.record: must be "
              + params.recordSize()
              + " bytes (value "
              + piece.record().size()
              + ")");
    }
    return piece.header().encode(params);
  }

  private static void writeFully(WritableByteChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  /** Buffers sequential writes and feeds the sector checksum with every byte written. */
  private static final class Writer {
    private final WritableByteChannel out;
    private final ByteBuffer buffer;
    private final Blake3Hasher checksum;

    Writer(WritableByteChannel out, ByteBuffer buffer, Blake3Hasher checksum) {
      this.out = out;
      this.buffer = buffer;
      this.checksum = checksum;
    }

    void put(byte[] bytes) throws IOException {
      put(bytes, 0, bytes.length);
    }

    void put(byte[] bytes, int offset, int length) throws IOException {
      int at = offset;
      int left = length;
      while (left > 0) {
        if (!buffer.hasRemaining()) {
          flush();
        }
        int k = Math.min(left, buffer.remaining());
        buffer.put(bytes, at, k);
        at += k;
        left -= k;
      }
    }

    /** Writes {@code bytes[0, length)} straight through, after what is buffered (no copy). */
    void putWhole(byte[] bytes, int length) throws IOException {
      flush();
      checksum.update(bytes, 0, length);
      writeFully(out, ByteBuffer.wrap(bytes, 0, length));
    }

    void zeros(long count) throws IOException {
      byte[] zero = new byte[4096];
      long left = count;
      while (left > 0) {
        int k = (int) Math.min(left, zero.length);
        put(zero, 0, k);
        left -= k;
      }
    }

    void flush() throws IOException {
      buffer.flip();
      checksum.update(buffer.array(), 0, buffer.limit());
      writeFully(out, buffer);
      buffer.clear();
    }
  }
}
