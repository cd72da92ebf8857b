package org.ombuds.mandate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The release decision itself ({@link ReleasePolicy#decide}) for a disclosure with 5 persons
 * concerned and 20 consents across versions, by consent and under the exception. Run with the
 * {@code bench} profile (see pom.xml) or JMH's main on the test class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReleaseDecisionBenchmark {
  private ReleasePolicy.Request byConsent;
  private ReleasePolicy.Request byException;

  @Setup
  public void setUp() {
    List<String> concerns = List.of("p1", "p2", "p3", "p4", "p5");
    List<ReleasePolicy.ConsentFact> consents = new ArrayList<>();
    for (int v = 1; v <= 4; v++) {
      for (String p : concerns) {
        consents.add(new ReleasePolicy.ConsentFact(p, v, v == 2, new Exposure("MEDIUM", 4)));
      }
    }
    byConsent =
        new ReleasePolicy.Request(
            DisclosureStatus.DRAFT,
            4,
            concerns,
            consents,
            new Exposure("MEDIUM", 4),
            Basis.CONSENT,
            Optional.empty(),
            false,
            false,
            false);
    byException =
        new ReleasePolicy.Request(
            DisclosureStatus.DRAFT,
            4,
            concerns,
            List.of(),
            new Exposure("MEDIUM", 4),
            Basis.IMMINENT_HARM,
            Optional.of(
                new Determination(
                    "Sabotage tonight", Determination.Target.PERSON, true, true, "Credible")),
            true,
            true,
            false);
  }

  @Benchmark
  public ReleasePolicy.Decision consent() {
    return ReleasePolicy.decide(byConsent);
  }

  @Benchmark
  public ReleasePolicy.Decision exception() {
    return ReleasePolicy.decide(byException);
  }
}
