package dev.annals.node.cli;

import dev.annals.primitives.Hash;
import picocli.CommandLine.Option;

/** The farmer identity a sector id is derived from, shared by {@code debug plot} and audit. */
final class SectorIdentityOptions {
  @Option(
      names = "--public-key-hash",
      required = true,
      converter = HashConverter.class,
      description = "Farmer's public key hash, 64 hex digits.")
  Hash publicKeyHash;

  @Option(
      names = "--commitments-root",
      required = true,
      converter = HashConverter.class,
      description = "Root of the farmer's shard commitments, 64 hex digits.")
  Hash commitmentsRoot;
}
