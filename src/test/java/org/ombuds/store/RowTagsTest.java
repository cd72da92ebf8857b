package org.ombuds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.store.RowTags.Table;

/**
 * The canonical bytes a row's tag covers: every change a DBA can make to a row changes them (a
 * value, its type, a NULL, a value moved across a column boundary, the table), and the two
 * databases' spellings of the same integer give the same bytes.
 */
class RowTagsTest {

  private static Map<String, Object> recusal(Object caseId, Object account, Object at) {
    Map<String, Object> m = new HashMap<>();
    m.put("case_id", caseId);
    m.put("account_id", account);
    m.put("created_at", at);
    m.put("inherited_from", null);
    return m;
  }

  @Test
  void the_same_row_read_from_sqlite_or_postgresql_encodes_alike() {
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", 5)))
        .isEqualTo(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", 5L)));
  }

  @Test
  void every_edit_a_dba_can_make_changes_the_bytes() {
    byte[] row = RowTags.encode(Table.RECUSAL, recusal("c1", "a1", 5L));
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", 6L)))
        .as("value")
        .isNotEqualTo(row);
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", "5")))
        .as("type")
        .isNotEqualTo(row);
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", null)))
        .as("NULL")
        .isNotEqualTo(row);
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", 5.0d)))
        .as("a REAL where an integer belongs")
        .isNotEqualTo(row);
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c", "1a1", 5L)))
        .as("a value moved across the column boundary")
        .isNotEqualTo(RowTags.encode(Table.RECUSAL, recusal("c1", "a1", 5L)));
    assertThat(RowTags.encode(Table.RECUSAL, recusal("c2", "a1", 5L)))
        .as("another row's key")
        .isNotEqualTo(row);
  }

  @Test
  void an_empty_blob_is_not_a_null_and_blobs_are_compared_whole() {
    Map<String, Object> a = new HashMap<>();
    a.put("id", "t1");
    a.put("decision_key", new byte[0]);
    Map<String, Object> b = new HashMap<>(a);
    b.put("decision_key", null);
    Map<String, Object> c = new HashMap<>(a);
    c.put("decision_key", new byte[] {0});
    byte[] ea = RowTags.encode(Table.PORTAL_THREAD, a);
    assertThat(RowTags.encode(Table.PORTAL_THREAD, b)).isNotEqualTo(ea);
    assertThat(RowTags.encode(Table.PORTAL_THREAD, c)).isNotEqualTo(ea);
  }

  @Test
  void the_table_is_part_of_the_bytes() {
    Map<String, Object> same = new HashMap<>();
    same.put("id", "x");
    assertThat(RowTags.encode(Table.CONSENT, same))
        .isNotEqualTo(RowTags.encode(Table.DISCLOSURE, same));
  }
}
