package fr.irev.news.registration.staff;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.registration.Registration;
import fr.irev.news.registration.RegistrationForm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The registrations of one event as a CSV file that French spreadsheets (Excel, LibreOffice Calc)
 * open directly: UTF-8 with a byte order mark ({@code EF BB BF}, case C12), {@code ;} between
 * fields, CRLF after each record, fields holding {@code ;}, {@code "} or a line break quoted (RFC
 * 4180 style, {@code "} doubled), French header and statuses, dates in Europe/Paris as {@code
 * dd/MM/yyyy HH:mm} (read as a date-time by a French spreadsheet).
 *
 * <p><b>Formula injection (case C11).</b> Following OWASP's "CSV Injection" guidance, every text
 * cell that a visitor typed and that starts with {@code =}, {@code +}, {@code -}, {@code @}, TAB,
 * CR or LF (or their full-width forms {@code ＝ ＋ － ＠}) is prefixed with an apostrophe {@code '}, so
 * a spreadsheet shows it as text and never evaluates it. This also applies to phone numbers: {@code
 * +33 6 12 34 56 78} is exported as {@code '+33 6 12 34 56 78}. The number stays whole and readable
 * (the apostrophe shows in front of it); without it, a spreadsheet would read the cell as the
 * formula {@code =+33 6 12…} and show an error, or drop the {@code +}. Staff who want to dial or
 * re-import the numbers remove the apostrophe; nothing else is changed in a cell. The cells this
 * class writes itself (status, seats, date, position) never start with those characters.
 *
 * <p>Writing streams: one record at a time through a buffered writer, so thousands of registrations
 * never become one String. The stream is flushed, not closed.
 */
public final class RegistrationCsv {

  /** Content type of the file. */
  public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

  /** The header row, in column order. */
  public static final List<String> HEADER =
      List.of(
          "Statut",
          "Places",
          "Nom",
          "Prénom",
          "Courriel",
          "Organisme",
          "Fonction",
          "Commune",
          "Téléphone",
          "Besoins",
          "Commentaire",
          "Inscrit le",
          "Position");

  /** The CSV dialect: {@code ;}, CRLF, {@code "} quotes only where needed. */
  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setDelimiter(';')
          .setQuote('"')
          .setRecordSeparator("\r\n")
          .setQuoteMode(QuoteMode.MINIMAL)
          .get();

  private static final char BOM = '\uFEFF';

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);

  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

  private static final int MAX_NAME_LENGTH = 80;

  private RegistrationCsv() {}

  /**
   * Writes the BOM, the header row and one row per registration.
   *
   * @param registrations the registrations of one event <b>in order of arrival</b> (the
   *     waiting-list position of a waiting registration is 1 + the seats of the waiting
   *     registrations before it, as the store counts it); read once, lazily; may be empty (then
   *     only the header is written)
   * @param out where the bytes go; flushed, not closed
   * @throws IOException when writing fails
   * @throws NullPointerException when an argument or a registration is {@code null}
   */
  public static void write(Iterable<Registration> registrations, OutputStream out)
      throws IOException {
    Objects.requireNonNull(registrations, "registrations");
    Objects.requireNonNull(out, "out");
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(BOM);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(HEADER);
    int waitingSeatsAhead = 0;
    for (Registration r : registrations) {
      String position = "";
      if (r.status() == Registration.Status.WAITING) {
        position = Integer.toString(waitingSeatsAhead + 1);
        waitingSeatsAhead += r.seats();
      }
      RegistrationForm.RegistrationDetails d = r.details();
      printer.printRecord(
          statusLabel(r.status()),
          Integer.toString(r.seats()),
          cell(r.lastName()),
          cell(r.firstName()),
          cell(r.email()),
          cell(d.organisation()),
          cell(d.function()),
          cell(d.commune()),
          cell(d.phone()),
          cell(d.needs()),
          cell(d.comment()),
          r.created() == null ? "" : DATE_TIME.format(FrenchDates.inParis(r.created())),
          position);
    }
    printer.flush();
  }

  /**
   * The status as written in the file.
   *
   * @param status a status, not {@code null}
   * @return "Confirmée", "Liste d’attente" or "Annulée"
   */
  public static String statusLabel(Registration.Status status) {
    return switch (status) {
      case CONFIRMED -> "Confirmée";
      case WAITING -> "Liste d’attente";
      case CANCELLED -> "Annulée";
    };
  }

  /**
   * A visitor-typed value made safe for a spreadsheet cell (see the class comment, case C11).
   *
   * @param value the value, may be {@code null}
   * @return {@code ""} for {@code null}; the value prefixed with {@code '} when it starts with a
   *     character that could start a formula; otherwise the value unchanged
   */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠' -> "'" + value;
      default -> value;
    };
  }

  /**
   * The download file name {@code inscriptions-<event>-<yyyy-MM-dd>.csv}, ASCII only: accents are
   * folded ("Journée d’étude" → {@code journee-d-etude}), anything but {@code a-z 0-9} becomes one
   * {@code -}, the event part is cut at {@value #MAX_NAME_LENGTH} characters and is {@code
   * evenement} when nothing is left.
   *
   * @param eventUrlName the event's URL name (or title), may be {@code null}
   * @param date the export date, not {@code null}
   * @return e.g. {@code inscriptions-journee-ptlcd-2021-11-20.csv}
   */
  public static String fileName(String eventUrlName, LocalDate date) {
    Objects.requireNonNull(date, "date");
    return "inscriptions-" + asciiSlug(eventUrlName) + "-" + FILE_DATE.format(date) + ".csv";
  }

  /**
   * {@link #fileName(String, LocalDate)} with the Paris calendar date of an instant.
   *
   * @param eventUrlName the event's URL name, may be {@code null}
   * @param now the export instant, not {@code null}
   * @return the file name
   */
  public static String fileName(String eventUrlName, Instant now) {
    Objects.requireNonNull(now, "now");
    return fileName(eventUrlName, FrenchDates.inParis(now).toLocalDate());
  }

  static String asciiSlug(String text) {
    String folded =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ß", "ss")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (folded.length() > MAX_NAME_LENGTH) {
      folded = folded.substring(0, MAX_NAME_LENGTH).replaceAll("-+$", "");
    }
    return folded.isEmpty() ? "evenement" : folded;
  }
}
