package org.ombuds.anonymity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (sequences of folded tokens) in a {@link Folded} text in one pass, with a trie of
 * tokens: at each position the text's tokens are followed down the trie, one hash lookup per token,
 * so the cost grows with the text and the length of the phrases, not with how many phrases there
 * are. The longest phrase found at a position wins and the scan resumes after it, so matches do not
 * overlap.
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

  /** A trie node: the phrase ending here, if any, and the tokens that continue a phrase. */
  private static final class Node<P> {
    private final Map<String, Node<P>> next = new HashMap<>(4);
    private Entry<P> entry;
  }

  private final Node<P> root = new Node<>();

  /** Indexes {@code entries}; of several with the same tokens, the first one wins. */
  PhraseIndex(Collection<Entry<P>> entries) {
    for (Entry<P> e : entries) {
      Node<P> node = root;
      for (String token : e.tokens()) {
        node = node.next.computeIfAbsent(token, k -> new Node<>());
      }
      if (node.entry == null) {
        node.entry = e;
      }
    }
  }

  /** The phrases in {@code text}, left to right, longest first at each position. */
  List<Match<P>> scan(Folded text) {
    List<Match<P>> out = new ArrayList<>();
    int n = text.tokenCount();
    if (root.next.isEmpty()) {
      return out;
    }
    for (int i = 0; i < n; i++) {
      Node<P> node = root.next.get(text.token(i));
      Entry<P> best = null;
      int bestLast = -1;
      int k = i;
      while (node != null) {
        if (node.entry != null && casingOk(text, node.entry, i, k)) {
          best = node.entry;
          bestLast = k;
        }
        if (node.next.isEmpty() || k + 1 >= n || !text.joinable(k)) {
          break;
        }
        k++;
        node = node.next.get(text.token(k));
      }
      if (best != null) {
        out.add(new Match<>(best.payload(), i, bestLast));
        i = bestLast;
      }
    }
    return out;
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
