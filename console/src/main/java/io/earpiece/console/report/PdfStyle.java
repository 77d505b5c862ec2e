package io.earpiece.console.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.awt.Color;

/** The reports' look: fonts, headings, label/value tables, in one place so both PDFs match. */
final class PdfStyle {

    static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
    static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, ACCENT);
    static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, ACCENT);
    static final Font BODY = new Font(Font.HELVETICA, 9.5f, Font.NORMAL, Color.BLACK);
    static final Font BOLD = new Font(Font.HELVETICA, 9.5f, Font.BOLD, Color.BLACK);
    static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
    static final Font HEADER_CELL = new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE);

    private PdfStyle() {
    }

    static void title(Document doc, String title, String subtitle) {
        doc.add(new Paragraph(title, TITLE));
        Paragraph sub = new Paragraph(subtitle, SMALL);
        sub.setSpacingAfter(10);
        doc.add(sub);
    }

    static void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    static void text(Document doc, String text) {
        doc.add(new Paragraph(text == null ? "" : text, BODY));
    }

    static void bullet(Document doc, String label, String text) {
        Paragraph p = new Paragraph();
        p.add(new Chunk("\u2022 ", BODY));
        if (label != null) {
            p.add(new Chunk(label + ": ", BOLD));
        }
        p.add(new Chunk(text == null ? "" : text, BODY));
        p.setIndentationLeft(8);
        doc.add(p);
    }

    /** A two-column label/value table. */
    static PdfPTable facts() {
        PdfPTable t = new PdfPTable(new float[]{1.2f, 3.8f});
        t.setWidthPercentage(100);
        t.setSpacingAfter(6);
        return t;
    }

    static void fact(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, BOLD));
        PdfPCell v = new PdfPCell(new Phrase(value == null ? "-" : value, BODY));
        l.setBorder(0);
        v.setBorder(0);
        l.setPadding(2);
        v.setPadding(2);
        t.addCell(l);
        t.addCell(v);
    }

    /** A table with a coloured header row repeated on each page. */
    static PdfPTable grid(float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, HEADER_CELL));
            c.setBackgroundColor(ACCENT);
            c.setPadding(3);
            t.addCell(c);
        }
        return t;
    }

    static void cell(PdfPTable t, String value) {
        PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, BODY));
        c.setPadding(3);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        t.addCell(c);
    }
}
