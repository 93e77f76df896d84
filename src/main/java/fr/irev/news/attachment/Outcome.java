package fr.irev.news.attachment;

/**
 * What one PDF job gave: a value when {@code status} is OK, else why not, and whether trying again
 * later might give another answer.
 *
 * @param status never {@code null}
 * @param value the job's result when {@code status} is OK, else {@code null}
 * @param transientFailure the file was not tried (no worker free in time, the binary could not be
 *     copied): the answer says nothing about the file and should not be remembered
 */
record Outcome<T>(PdfStatus status, T value, boolean transientFailure) {

  static <T> Outcome<T> ok(T value) {
    return new Outcome<>(PdfStatus.OK, value, false);
  }

  static <T> Outcome<T> failed(PdfStatus status) {
    return new Outcome<>(status, null, false);
  }

  static <T> Outcome<T> notTried(PdfStatus status) {
    return new Outcome<>(status, null, true);
  }
}
