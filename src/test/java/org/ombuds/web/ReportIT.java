package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/** The annual report over HTTP: closed cases show up in it, small groups never as numbers. */
class ReportIT {

  private static void closeCase(Http http, String category, String contract) {
    Http.Response c =
        http.post(
            "/api/v1/cases",
            Map.of(
                "title",
                "A matter",
                "categories",
                List.of(category),
                "workUnit",
                Map.of("name", "Library", "size", 30)));
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    String id = c.json().get("id").stringValue();
    Http.Response p =
        http.post(
            "/api/v1/cases/" + id + "/persons",
            Map.of(
                "role",
                "VISITOR",
                "name",
                "Visitor Name",
                "contractType",
                contract,
                "gender",
                "WOMAN",
                "ageBand",
                "FROM_35_TO_44"));
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    Http.Response closed =
        http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "RESOLVED"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
  }

  @Test
  void closedCases_appearInTheReport_withSmallGroupsHidden_inJsonCsvAndPdf() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      int year = Year.now(ZoneOffset.UTC).getValue();
      for (int i = 0; i < 8; i++) {
        closeCase(http, "2b", "STAFF");
      }
      for (int i = 0; i < 2; i++) {
        closeCase(http, "6a", "STUDENT");
      }

      Http.Response r = http.get("/api/v1/reports/annual?year=" + year);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode j = r.json();
      assertThat(j.get("year").asInt()).isEqualTo(year);
      assertThat(j.get("empty").asBoolean()).isFalse();
      assertThat(j.get("visitors").asLong()).isEqualTo(10);
      // showing 10 issues and category 2 at 8 would tell that the "<5" categories add up to 2,
      // so category 6 is at most 2 where its label says up to 4: both are hidden (the partners
      // are taken in report order, category 2 first, then the issues)
      assertThat(j.get("issues").stringValue()).isEqualTo("<suppressed");
      assertThat(j.get("byCategory").get("2").stringValue()).isEqualTo("<suppressed");
      assertThat(j.get("bySubCategory").get("2b").asLong()).isEqualTo(8);
      assertThat(j.get("byCategory").get("6").stringValue()).isEqualTo("<5");
      assertThat(j.get("bySubCategory").get("6a").stringValue()).isEqualTo("<5");
      assertThat(j.get("byContractType").get("STUDENT").stringValue()).startsWith("<");
      // every case resolved: showing 10 would tell that each other outcome (hidden "<5") is 0
      assertThat(j.get("cases").asLong()).isEqualTo(10);
      assertThat(j.get("byOutcome").get("RESOLVED").stringValue()).isEqualTo("<suppressed");
      assertThat(j.get("byCategory").size()).isGreaterThanOrEqualTo(9);

      Http.Response csv = http.get("/api/v1/reports/annual?year=" + year + "&format=csv");
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.header("Content-Type")).startsWith("text/csv");
      assertThat(csv.body())
          .startsWith("year,table,row,value")
          .doesNotContain(year + ",byContractType,STUDENT,2")
          .doesNotContain(year + ",byCategory,6,2");
      for (String table : List.of("byCategory", "byContractType", "byGender", "byOutcome")) {
        j.get(table)
            .properties()
            .forEach(
                e ->
                    assertThat(csv.body())
                        .contains(
                            year + "," + table + "," + e.getKey() + "," + text(e.getValue())));
      }

      Http.Response pdf = http.get("/api/v1/reports/annual?year=" + year + "&format=pdf");
      assertThat(pdf.status()).isEqualTo(200);
      assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
      String english = pdfText(http.bytes("/api/v1/reports/annual?year=" + year + "&format=pdf"));
      assertThat(english).contains("Annual report").doesNotContain("Rapport annuel");
      String french =
          pdfText(http.bytes("/api/v1/reports/annual?year=" + year + "&format=pdf&lang=fr"));
      assertThat(french).contains("Rapport annuel");
      assertThat(http.get("/api/v1/reports/annual?year=" + year + "&format=pdf&lang=de").status())
          .isEqualTo(400);

      assertThat(GuardsIT.kinds(t)).contains(AuditKind.REPORT_PRODUCED);
    }
  }

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    try (org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(pdf)) {
      var ex = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader);
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        sb.append(ex.getTextFromPage(p)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String text(JsonNode v) {
    return v.isString() ? v.stringValue() : Long.toString(v.asLong());
  }

  @Test
  void badYear_threshold_andEmptyYear() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      for (String q : List.of("", "?year=", "?year=abc", "?year=99999", "?year=1200")) {
        Http.Response r = http.get("/api/v1/reports/annual" + q);
        assertThat(r.status()).as(q).isEqualTo(400);
        assertThat(r.json().get("error").stringValue()).isEqualTo("invalid_request");
      }
      assertThat(http.get("/api/v1/reports/annual?year=2020&format=doc").status()).isEqualTo(400);

      Http.Response empty = http.get("/api/v1/reports/annual?year=2020");
      assertThat(empty.status()).isEqualTo(200);
      assertThat(empty.json().get("empty").asBoolean()).isTrue();
      assertThat(empty.json().get("visitors").stringValue()).startsWith("<");

      Http.Response one = http.put("/api/v1/reports/settings", Map.of("threshold", 1));
      assertThat(one.status()).isEqualTo(400);
      assertThat(one.json().get("message").stringValue()).contains("threshold");
      assertThat(http.get("/api/v1/reports/settings").json().get("threshold").asInt()).isEqualTo(5);
      assertThat(http.put("/api/v1/reports/settings", Map.of("threshold", 3)).status())
          .isEqualTo(200);
      assertThat(http.get("/api/v1/reports/annual?year=2020").json().get("threshold").asInt())
          .isEqualTo(3);

      Http.Response year =
          http.put(
              "/api/v1/reports/years/2020",
              Map.of(
                  "personnel",
                  800,
                  "genderShares",
                  Map.of("WOMAN", 55, "MAN", 44),
                  "assessment",
                  "Printed as written: <b>not markup</b>."));
      assertThat(year.status()).as(year.body()).isEqualTo(200);
      JsonNode again = http.get("/api/v1/reports/annual?year=2020").json();
      assertThat(again.get("assessment").stringValue())
          .isEqualTo("Printed as written: <b>not markup</b>.");
      assertThat(again.get("personnel").asInt()).isEqualTo(800);
      assertThat(
              http.put("/api/v1/reports/years/2020", Map.of("genderShares", Map.of("X", 5)))
                  .status())
          .isEqualTo(400);
      assertThat(t.http().get("/api/v1/reports/annual?year=2020").status()).isEqualTo(401);
    }
  }
}
