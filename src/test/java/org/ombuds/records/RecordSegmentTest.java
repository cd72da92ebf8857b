package org.ombuds.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordSegmentTest {

  private static List<StatisticalRecord> decodeAll(byte[] bytes) {
    List<StatisticalRecord> out = new ArrayList<>();
    RecordSegment.decode(bytes, out::add);
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void records_come_back_exactly_and_in_order(long seed) {
    List<StatisticalRecord> records =
        Synthetic.records(seed, 1 + (int) (seed % 700), List.of(2023, 2024, 2025));
    byte[] bytes = RecordSegment.encode(records);
    assertThat(decodeAll(bytes)).isEqualTo(records);
    assertThat(RecordSegment.count(bytes)).isEqualTo(records.size());
  }

  @Test
  void empty_lists_strings_and_large_numbers_survive() {
    List<StatisticalRecord> records =
        List.of(
            new StatisticalRecord(2025, List.of(), List.of(), 0, 0, List.of(), ""),
            new StatisticalRecord(
                2999,
                List.of("1a", "Écoute", "1a"),
                List.of(new StatisticalRecord.Visitor("", "WOMAN", "")),
                Integer.MAX_VALUE,
                1_000_000,
                List.of("REFER:ACCEPTED"),
                "RESOLVED"));
    assertThat(decodeAll(RecordSegment.encode(records))).isEqualTo(records);
    assertThat(decodeAll(RecordSegment.encode(List.of()))).isEmpty();
  }

  @Test
  void strings_are_written_once_so_a_segment_stays_small() {
    List<StatisticalRecord> records = Synthetic.records(7, 4096, List.of(2025));
    int textSize = records.stream().mapToInt(r -> r.encode().length).sum();
    int segmentSize = RecordSegment.encode(records).length;
    assertThat(segmentSize).isLessThan(textSize / 4);
  }

  @Test
  void a_negative_number_is_refused_when_encoding() {
    StatisticalRecord bad = new StatisticalRecord(2025, List.of(), List.of(), -1, 0, List.of(), "");
    assertThatThrownBy(() -> RecordSegment.encode(List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void every_truncation_and_trailing_bytes_are_refused() {
    byte[] bytes = RecordSegment.encode(Synthetic.records(3, 20, List.of(2025)));
    for (int len = 0; len < bytes.length; len++) {
      byte[] cut = Arrays.copyOf(bytes, len);
      assertThatThrownBy(() -> decodeAll(cut))
          .as("cut at %d of %d", len, bytes.length)
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> decodeAll(longer)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_unknown_version_or_string_index_is_refused() {
    byte[] bytes =
        RecordSegment.encode(
            List.of(new StatisticalRecord(2025, List.of(), List.of(), 1, 2, List.of(), "X")));
    byte[] version = bytes.clone();
    version[0] = 2;
    assertThatThrownBy(() -> decodeAll(version)).isInstanceOf(IllegalArgumentException.class);
    byte[] index = bytes.clone();
    index[index.length - 1] = 5; // the outcome's index: only one string exists
    assertThatThrownBy(() -> decodeAll(index)).isInstanceOf(IllegalArgumentException.class);
  }
}
