package dev.annals.node.storage;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Every RocksDB native object a database owns, closed in reverse order of creation (an object is
 * closed before the ones it was built from). Closing twice is harmless.
 */
final class NativeHandles implements AutoCloseable {
  private final Deque<AutoCloseable> handles = new ArrayDeque<>();

  <T extends AutoCloseable> T track(T handle) {
    handles.push(handle);
    return handle;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (!handles.isEmpty()) {
      try {
        handles.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new StorageException("closing a RocksDB handle failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
