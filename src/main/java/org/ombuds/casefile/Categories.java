package org.ombuds.casefile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IOA uniform reporting categories (version 2, 2007), read from the TSV shipped with the
 * application.
 */
public final class Categories {
  private static final Categories IOA = load();
  private final Map<String, Category> byCode;

  private Categories(Map<String, Category> byCode) {
    this.byCode = byCode;
  }

  /** The IOA list. */
  public static Categories ioa() {
    return IOA;
  }

  /** The category with this code, if any. */
  public Optional<Category> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Every category, in the list's order. */
  public Collection<Category> all() {
    return byCode.values();
  }

  /** The codes of {@code codes} that are not on the list. */
  public List<String> unknown(List<String> codes) {
    return codes.stream().filter(c -> !byCode.containsKey(c)).toList();
  }

  private static Categories load() {
    Map<String, Category> map = new LinkedHashMap<>();
    try (InputStream in =
            Categories.class.getResourceAsStream("ioa-uniform-reporting-categories.tsv");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    Objects.requireNonNull(in, "categories file missing"),
                    StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        map.put(parts[0], new Category(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Categories(Collections.unmodifiableMap(map));
  }
}
