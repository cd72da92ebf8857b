package org.ombuds.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;
import org.ombuds.records.YearInputs;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The annual report as a PDF for the organization's leadership: a cover with the office's
 * letterhead and the year, the Ombuds' assessment, observations and recommendations printed as
 * written, then every table with its comparison years and the charts.
 */
public final class ReportPdf {
  private static final Font TITLE = new Font(Font.HELVETICA, 22, Font.BOLD);
  private static final Font HEAD = new Font(Font.HELVETICA, 14, Font.BOLD);
  private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
  private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);

  private ReportPdf() {}

  /**
   * @param letterhead the office's letterhead lines (empty: a default)
   * @param text the label of a message key
   */
  public static byte[] render(
      PublishedReport report, String letterhead, Function<String, String> text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(doc, bytes);
      doc.addTitle(text.apply("report.title") + " " + report.year());
      doc.addCreator("ombuds");
      doc.open();
      cover(doc, report, letterhead, text);
      doc.newPage();
      if (report.empty()) {
        doc.add(new Paragraph(text.apply("report.empty"), BODY));
      }
      YearInputs in = report.inputs(report.year());
      writing(doc, text.apply("report.assessment"), in.assessment());
      writing(doc, text.apply("report.observations"), in.observations());
      writing(doc, text.apply("report.recommendations"), in.recommendations());
      figures(doc, report, text);
      for (String chart : ReportCharts.NAMES) {
        Image img = Image.getInstance(ReportCharts.png(report, chart, text));
        img.scaleToFit(480, 240);
        img.setSpacingBefore(12);
        doc.add(img);
      }
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("The report could not be rendered as PDF");
    } finally {
      doc.close();
    }
    return bytes.toByteArray();
  }

  private static void cover(
      Document doc, PublishedReport report, String letterhead, Function<String, String> text) {
    String head = letterhead.isBlank() ? text.apply("report.office") : letterhead;
    for (String line : head.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      doc.add(new Paragraph(line, HEAD));
    }
    Paragraph title = new Paragraph(text.apply("report.title") + " " + report.year(), TITLE);
    title.setSpacingBefore(160);
    title.setAlignment(Element.ALIGN_CENTER);
    doc.add(title);
    Paragraph note =
        new Paragraph(
            text.apply("report.suppressionNote")
                .replace("{0}", Integer.toString(report.threshold())),
            BODY);
    note.setSpacingBefore(40);
    note.setAlignment(Element.ALIGN_CENTER);
    doc.add(note);
  }

  private static void writing(Document doc, String title, String body) {
    if (body.isBlank()) {
      return;
    }
    Paragraph h = new Paragraph(title, HEAD);
    h.setSpacingBefore(12);
    doc.add(h);
    for (String para : body.split("\\R\\s*\\R")) {
      Paragraph p = new Paragraph(para, BODY);
      p.setSpacingBefore(6);
      doc.add(p);
    }
  }

  private static void figures(Document doc, PublishedReport report, Function<String, String> text) {
    List<PublishedYear> years = report.trend();
    List<Map<String, Object>> data = years.stream().map(y -> ReportData.year(report, y)).toList();
    Paragraph h = new Paragraph(text.apply("report.keyFigures"), HEAD);
    h.setSpacingBefore(12);
    doc.add(h);
    PdfPTable key = table(years, text);
    for (String k :
        List.of(
            "visitors",
            "shareOfPersonnel",
            "cases",
            "issues",
            "issuesPerVisitor",
            "contacts",
            "contactsPerCase",
            "minutes",
            "minutesPerCase")) {
      row(key, text.apply("report." + k), data.stream().map(m -> m.get(k)).toList());
    }
    doc.add(key);
    for (String t : ReportData.TABLES.keySet()) {
      Paragraph th = new Paragraph(text.apply("report.table." + t), HEAD);
      th.setSpacingBefore(12);
      doc.add(th);
      PdfPTable table = table(years, text);
      @SuppressWarnings("unchecked")
      Map<String, Object> rows = (Map<String, Object>) data.getLast().get(t);
      for (String r : rows.keySet()) {
        row(
            table,
            text.apply("report.table." + t + "." + r),
            data.stream().map(m -> (Object) ((Map<?, ?>) m.get(t)).get(r)).toList());
      }
      if (t.equals("byGender")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> adjusted = (Map<String, Object>) data.getLast().get("genderAdjusted");
        for (String g : adjusted.keySet()) {
          row(
              table,
              text.apply("report.genderAdjusted") + ": " + text.apply("report.table.byGender." + g),
              data.stream()
                  .map(m -> (Object) ((Map<?, ?>) m.get("genderAdjusted")).get(g))
                  .toList());
        }
      }
      doc.add(table);
    }
  }

  private static PdfPTable table(List<PublishedYear> years, Function<String, String> text) {
    PdfPTable t = new PdfPTable(years.size() + 1);
    t.setWidthPercentage(100);
    t.setSpacingBefore(6);
    t.addCell(new PdfPCell(new Phrase(text.apply("report.row"), BOLD)));
    for (PublishedYear y : years) {
      PdfPCell c = new PdfPCell(new Phrase(Integer.toString(y.year()), BOLD));
      c.setHorizontalAlignment(Element.ALIGN_RIGHT);
      t.addCell(c);
    }
    t.setHeaderRows(1);
    return t;
  }

  private static void row(PdfPTable t, String label, List<Object> values) {
    t.addCell(new PdfPCell(new Phrase(label, BODY)));
    for (Object v : values) {
      PdfPCell c = new PdfPCell(new Phrase(Cells.text(v), BODY));
      c.setHorizontalAlignment(Element.ALIGN_RIGHT);
      t.addCell(c);
    }
  }
}
