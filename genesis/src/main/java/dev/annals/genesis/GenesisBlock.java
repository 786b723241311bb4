package dev.annals.genesis;

import dev.annals.primitives.Hash;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;

/** One shard's genesis block and its root. */
public record GenesisBlock(BlockHeader header, BlockBody body, Hash root) {}
