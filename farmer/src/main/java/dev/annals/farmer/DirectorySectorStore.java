package dev.annals.farmer;

import dev.annals.consensus.sector.CorruptSectorException;
import dev.annals.consensus.sector.SectorData;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorMetadata;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorRegion;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Sectors in a farm directory (format in docs/farmer.md): a manifest {@code farm.txt} naming the
 * format, preset and owner, and per sector {@code sector-<index>.plot} (the sector bytes) beside
 * {@code sector-<index>.meta} (the checksummed {@link SectorMetadata}). A new plot is written to
 * temporary files and moved in with the metadata last, after the old metadata is deleted, so a
 * crash at any point leaves either the old sector, the new one, or a sector without metadata
 * (replotted), never a plot paired with another plot's metadata; the temporary files of an
 * interrupted plot are deleted when the directory is opened again.
 */
public final class DirectorySectorStore implements SectorStore {
  static final String MANIFEST = "farm.txt";
  static final String FORMAT = "annals-farm-1";

  private final Path directory;
  private final ProtocolParameters params;

  private DirectorySectorStore(Path directory, ProtocolParameters params) {
    this.directory = directory;
    this.params = params;
  }

  /**
   * Opens (or creates) the farm in {@code directory} for {@code owner}. A directory made for
   * another preset or identity is refused: its sectors could never produce valid solutions.
   */
  public static DirectorySectorStore open(Path directory, ProtocolParameters params, Hash owner)
      throws IOException {
    Files.createDirectories(directory);
    Path manifest = directory.resolve(MANIFEST);
    String expected =
        "format "
            + FORMAT
            + "\npreset "
            + params.name()
            + "\npublic_key_hash "
            + owner.toHex()
            + "\n";
    if (Files.exists(manifest)) {
      String actual = Files.readString(manifest, StandardCharsets.UTF_8);
      if (!actual.equals(expected)) {
        throw new IllegalArgumentException(
            "farm directory "
                + directory
                + ": "
                + MANIFEST
                + " is for another farm (value "
                + actual.strip().replace('\n', ' ')
                + "; this farm is "
                + expected.strip().replace('\n', ' ')
                + ")");
      }
    } else {
      Path tmp = directory.resolve(MANIFEST + ".tmp");
      Files.writeString(tmp, expected, StandardCharsets.UTF_8);
      Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE);
    }
    removeLeftovers(directory);
    return new DirectorySectorStore(directory, params);
  }

  /**
   * Deletes the temporary files of a plot a crash interrupted (never read; a new plot of that
   * sector would truncate them anyway, this only frees the space at once). No farm uses the
   * directory yet, so nothing is writing them.
   */
  private static void removeLeftovers(Path directory) throws IOException {
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(directory, "sector-*.{plot,meta}.tmp")) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p);
      }
    }
  }

  Path plotFile(SectorIndex index) {
    return directory.resolve("sector-" + index.value() + ".plot");
  }

  Path metadataFile(SectorIndex index) {
    return directory.resolve("sector-" + index.value() + ".meta");
  }

  @Override
  public Optional<StoredSector> open(SectorIndex index) throws IOException {
    Path meta = metadataFile(index);
    Path plot = plotFile(index);
    if (!Files.exists(meta) || !Files.exists(plot)) {
      return Optional.empty();
    }
    SectorMetadata metadata = SectorMetadata.decode(Files.readAllBytes(meta), params);
    if (!metadata.sectorIndex().equals(index)) {
      throw new CorruptSectorException(
          SectorRegion.SECTOR_METADATA,
          meta + " names sector " + metadata.sectorIndex() + ", not " + index);
    }
    return Optional.of(new StoredSector(metadata, SectorData.open(plot)));
  }

  @Override
  public StoredSector plot(
      SectorPlotter plotter,
      SectorId sectorId,
      SectorIndex index,
      HistorySize historySize,
      List<Piece> pieces)
      throws IOException {
    Path plot = plotFile(index);
    Path meta = metadataFile(index);
    Path plotTmp = plot.resolveSibling(plot.getFileName() + ".tmp");
    Path metaTmp = meta.resolveSibling(meta.getFileName() + ".tmp");
    SectorMetadata metadata;
    try (FileChannel out =
        FileChannel.open(
            plotTmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      metadata = plotter.plot(sectorId, index, historySize, pieces, out);
      out.force(true);
    }
    try (FileChannel out =
        FileChannel.open(
            metaTmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(metadata.encode()));
      out.force(true);
    }
    Files.deleteIfExists(meta);
    Files.move(plotTmp, plot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(metaTmp, meta, StandardCopyOption.ATOMIC_MOVE);
    return new StoredSector(metadata, SectorData.open(plot));
  }

  @Override
  public void discard(SectorIndex index) throws IOException {
    Files.deleteIfExists(metadataFile(index));
    Files.deleteIfExists(plotFile(index));
  }

  @Override
  public String location() {
    return directory.toString();
  }

  @Override
  public void close() {
    // Sector files are opened per sector and closed by the farm that holds them.
  }
}
