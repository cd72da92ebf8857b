package org.ombuds.anonymity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (sequences of folded tokens) in a {@link Folded} text in one pass: a hash lookup of
 * each token among the phrases starting with it, longest phrase first, so the cost grows with the
 * text and the number of matches, not with the number of phrases. Matches do not overlap: the scan
 * resumes after the longest phrase found at a position.
 *
 * @param <P> what a phrase stands for
 */
final class PhraseIndex<P> {

  /**
   * One phrase.
   *
   * @param tokens the folded tokens, at least one
   * @param payload what the phrase stands for
   * @param needsCapital whether the phrase is also an ordinary word, so that it only counts when
   *     written with a capital letter or followed by an asterisk ("Will" and "Will*", not "we
   *     will")
   */
  record Entry<P>(List<String> tokens, P payload, boolean needsCapital) {
    Entry {
      tokens = List.copyOf(tokens);
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("A phrase has at least one token.");
      }
    }
  }

  /** A phrase found at tokens {@code first..last} (inclusive). */
  record Match<P>(P payload, int first, int last) {}

  private final Map<String, List<Entry<P>>> byFirst;

  /** Indexes {@code entries}; of several with the same tokens, the first one wins. */
  PhraseIndex(Collection<Entry<P>> entries) {
    Map<List<String>, Entry<P>> unique = new LinkedHashMap<>();
    for (Entry<P> e : entries) {
      unique.putIfAbsent(e.tokens(), e);
    }
    Map<String, List<Entry<P>>> map = new HashMap<>();
    for (Entry<P> e : unique.values()) {
      map.computeIfAbsent(e.tokens().get(0), k -> new ArrayList<>()).add(e);
    }
    for (List<Entry<P>> list : map.values()) {
      list.sort(Comparator.comparingInt((Entry<P> e) -> e.tokens().size()).reversed());
    }
    this.byFirst = map;
  }

  boolean isEmpty() {
    return byFirst.isEmpty();
  }

  /** The phrases in {@code text}, left to right, longest first at each position. */
  List<Match<P>> scan(Folded text) {
    List<Match<P>> out = new ArrayList<>();
    if (byFirst.isEmpty()) {
      return out;
    }
    int n = text.tokenCount();
    for (int i = 0; i < n; i++) {
      List<Entry<P>> candidates = byFirst.get(text.token(i));
      if (candidates == null) {
        continue;
      }
      for (Entry<P> e : candidates) {
        int last = i + e.tokens().size() - 1;
        if (last < n && matchesAt(text, e, i) && casingOk(text, e, i, last)) {
          out.add(new Match<>(e.payload(), i, last));
          i = last;
          break;
        }
      }
    }
    return out;
  }

  private static boolean matchesAt(Folded text, Entry<?> e, int i) {
    List<String> tokens = e.tokens();
    for (int k = 1; k < tokens.size(); k++) {
      if (!text.joinable(i + k - 1) || !text.token(i + k).equals(tokens.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean casingOk(Folded text, Entry<?> e, int first, int last) {
    if (!e.needsCapital() || text.asteriskAt(text.tokenEnd(last))) {
      return true;
    }
    for (int t = first; t <= last; t++) {
      if (text.capitalizedAt(text.tokenStart(t))) {
        return true;
      }
    }
    return false;
  }
}
