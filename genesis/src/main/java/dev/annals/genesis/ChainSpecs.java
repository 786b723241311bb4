package dev.annals.genesis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The built-in chain specs and loading a spec by name or by path ({@code --chain}). */
public final class ChainSpecs {
  /** Built-in specs, resources {@code /chain-specs/<name>.json}. */
  public static final List<String> BUILT_IN = List.of("dev", "devnet", "production");

  private ChainSpecs() {}

  /** A built-in spec by name, or else the JSON file at that path. */
  public static ChainSpec load(String nameOrPath) {
    if (BUILT_IN.contains(nameOrPath)) {
      return builtIn(nameOrPath);
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new ChainSpecException(
          nameOrPath,
          "",
          "neither a built-in chain (" + String.join(", ", BUILT_IN) + ") nor a readable file");
    }
    return fromFile(path);
  }

  public static ChainSpec builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new ChainSpecException(
          name, "", "no such built-in chain (known: " + String.join(", ", BUILT_IN) + ")");
    }
    String resource = "/chain-specs/" + name + ".json";
    try (InputStream in = ChainSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing from the jar");
      }
      return ChainSpecParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + resource, e);
    }
  }

  public static ChainSpec fromFile(Path path) {
    String json;
    try {
      json = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ChainSpecException(path.toString(), "", "cannot read: " + e.getMessage(), e);
    }
    return ChainSpecParser.parse(path.toString(), json);
  }
}
