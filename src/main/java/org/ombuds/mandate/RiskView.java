package org.ombuds.mandate;

import java.util.ArrayList;
import java.util.List;
import org.ombuds.anonymity.Estimate;
import org.ombuds.anonymity.Finding;
import org.ombuds.common.Fields;

/**
 * The anonymity estimate as shown with one version of a disclosure (and as recorded with a
 * consent): level, anonymity set, findings with their spans and reasons, suggestions.
 */
public record RiskView(
    String level, int anonymitySet, List<FindingView> findings, List<String> suggestions) {

  /** One finding: what kind, where in the text, what was matched and why it matters. */
  public record FindingView(String kind, int start, int end, String excerpt, String reason) {}

  public RiskView {
    findings = List.copyOf(findings);
    suggestions = List.copyOf(suggestions);
  }

  static RiskView of(Estimate e) {
    return new RiskView(
        e.level().name(),
        e.anonymitySet(),
        e.findings().stream()
            .map(
                (Finding f) ->
                    new FindingView(f.kind().name(), f.start(), f.end(), f.excerpt(), f.reason()))
            .toList(),
        e.suggestions());
  }

  /** A named communication: the recipient will know the source; that is its point. */
  static RiskView named() {
    return new RiskView(
        "HIGH",
        1,
        List.of(
            new FindingView(
                "NAMED",
                -1,
                -1,
                "",
                "This communication names its source: the recipient will know who spoke.")),
        List.of(
            "Send it anonymously if the person concerned does not want to be known as the source."));
  }

  void encodeInto(Fields f) {
    f.put("risk.level", level)
        .put("risk.set", Integer.toString(anonymitySet))
        .put("risk.n", Integer.toString(findings.size()));
    for (int i = 0; i < findings.size(); i++) {
      FindingView x = findings.get(i);
      f.put("risk.f" + i + ".kind", x.kind())
          .put("risk.f" + i + ".start", Integer.toString(x.start()))
          .put("risk.f" + i + ".end", Integer.toString(x.end()))
          .put("risk.f" + i + ".excerpt", x.excerpt())
          .put("risk.f" + i + ".reason", x.reason());
    }
    f.put("risk.s", Integer.toString(suggestions.size()));
    for (int i = 0; i < suggestions.size(); i++) {
      f.put("risk.s" + i, suggestions.get(i));
    }
  }

  static RiskView decode(Fields f) {
    List<FindingView> findings = new ArrayList<>();
    int n = Integer.parseInt(f.get("risk.n"));
    for (int i = 0; i < n; i++) {
      findings.add(
          new FindingView(
              f.get("risk.f" + i + ".kind"),
              Integer.parseInt(f.get("risk.f" + i + ".start")),
              Integer.parseInt(f.get("risk.f" + i + ".end")),
              f.get("risk.f" + i + ".excerpt"),
              f.get("risk.f" + i + ".reason")));
    }
    List<String> suggestions = new ArrayList<>();
    int s = Integer.parseInt(f.get("risk.s"));
    for (int i = 0; i < s; i++) {
      suggestions.add(f.get("risk.s" + i));
    }
    return new RiskView(
        f.get("risk.level"), Integer.parseInt(f.get("risk.set")), findings, suggestions);
  }
}
