package fr.irev.news.registration.staff;

import static fr.irev.news.registration.staff.StaffFixtures.details;
import static fr.irev.news.registration.staff.StaffFixtures.registration;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.registration.Registration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The CSV export: field cases C11 (formula injection) and C12 (accents in a French spreadsheet).
 */
class RegistrationCsvTest {

  private static final Instant CREATED = Instant.parse("2021-11-20T09:15:00Z");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setDelimiter(';').get();

  private static byte[] export(List<Registration> registrations) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RegistrationCsv.write(registrations, out);
    return out.toByteArray();
  }

  /** Parses the bytes back as a spreadsheet would: BOM checked and skipped, UTF-8, ';'. */
  private static List<CSVRecord> parse(byte[] bytes) throws IOException {
    assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "UTF-8 byte order mark");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
      return parser.getRecords();
    }
  }

  @Test
  void emptyListGivesTheBomAndTheFrenchHeaderOnly() throws IOException {
    byte[] bytes = export(List.of());
    String expected =
        "\uFEFFStatut;Places;Nom;Prénom;Courriel;Organisme;Fonction;Commune;Téléphone;"
            + "Besoins;Commentaire;Inscrit le;Position\r\n";
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes);
    List<CSVRecord> records = parse(bytes);
    assertEquals(1, records.size());
    assertEquals(RegistrationCsv.HEADER, records.get(0).toList());
  }

  @Test
  void c12AccentsAreUtf8WithBomAndReadBack() throws IOException {
    byte[] bytes =
        export(
            List.of(
                registration(Registration.Status.CONFIRMED, 1, "Çelik", "Hélène", CREATED),
                registration(Registration.Status.CONFIRMED, 2, "Lefèvre", "Zoë", CREATED)));
    assertArrayEquals(BOM, Arrays.copyOf(bytes, 3));
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    // "é" is C3 A9, "Ç" C3 87, "ë" C3 AB, "è" C3 A8 in UTF-8
    assertTrue(raw.contains("H\u00c3\u00a9l\u00c3\u00a8ne"), "Hélène in UTF-8");
    assertTrue(raw.contains("\u00c3\u0087elik"), "Çelik in UTF-8");
    assertTrue(raw.contains("Zo\u00c3\u00ab"), "Zoë in UTF-8");
    List<CSVRecord> records = parse(bytes);
    assertEquals(3, records.size());
    assertEquals("Çelik", records.get(1).get(2));
    assertEquals("Hélène", records.get(1).get(3));
    assertEquals("Lefèvre", records.get(2).get(2));
    assertEquals("Zoë", records.get(2).get(3));
    assertTrue(new String(bytes, StandardCharsets.UTF_8).contains(";\r\nConfirmée;2;"), "CRLF");
  }

  @Test
  void c11FormulaLikeCellsArePrefixedWithAnApostrophe() throws IOException {
    List<String> dangerous = List.of("=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", "\tx", "\rx");
    for (String value : dangerous) {
      Registration r =
          registration(
              Registration.Status.CONFIRMED,
              1,
              value,
              value,
              CREATED,
              details(value, "+33 6 12 34 56 78", value));
      CSVRecord row = parse(export(List.of(r))).get(1);
      assertEquals("'" + value, row.get(2), "last name");
      assertEquals("'" + value, row.get(3), "first name");
      assertEquals("'" + value, row.get(5), "organisation");
      assertEquals("'" + value, row.get(10), "comment");
      // the phone number stays whole and readable, behind the apostrophe
      assertEquals("'+33 6 12 34 56 78", row.get(8));
    }
  }

  @Test
  void c11OrdinaryValuesAreUntouched() {
    assertEquals("Jean-Pierre", RegistrationCsv.cell("Jean-Pierre"));
    assertEquals("06 12 34 56 78", RegistrationCsv.cell("06 12 34 56 78"));
    assertEquals("a=b", RegistrationCsv.cell("a=b"));
    assertEquals("", RegistrationCsv.cell(""));
    assertEquals("", RegistrationCsv.cell(null));
    assertEquals("'＝1+1", RegistrationCsv.cell("＝1+1"), "full-width equals sign");
  }

  @Test
  void separatorQuotesAndLineBreaksAreQuoted() throws IOException {
    Registration r =
        registration(
            Registration.Status.CONFIRMED,
            1,
            "Dupont",
            "Anne",
            CREATED,
            details("Dupont; Fils", "", "Ligne 1\nLigne 2 avec \"guillemets\""));
    byte[] bytes = export(List.of(r));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.contains(";\"Dupont; Fils\";"), text);
    assertTrue(text.contains(";\"Ligne 1\nLigne 2 avec \"\"guillemets\"\"\";"), text);
    CSVRecord row = parse(bytes).get(1);
    assertEquals(13, row.size());
    assertEquals("Dupont; Fils", row.get(5));
    assertEquals("Ligne 1\nLigne 2 avec \"guillemets\"", row.get(10));
  }

  @Test
  void statusSeatsDateInParisAndWaitingPositionInSeats() throws IOException {
    List<Registration> list =
        List.of(
            registration(Registration.Status.CONFIRMED, 1, "A", "a", CREATED),
            registration(Registration.Status.WAITING, 2, "B", "b", CREATED),
            registration(Registration.Status.WAITING, 1, "C", "c", CREATED),
            registration(Registration.Status.CANCELLED, 3, "D", "d", CREATED),
            // 22:30 Z on 1 July is 00:30 on 2 July in Paris (summer time)
            registration(
                Registration.Status.WAITING, 3, "E", "e", Instant.parse("2021-07-01T22:30:00Z")));
    List<CSVRecord> rows = parse(export(list));
    assertEquals(List.of("Confirmée", "1", "20/11/2021 10:15", ""), pick(rows.get(1)));
    assertEquals(List.of("Liste d’attente", "2", "20/11/2021 10:15", "1"), pick(rows.get(2)));
    assertEquals(List.of("Liste d’attente", "1", "20/11/2021 10:15", "3"), pick(rows.get(3)));
    assertEquals(List.of("Annulée", "3", "20/11/2021 10:15", ""), pick(rows.get(4)));
    assertEquals(List.of("Liste d’attente", "3", "02/07/2021 00:30", "4"), pick(rows.get(5)));
    assertTrue(rows.get(1).get(4).endsWith("@example.org"));
  }

  private static List<String> pick(CSVRecord row) {
    return List.of(row.get(0), row.get(1), row.get(11), row.get(12));
  }

  @Test
  void fiveThousandRowsAreStreamedNotBuiltInMemory() throws IOException {
    int total = 5_000;
    CountingStream out = new CountingStream();
    long[] writtenAtRow4000 = {-1};
    Iterable<Registration> lazy =
        () ->
            new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return i < total;
              }

              @Override
              public Registration next() {
                if (!hasNext()) {
                  throw new NoSuchElementException();
                }
                if (i == 4_000) {
                  writtenAtRow4000[0] = out.size();
                }
                i++;
                return registration(
                    i % 7 == 0 ? Registration.Status.WAITING : Registration.Status.CONFIRMED,
                    1,
                    "Nom" + i,
                    "Prénom" + i,
                    CREATED);
              }
            };
    RegistrationCsv.write(lazy, out);
    assertTrue(
        writtenAtRow4000[0] > 100_000,
        "bytes already written when row 4000 is read: " + writtenAtRow4000[0]);
    List<CSVRecord> rows = parse(out.bytes.toByteArray());
    assertEquals(total + 1, rows.size());
    assertEquals("Nom5000", rows.get(total).get(2));
    assertEquals("1", rows.get(7).get(12), "first waiting registration is first in line");
    assertEquals(Integer.toString(total / 7), rows.get(total / 7 * 7).get(12));
  }

  /** Keeps the bytes and tells how many arrived so far. */
  private static final class CountingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    long size() {
      return bytes.size();
    }
  }

  @Test
  void fileNameIsAsciiWithTheParisDate() {
    assertEquals(
        "inscriptions-journee-ptlcd-2021-11-20.csv",
        RegistrationCsv.fileName("journee-ptlcd", LocalDate.of(2021, 11, 20)));
    assertEquals(
        "inscriptions-journee-d-etude-lille-coeur-2021-11-20.csv",
        RegistrationCsv.fileName("Journée d’étude – Lille, cœur", LocalDate.of(2021, 11, 20)));
    assertEquals(
        "inscriptions-evenement-2021-11-20.csv",
        RegistrationCsv.fileName("«»", LocalDate.of(2021, 11, 20)));
    assertEquals(
        "inscriptions-evenement-2021-11-20.csv",
        RegistrationCsv.fileName(null, LocalDate.of(2021, 11, 20)));
    // 23:30 Z on 30 November is already 1 December in Paris
    assertEquals(
        "inscriptions-x-2021-12-01.csv",
        RegistrationCsv.fileName("x", Instant.parse("2021-11-30T23:30:00Z")));
    String longName = RegistrationCsv.fileName("a".repeat(300), LocalDate.of(2021, 1, 1));
    assertTrue(longName.length() < 120, longName);
    assertTrue(longName.chars().allMatch(c -> c < 128), longName);
  }
}
