package fr.irev.news.news;

import java.util.Objects;

/**
 * A DAM asset attached to a news item, with the staff's own title and description.
 *
 * @param assetLink DAM link as stored by Magnolia's DAM link field ({@code jcr:<identifier>}),
 *     never {@code null}
 * @param title title given by the staff, or {@code null} (the asset's own title is used then)
 * @param description short description, or {@code null}
 */
public record Attachment(String assetLink, String title, String description) {
  public Attachment {
    Objects.requireNonNull(assetLink, "assetLink");
  }
}
