package org.ombuds.anonymity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DESIGN.md target: the estimate of a 1,000-word draft has a p99 under 5 ms. Sample-time mode,
 * so JMH reports percentiles. Run after {@code ./mvnw -q -B -o test-compile} and {@code ./mvnw -q
 * -B -o dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}:
 *
 * <pre>
 * java -cp "$(cat cp.txt):target/test-classes:target/classes" org.openjdk.jmh.Main \
 *   AnonymityEstimateBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -bm sample -tu us
 * </pre>
 *
 * The draft is realistic rather than kind: a long letter about a unit of 24 with its composition
 * recorded, naming the other party, with dates, pronouns, a role word, a phone number and the
 * visitor's pseudonym among ordinary sentences, so that every detector and word list has work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnonymityEstimateBenchmark {

  private static final String[] PARAGRAPHS = {
    "Dear colleague, I am writing on behalf of the Ombuds office about the way the safety rules"
        + " are applied in the operations group. Several members of your group have raised"
        + " concerns with us over the past months, and we would like to share them with you in a"
        + " general way so that they can be addressed without singling anyone out.",
    "The concerns are about protective equipment not being worn in shared areas, about"
        + " equipment being left running overnight, and about the way incidents are reported."
        + " People feel that reports are not always followed up, and that it is not clear who is"
        + " responsible for checking that the rules are applied.",
    "On 2 March, and again last Tuesday, a colleague noticed that the emergency exit near the"
        + " workshop was blocked by boxes. She says the safety rules are ignored when the team is"
        + " under pressure, and her impression is shared by others. Mike Roe was informed at the"
        + " time, but nothing changed.",
    "We understand that the workload has increased since the beginning of the year and that the"
        + " team has had to absorb new projects. It may be worth reviewing how tasks are assigned"
        + " and whether the safety briefings could be repeated for everyone, including new"
        + " members who may not know the rules yet.",
    "A junior colleague also mentioned that it is not always easy to raise such matters in team"
        + " meetings, because decisions seem to be taken before the meeting. A reminder about"
        + " respectful communication could help everyone, and so could a clearer process for"
        + " raising concerns in writing.",
    "Please treat this as a general reminder rather than a complaint. Nobody is asking for a"
        + " formal investigation at this stage, and the people who spoke to us would like the"
        + " matter to be handled within the group. The office remains available for questions,"
        + " and can be reached on 022 123 45 67 during office hours.",
    "If it helps, we would suggest reminding the whole group of the safety rules at the next"
        + " team meeting, checking that the emergency exits are clear every morning, and asking"
        + " the safety officer to repeat the briefing. Jane* would appreciate being kept informed"
        + " through the office, not directly.",
    "Thank you for taking the time to read this message. We know that you care about the"
        + " safety of your team, and we are confident that these concerns can be addressed"
        + " quickly and in a way that respects everyone involved. With kind regards, the Ombuds"
        + " office."
  };

  private AnonymityEstimator estimator;
  private String draft;
  private Context context;

  @Setup
  public void setUp() {
    estimator = new AnonymityEstimator();
    StringBuilder sb = new StringBuilder();
    int words = 0;
    int i = 0;
    while (words < 1000) {
      String p = PARAGRAPHS[i % PARAGRAPHS.length];
      sb.append(p).append("\n\n");
      words += p.split("\\s+").length;
      i++;
    }
    draft = sb.toString();
    context =
        new Context(
            List.of(
                new Person("Hélène Dubois-Martin", "Jane*", true),
                new Person("Mike Roe", "Mike*", false),
                new Person("Kenji Watanabe", "Leo*", false)),
            24,
            List.of(
                new Group("gender", "women", 5),
                new Group("gender", "men", 19),
                new Group("seniority", "junior", 6),
                new Group("seniority", "senior", 8),
                new Group("role", "interns", 2)),
            1,
            Optional.of(Duration.ofDays(20)));
  }

  @Benchmark
  public Estimate estimateThousandWordDraft() {
    return estimator.estimate(draft, context);
  }
}
