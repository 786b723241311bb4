package dev.annals.kernel.pot;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Repeated AES-128 on one 16-byte block, using the JDK's AES (hardware intrinsics where the CPU has
 * them). Not thread-safe: keep one per thread.
 *
 * <p>Encryption chains use CBC over zero plaintext: with IV = x the ciphertext blocks are E(x),
 * E(E(x)), ..., so one {@code update} call runs thousands of dependent encryptions inside the JDK's
 * intrinsic CBC loop instead of paying the {@link Cipher} call overhead per block. Decryption has
 * no such chaining mode and goes block by block through ECB.
 */
public final class AesChain {
  private static final int BLOCK = 16;
  private static final int CHUNK_BLOCKS = 4096;

  private final Cipher cbcEncrypt;
  private final Cipher ecbEncrypt;
  private final Cipher ecbDecrypt;
  private final byte[] zeros = new byte[CHUNK_BLOCKS * BLOCK];
  private final byte[] chunkOut = new byte[CHUNK_BLOCKS * BLOCK];
  private final byte[] other = new byte[BLOCK];
  private SecretKeySpec key;

  public AesChain() {
    try {
      cbcEncrypt = Cipher.getInstance("AES/CBC/NoPadding");
      ecbEncrypt = Cipher.getInstance("AES/ECB/NoPadding");
      ecbDecrypt = Cipher.getInstance("AES/ECB/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/CBC or AES/ECB without padding", e);
    }
  }

  /** Sets the 16-byte AES-128 key for the following calls. */
  public void setKey(byte[] key16) {
    checkLength("AES key", key16);
    key = new SecretKeySpec(key16, "AES");
    try {
      ecbEncrypt.init(Cipher.ENCRYPT_MODE, key);
      ecbDecrypt.init(Cipher.DECRYPT_MODE, key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES rejected a 16-byte key", e);
    }
  }

  /** Encrypts {@code block} in place {@code times} times. */
  public void encrypt(byte[] block, long times) {
    checkLength("AES block", block);
    if (times <= 0) {
      return;
    }
    try {
      cbcEncrypt.init(Cipher.ENCRYPT_MODE, requireKey(), new IvParameterSpec(block));
      long left = times;
      int lastBlocks = 0;
      while (left > 0) {
        lastBlocks = (int) Math.min(CHUNK_BLOCKS, left);
        cbcEncrypt.update(zeros, 0, lastBlocks * BLOCK, chunkOut, 0);
        left -= lastBlocks;
      }
      System.arraycopy(chunkOut, (lastBlocks - 1) * BLOCK, block, 0, BLOCK);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC encryption failed", e);
    }
  }

  /**
   * Encrypts {@code block} in place {@code times} times with one ECB call per block: the plain
   * approach, kept to measure the CBC chain against and to cross-check it in tests.
   */
  public void encryptBlockByBlock(byte[] block, long times) {
    checkLength("AES block", block);
    requireKey();
    runEcb(ecbEncrypt, block, times);
  }

  /** Decrypts {@code block} in place {@code times} times. */
  public void decrypt(byte[] block, long times) {
    checkLength("AES block", block);
    requireKey();
    runEcb(ecbDecrypt, block, times);
  }

  private void runEcb(Cipher cipher, byte[] block, long times) {
    try {
      // Ping-pong between two arrays: an in-place update makes the JDK copy the input each call.
      byte[] a = block;
      byte[] b = other;
      for (long i = 0; i < times; i++) {
        cipher.update(a, 0, BLOCK, b, 0);
        byte[] t = a;
        a = b;
        b = t;
      }
      if (a != block) {
        System.arraycopy(a, 0, block, 0, BLOCK);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/ECB failed", e);
    }
  }

  private SecretKeySpec requireKey() {
    if (key == null) {
      throw new IllegalStateException("AesChain used before setKey");
    }
    return key;
  }

  static void checkLength(String what, byte[] bytes) {
    if (bytes.length != BLOCK) {
      throw new IllegalArgumentException(what + " must be 16 bytes, got " + bytes.length);
    }
  }
}
