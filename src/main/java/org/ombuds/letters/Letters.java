package org.ombuds.letters;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ombuds.mandate.Outbound;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/** Renders released disclosures as letters. */
public final class Letters {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  static final String DEFAULT_LETTERHEAD = "Office of the Ombuds";
  static final String CLOSING = "The Ombuds office";

  private Letters() {}

  private static List<String> head(String letterhead) {
    String h = letterhead == null || letterhead.isBlank() ? DEFAULT_LETTERHEAD : letterhead;
    return h.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The letter as plain text. */
  public static String text(Outbound out, String letterhead) {
    StringBuilder sb = new StringBuilder();
    head(letterhead).forEach(l -> sb.append(l).append('\n'));
    sb.append('\n').append(DATE.format(out.releasedAt().atZone(ZoneOffset.UTC))).append("\n\n");
    sb.append("To: ").append(out.recipient()).append("\n\n");
    sb.append(out.text().strip()).append("\n\n");
    sb.append(CLOSING).append('\n');
    return sb.toString();
  }

  /** The letter as a PDF document. */
  public static byte[] pdf(Outbound out, String letterhead) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 72, 72, 72, 72);
    try {
      PdfWriter.getInstance(doc, bytes);
      doc.addTitle("Letter from the Ombuds office");
      doc.addCreator("ombuds");
      doc.open();
      Font headFont = new Font(Font.HELVETICA, 12, Font.BOLD);
      Font body = new Font(Font.HELVETICA, 11, Font.NORMAL);
      for (String line : head(letterhead)) {
        doc.add(new Paragraph(line, headFont));
      }
      Paragraph date = new Paragraph(DATE.format(out.releasedAt().atZone(ZoneOffset.UTC)), body);
      date.setAlignment(Element.ALIGN_RIGHT);
      date.setSpacingBefore(18);
      doc.add(date);
      Paragraph to = new Paragraph("To: " + out.recipient(), body);
      to.setSpacingBefore(18);
      doc.add(to);
      for (String para : out.text().strip().split("\\R\\s*\\R")) {
        Paragraph p = new Paragraph(para.strip(), body);
        p.setSpacingBefore(12);
        doc.add(p);
      }
      Paragraph closing = new Paragraph(CLOSING, body);
      closing.setSpacingBefore(24);
      doc.add(closing);
    } catch (DocumentException e) {
      throw new IllegalStateException("The letter could not be rendered as PDF");
    } finally {
      doc.close();
    }
    return bytes.toByteArray();
  }
}
